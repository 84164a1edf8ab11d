"""Which files a PATH argument means: menu files by name, or YAML that declares `entry` and `nodes`."""

from __future__ import annotations

import errno
import os
import re
import stat
from fnmatch import fnmatch
from pathlib import Path, PurePath, PurePosixPath
from typing import Callable, Iterator

from ivrcheck.fileio import open_regular

MENU_SUFFIXES = (".ivr.yaml", ".ivr.yml")
_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache"}
_TOP_KEY = re.compile(rb"^(entry|nodes)\s*:", re.MULTILINE)


def real_path(path: Path | str) -> Path:
    """The absolute path with symlinks followed; never raises (a symlink loop stays as written).

    `Path.resolve()` raises RuntimeError on a symlink loop; `os.path.realpath` does not.
    """
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError):
        return Path(os.path.abspath(path))


def usable_name(name: str) -> bool:
    """Whether a file name written in a menu can be a path at all (no NUL byte, not absurdly long)."""
    return "\0" not in name and len(name) <= 4096 and all(len(part) <= 255 for part in name.split("/"))


def is_menu_name(path: Path) -> bool:
    return path.name.endswith(MENU_SUFFIXES)


def is_regular_file(path: Path) -> bool:
    """A regular file (symlinks followed): FIFOs, devices and sockets are never read from a folder."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def looks_like_menu(path: Path) -> bool:
    """Plain YAML counts as a menu when its top level has both `entry:` and `nodes:`."""
    try:
        with open_regular(path) as handle:  # a FIFO named like YAML in a folder must not block the walk
            head = handle.read(1_000_000)
    except OSError:
        return False
    return {m.group(1) for m in _TOP_KEY.finditer(head)} == {b"entry", b"nodes"}


def is_menu_file(path: Path) -> bool:
    """A `*.ivr.yaml` name, or YAML whose top level has `entry:` and `nodes:`."""
    return is_menu_name(path) or (path.name.endswith((".yaml", ".yml")) and looks_like_menu(path))


def menu_files(folder: Path, notice: Callable[[str], None] | None = None) -> Iterator[Path]:
    """Menu files under a folder, in a stable order; other YAML is skipped silently, and a symbolic
    link loop with a one-line `notice` (the rest of the folder is still searched)."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if not is_regular_file(path):  # a FIFO would block the read; a dangling link has nothing
                if notice is not None and _loops(path):
                    notice(f"{path}: a symbolic link that leads back to itself; skipped")
                continue
            if is_menu_file(path):
                yield path


def _loops(path: Path) -> bool:
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    except ValueError:
        return False
    return False


def expand(paths: list[Path], notice: Callable[[str], None] | None = None) -> list[Path]:
    """Files stay as given (whatever their name); folders are searched (`notice` hears what is skipped)."""
    found: list[Path] = []
    for path in paths:
        found.extend(menu_files(path, notice) if path.is_dir() else [path])
    return list(dict.fromkeys(found))


def display_path(path: Path) -> str:
    """A path as users see it in reports: relative to the working folder when inside it."""
    try:
        return str(real_path(path).relative_to(real_path(Path.cwd())))
    except ValueError:
        return str(path)


def glob_matches(relative: PurePath, pattern: str) -> bool:
    """`relative.match(pattern) or fnmatch(str(relative), pattern)`: a config's path pattern.

    The standard library compiles a regular expression per pattern, which a config of tens of
    thousands of `per_file_ignores` pays on every file (issue 23). A posix pattern of plain
    parts and `*` is matched here with string searches; any other goes to the library.
    """
    if not isinstance(relative, PurePosixPath) or os.name != "posix" or _UNUSUAL_GLOB.search(pattern):
        return relative.match(pattern) or fnmatch(str(relative), pattern)
    parts = pattern.split("/")
    return (len(parts) <= len(relative.parts) and all(map(_stars_match, reversed(relative.parts), reversed(parts)))
            or _stars_match(str(relative), pattern))


#: What `_stars_match` leaves to the library: `?` and `[...]`; an absolute, empty or `.` part that
#: pathlib would drop or anchor; a backslash (a separator where pathlib reads Windows paths).
_UNUSUAL_GLOB = re.compile(r"[?\[\\]|^/|(?:^|/)\.?(?:/|$)")


def _stars_match(text: str, pattern: str) -> bool:
    """`fnmatchcase(text, pattern)` for a pattern whose only wildcard is `*` (which matches any run).

    Each piece between stars is found leftmost after the one before, which is a match when
    one exists, so the search is linear.
    """
    pieces = pattern.split("*")
    if len(pieces) == 1:
        return text == pattern
    first, last = pieces[0], pieces[-1]
    if len(text) < len(first) + len(last) or not text.startswith(first) or not text.endswith(last):
        return False
    at, end = len(first), len(text) - len(last)
    for piece in pieces[1:-1]:
        found = text.find(piece, at, end)
        if found < 0:
            return False
        at = found + len(piece)
    return True
