"""Reading and writing files safely: no read that blocks or never ends, no output half written."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO, Iterator


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


class NotRegular(OSError):
    """The path is there but is not a regular file (a FIFO, a device, a folder, or a symlink where
    none may be followed): reading it could block or never end. `kind` says what it is."""

    def __init__(self, path: str | os.PathLike[str], kind: str) -> None:
        super().__init__(errno.EINVAL, f"{kind}, not a regular file", os.fspath(path))
        self.kind = kind


class TooLarge(OSError):
    """The file holds more than the reader's limit of bytes; `size` is what was seen (at least limit + 1)."""

    def __init__(self, path: str | os.PathLike[str], size: int, limit: int) -> None:
        super().__init__(errno.EFBIG, f"{size:,} bytes, over the {limit:,}-byte limit", os.fspath(path))
        self.size, self.limit = size, limit


@contextlib.contextmanager
def open_regular(path: str | os.PathLike[str], *, follow: bool = True) -> Iterator[BinaryIO]:
    """Open a file for reading only if it is a regular file, the one gate for every file ivrcheck reads.

    The file is opened without blocking (a FIFO with no writer would wait for ever) and its kind is
    taken from the open descriptor, so nothing can be swapped in between a check and the read. With
    `follow=False` a symlink is refused too (O_NOFOLLOW): for files ivrcheck wrote itself, such as
    cache entries, a link is never ivrcheck's. Raises NotRegular, or the OSError of the open.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP and not follow:
            raise NotRegular(path, "a symbolic link") from None
        raise
    mode = os.fstat(handle).st_mode
    if not stat.S_ISREG(mode):
        os.close(handle)
        raise NotRegular(path, kind_of(mode))
    with os.fdopen(handle, "rb") as stream:
        yield stream


def read_limited(path: str | os.PathLike[str], limit: int, *, follow: bool = True) -> bytes:
    """A regular file's bytes, at most `limit` of them (see `open_regular`): TooLarge past the limit,
    whether the size said so beforehand or the file grew while it was read."""
    with open_regular(path, follow=follow) as stream:
        size = os.fstat(stream.fileno()).st_size
        if size > limit:
            raise TooLarge(path, size, limit)
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(path, len(data), limit)
    return data


def kind_of(mode: int) -> str:
    """What a path that is not a regular file is, in the words `ls -l` users know."""
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return "a folder" if stat.S_ISDIR(mode) else "not a file"


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
    import tempfile  # only where a file is written: reading must not pay its imports

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
