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
    counts = [_fixed(path, resolve(path), unsafe) for path in menu_files(paths)]
    fixed, files = sum(counts), sum(1 for count in counts if count)
    return f"ivrcheck: applied {fixed} fix{'' if fixed == 1 else 'es'} in {files} file{'' if files == 1 else 's'}"


def _fixed(path: Path, config: Config, unsafe: bool) -> int:
    """How many fixes one file took; a file (or folder) that cannot be written stops the run, exit 2."""
    try:
        return len(engine.fix_file(path, config, unsafe))
    except OSError as exc:
        raise UsageError(f"{path}: cannot write the fixes: {exc.strerror or exc}") from None
