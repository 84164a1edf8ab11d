"""`check --fix`: apply each file's fixes in place before the check reports what is left."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

from ivrcheck import engine
from ivrcheck.config import Config
from ivrcheck.workspace import UsageError, menu_files


def fix_paths(paths: Sequence[str], resolve: Callable[[Path], Config], unsafe: bool) -> str:
    """Fix every file the paths name (the unsafe fixes too when asked) and say how many, for standard error."""
    if list(paths) == ["-"]:
        raise UsageError("--fix changes files in place; give file paths, not standard input")
    counts = [len(engine.fix_file(path, resolve(path), unsafe)) for path in menu_files(paths)]
    fixed, files = sum(counts), sum(1 for count in counts if count)
    return f"ivrcheck: applied {fixed} fix{'' if fixed == 1 else 'es'} in {files} file{'' if files == 1 else 's'}"
