"""Writing output files so that a reader never sees half of one, with the permissions users expect."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def utf8(data: bytes | str) -> bytes:
    """Text as UTF-8 bytes, whatever it carries: a file name the system gave as undecodable bytes
    goes back as those bytes (surrogateescape, as `ls` shows it), and a lone surrogate from an
    export's text (JSON allows `\\ud800`) is written as its escape rather than stopping the run."""
    if isinstance(data, bytes):
        return data
    try:
        return data.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return data.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            return data.encode("utf-8", "backslashreplace")


def text(data: bytes | str) -> str:
    """What `utf8` wrote, as text again: a file name's undecodable bytes come back as the same
    surrogates, so the text can be joined into more output and written by `utf8` unchanged."""
    return data if isinstance(data, str) else data.decode("utf-8", "surrogateescape")


def write_output(path: Path, data: bytes | str) -> None:
    """Write an output the way users expect of any tool.

    A regular file (or a new one) is replaced atomically (see `atomic_write`). Anything else
    (`/dev/null`, a FIFO, a terminal) is written through, never replaced; a symlink is followed,
    so the link stays and its target gets the content.
    """
    payload = utf8(data)
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        with open(target, "wb") as out:
            out.write(payload)
        return
    atomic_write(target, payload)


def atomic_write(path: Path, data: bytes | str) -> None:
    """Write to a temporary file in the same folder, fsync it, then rename it over `path`.

    The file keeps its permissions (a read-only menu `--fix` rewrites stays read-only, an
    executable stays executable); a new file gets the mode the umask gives, as `open()` would.
    Every file ivrcheck replaces (outputs, `--fix`, the cache) is written here.
    """
    payload = utf8(data)
    folder = path.parent if str(path.parent) else Path(".")
    mode = _kept_mode(path)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _kept_mode(path: Path) -> int:
    """The permission bits of the file at `path`, or the umask's for a file not there yet."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return _umask_mode()


def _umask_mode() -> int:
    """0o666 less the process umask: what `open()` would give a new file."""
    current = os.umask(0)
    os.umask(current)
    return 0o666 & ~current
