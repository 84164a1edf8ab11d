"""Which files a PATH argument means: menu files by name, or YAML that declares `entry` and `nodes`."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterator

MENU_SUFFIXES = (".ivr.yaml", ".ivr.yml")
_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache"}
_TOP_KEY = re.compile(rb"^(entry|nodes)\s*:", re.MULTILINE)


def is_menu_name(path: Path) -> bool:
    return path.name.endswith(MENU_SUFFIXES)


def looks_like_menu(path: Path) -> bool:
    """Plain YAML counts as a menu when its top level has both `entry:` and `nodes:`."""
    try:
        head = path.read_bytes()[:1_000_000]
    except OSError:
        return False
    return {m.group(1) for m in _TOP_KEY.finditer(head)} == {b"entry", b"nodes"}


def is_menu_file(path: Path) -> bool:
    """A `*.ivr.yaml` name, or YAML whose top level has `entry:` and `nodes:`."""
    return is_menu_name(path) or (path.name.endswith((".yaml", ".yml")) and looks_like_menu(path))


def menu_files(folder: Path) -> Iterator[Path]:
    """Menu files under a folder, in a stable order; other YAML is skipped silently."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if is_menu_file(path):
                yield path


def expand(paths: list[Path]) -> list[Path]:
    """Files stay as given (whatever their name); folders are searched."""
    found: list[Path] = []
    for path in paths:
        found.extend(menu_files(path) if path.is_dir() else [path])
    return list(dict.fromkeys(found))


def display_path(path: Path) -> str:
    """A path as users see it in reports: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
