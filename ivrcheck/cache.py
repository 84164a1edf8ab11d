"""Results kept across runs, so CI on a repository of many lines re-checks only the lines that changed.

Like ruff's and mypy's caches: an entry holds one phone line's results, found by the root file,
the config in force, ivrcheck itself and the data it reads; it is used only while every file
of the line still has the content it had (a size and modification time that have not moved,
or else the same SHA-256), and no file the line names but could not read has appeared since.
Unchanged files are not read at all. Entries live in `.ivrcheck_cache/` beside the config
file (the working folder when there is none) or in `--cache-dir`; each is written atomically,
and a cache that cannot be read or written is skipped, never an error. See docs/cache.md.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import io
import json
import os
import pickle
import re
import sys
import time
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from ivrcheck import __version__
from ivrcheck.config import Config
from ivrcheck.discover import is_regular_file, real_path
from ivrcheck.fileio import atomic_write, open_regular, read_limited, utf8
from ivrcheck.findings import lapsed

#: The folder's name when it sits beside a config file or in the working folder.
FOLDER = ".ivrcheck_cache"
#: Bumped when an entry's layout changes, so old entries are simply not found.
LAYOUT = "2"
#: A file modified this recently when its entry is written may change again within the same
#: clock tick; its size and time are then not trusted and its content is compared instead.
_RACY_NS = 2_000_000_000
#: Where libvoikko looks for dictionaries (its readings of Finnish depend on the one installed).
_VOIKKO_PLACES = ("/usr/lib/voikko", "/usr/share/voikko", "/usr/local/lib/voikko", "/usr/local/share/voikko",
                  "~/.voikko", "/usr/lib/x86_64-linux-gnu/voikko", "/usr/lib/aarch64-linux-gnu/voikko")
#: Libraries whose behaviour reaches the findings: module name, distribution name (lower case).
_LIBRARIES = (("networkx", "networkx"), ("yaml", "pyyaml"), ("rapidfuzz", "rapidfuzz"),
              ("snowballstemmer", "snowballstemmer"), ("libvoikko", "libvoikko"))
#: Environment variables that change what the language readers do.
_ENVIRONMENT = ("IVRCHECK_NO_VOIKKO", "IVRCHECK_NO_WORDNET", "WORDNET_DIR", "IVRCHECK_NO_FREEDICT", "FREEDICT_DIR")

#: The most bytes an entry may hold (the results of a ten-megabyte line take a few); a bigger file
#: in the folder is not read, and a result that would not fit is not kept.
ENTRY_LIMIT = 64 << 20
#: The most bytes of the note of the package's digest (it holds two digests).
_NOTE_LIMIT = 4096

#: A file as its entry remembers it: size, modification time (ns) and content digest.
Stamp = tuple[int, int, str]


@dataclasses.dataclass
class Pending:
    """A line not found in the cache: where its entry goes and the root as it was before the check."""

    entry: Path
    before: os.stat_result | None


class LineCache:
    """Phone-line results on disk, one entry per root file, config and working folder."""

    def __init__(self, folder: Path | None = None) -> None:
        #: `--cache-dir`; None puts the cache beside each file's config.
        self.folder = folder
        self._prepared: set[Path] = set()
        #: id(config) -> (the config, kept alive so its id is not reused; its digest).
        self._configs: dict[int, tuple[Config, str]] = {}

    def lookup(self, path: Path, display: str, config: Config, kind: type = object) -> tuple[Any, Pending | None]:
        """The stored result (a `kind`) of the line rooted at `path` if still valid, else (None, what
        `store` needs)."""
        entry = self._entry(path, display, config)
        try:
            before: os.stat_result | None = os.stat(path)
        except OSError:
            before = None
        stored = _read_entry(entry)
        if stored is None or not isinstance(stored["result"], kind):
            return None, Pending(entry, before)
        fresh = _still_valid(stored)
        if fresh is None or lapsed(w for r in getattr(stored["result"], "results", {}).values() for w in r.waivers):
            return None, Pending(entry, before)
        if fresh != stored["files"]:  # same bytes, new times (a fresh checkout): remember the new times
            self._write(entry, {**stored, "files": fresh})
        return stored["result"], None

    def store(self, pending: Pending, root: Path, result: Any, files: Iterable[Path],
              referenced: Iterable[Path]) -> None:
        """Keep a line's result: `files` are every file it read, `referenced` every file its targets name."""
        try:
            if pending.before is None or not _same_stat(os.stat(root), pending.before):
                return  # the root changed while it was checked: the result may be of neither version
            now = time.time_ns()
            stamps = {str(p): _stamp(p, now) for p in {real_path(root), *files}}
            absent = sorted(str(p) for p in set(referenced) if str(p) not in stamps and not is_regular_file(p))
        except OSError:
            return
        self._write(pending.entry, {"files": stamps, "absent": absent, "result": result})

    def _write(self, entry: Path, content: dict[str, Any]) -> None:
        try:
            payload = pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL)
            if len(payload) + 32 > ENTRY_LIMIT:
                return  # it could never be read back
            self._prepare(entry.parent.parent)
            atomic_write(entry, hashlib.sha256(payload).digest() + payload)
        except (OSError, pickle.PicklingError):
            return  # a read-only checkout or a full disk: the run goes on uncached

    def _entry(self, path: Path, display: str, config: Config) -> Path:
        folder = self.folder or (real_path(config.source).parent if config.source else Path.cwd()) / FOLDER
        key = hashlib.sha256(repr((_fingerprint(folder), self._config_digest(config), os.getcwd(), display,
                                   str(real_path(path)))).encode("utf-8")).hexdigest()
        return folder / f"lines-{LAYOUT}" / f"{key}.pickle"

    def _config_digest(self, config: Config) -> str:
        """The config's digest, worked out once per config object (files of one folder share one)."""
        known = self._configs.get(id(config))
        if known is None or known[0] is not config:
            known = (config, hashlib.sha256(utf8(repr(_canonical(config)))).hexdigest())
            self._configs[id(config)] = known
        return known[1]

    def _prepare(self, folder: Path) -> None:
        """Make the folder, marked as a cache for backup tools and ignored by git, once per run."""
        if folder in self._prepared:
            return
        (folder / f"lines-{LAYOUT}").mkdir(parents=True, exist_ok=True)
        if not (folder / ".gitignore").exists():
            atomic_write(folder / ".gitignore", "# Made by ivrcheck: results kept between runs.\n*\n")
        if not (folder / "CACHEDIR.TAG").exists():
            atomic_write(folder / "CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n"
                                                  "# This folder is ivrcheck's cache (https://bford.info/cachedir/).\n")
        self._prepared.add(folder)


def _read_entry(entry: Path) -> dict[str, Any] | None:
    """An entry's content, or None for any entry that is not whole and of the expected shape: missing,
    truncated, damaged on disk (its leading SHA-256 of the rest no longer matches) or foreign. An
    unreadable entry is only a miss, and so is anything but a regular file of at most ENTRY_LIMIT
    bytes: a symlink (never followed, even to a real entry), a FIFO, a device, a huge file."""
    try:
        data = read_limited(entry, ENTRY_LIMIT, follow=False)
        if hashlib.sha256(data[32:]).digest() != data[:32]:
            return None
        stored = _Reader(io.BytesIO(data[32:])).load()
    except Exception:  # noqa: BLE001 - whatever a damaged pickle raises, the entry is only a miss
        return None
    return stored if _well_formed(stored) else None


def _well_formed(stored: object) -> bool:
    """The layout `store` writes: files (name -> size, time, digest), absent names, a result."""
    if not isinstance(stored, dict) or set(stored) != {"files", "absent", "result"}:
        return False
    files, absent = stored["files"], stored["absent"]
    return (isinstance(files, dict) and isinstance(absent, list) and all(isinstance(a, str) for a in absent)
            and all(isinstance(name, str) and isinstance(stamp, tuple) and len(stamp) == 3
                    and type(stamp[0]) is int and type(stamp[1]) is int and isinstance(stamp[2], str)
                    for name, stamp in files.items()))


class _Reader(pickle.Unpickler):
    """Reads an entry, building only ivrcheck's own result types and paths: an entry planted by
    someone else cannot make the reader call anything (see docs/cache.md)."""

    def find_class(self, module: str, name: str) -> Any:
        found = super().find_class(module, name)
        if module == "pathlib" and name in ("Path", "PosixPath", "WindowsPath"):
            return found
        if module.startswith("ivrcheck.") and isinstance(found, type) and (
                dataclasses.is_dataclass(found) or issubclass(found, enum.Enum)):
            return found
        raise pickle.UnpicklingError(f"an entry may not hold {module}.{name}")


def digest(path: Path) -> str:
    """The SHA-256 of a file's bytes (the one place the cache reads a line's file); NotRegular
    (an OSError) for a FIFO or a device, whose reading might never end."""
    with open_regular(path) as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _stamp(path: Path, now: int) -> Stamp:
    """A file's size, time and digest, the time taken before the content is read."""
    info = os.stat(path)
    return _stamped(info, digest(path), now)


def _stamped(info: os.stat_result, sha: str, now: int) -> Stamp:
    """Size and time are left out (-1) when too recent to be trusted."""
    return (-1, -1, sha) if now - info.st_mtime_ns < _RACY_NS else (info.st_size, info.st_mtime_ns, sha)


def _still_valid(stored: dict[str, Any]) -> dict[str, Stamp] | None:
    """The files' stamps as they are now if every file read has its content still and no named
    file that was missing has appeared; else None."""
    now = time.time_ns()
    fresh = {}
    for name, stamp in stored["files"].items():
        try:
            info = os.stat(name)
        except OSError:
            return None
        if (info.st_size, info.st_mtime_ns) != stamp[:2]:
            try:
                if digest(Path(name)) != stamp[2]:
                    return None
            except OSError:  # gone, unreadable, or no longer a regular file
                return None
            stamp = _stamped(info, stamp[2], now)
        fresh[name] = stamp
    return None if any(is_regular_file(Path(name)) for name in stored["absent"]) else fresh


def _same_stat(one: os.stat_result, other: os.stat_result) -> bool:
    return (one.st_size, one.st_mtime_ns, one.st_ino) == (other.st_size, other.st_mtime_ns, other.st_ino)


def _canonical(value: Any) -> Any:
    """A config as nested tuples whose repr does not depend on set order or hash seeds."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__, *((f.name, _canonical(getattr(value, f.name)))
                                        for f in dataclasses.fields(value)))
    if isinstance(value, dict):
        return ("dict", *sorted(((_canonical(k), _canonical(v)) for k, v in value.items()), key=repr))
    if isinstance(value, (set, frozenset)):
        return ("set", *sorted((_canonical(v) for v in value), key=repr))
    if isinstance(value, (list, tuple)):
        return tuple(_canonical(v) for v in value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, re.Pattern):
        return value.pattern
    return value


@lru_cache(maxsize=None)
def _fingerprint(folder: Path) -> str:
    """A digest of ivrcheck itself (its version, and the content of every file of the package, which a
    checkout edits without a new version), the libraries whose results it reports, and the installed
    language data. Content, not times, so that a fresh install of the same ivrcheck in CI finds the
    cache it restored."""
    own = _own_digest(folder)
    libraries = tuple(_library(name, dist) for name, dist in _LIBRARIES)
    environment = tuple(os.environ.get(name) for name in _ENVIRONMENT)
    from ivrcheck.language import freedict, wordnet

    words, dictionary = wordnet.folder(), freedict.folder()
    data = sorted(_stat_tree(words) if words else []) + sorted(
        item for name in freedict.NAMES.values() if dictionary
        for item in _stat_tree(dictionary) if os.path.basename(item[0]).startswith(name)) + sorted(
        item for place in _VOIKKO_PLACES for item in _stat_tree(Path(place).expanduser()))
    described = repr((LAYOUT, __version__, sys.version, own, libraries, environment, data))
    return hashlib.sha256(utf8(described)).hexdigest()


def _own_digest(folder: Path) -> str:
    """The digest of the package's files, read from `folder`'s note of it while no file's size or time
    has moved (reading and hashing the package's 1.6 MB is most of a warm run's own work)."""
    package = Path(__file__).resolve().parent
    tree = sorted(_stat_tree(package))
    stats = hashlib.sha256(utf8(repr(tree))).hexdigest()
    note = folder / "ivrcheck-files.json"
    try:
        saved = json.loads(read_limited(note, _NOTE_LIMIT, follow=False))
        if saved["stats"] == stats and isinstance(saved["content"], str):
            return saved["content"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    own = hashlib.sha256()
    for path, _, _ in tree:
        own.update(utf8(f"{os.path.relpath(path, package)}\0"))
        with open(path, "rb") as handle:
            own.update(handle.read())
    if all(time.time_ns() - mtime >= _RACY_NS for _, _, mtime in tree) and folder.is_dir():
        try:
            atomic_write(note, json.dumps({"stats": stats, "content": own.hexdigest()}))
        except OSError:
            pass
    return own.hexdigest()


def _library(name: str, dist: str) -> str | None:
    """A library's version: from the module when it is loaded, else from the name of the
    `.dist-info` folder installed beside it (reading package metadata costs a tenth of a second)."""
    module = sys.modules.get(name)
    if module is not None and getattr(module, "__version__", None):
        return str(module.__version__)
    from importlib.util import find_spec

    try:
        spec = find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin or not os.path.exists(spec.origin):
        return None
    origin = Path(spec.origin)
    site = origin.parent.parent if origin.name == "__init__.py" else origin.parent
    try:
        return next((entry for entry in sorted(os.listdir(site))
                     if entry.lower().startswith(f"{dist}-") and entry.endswith(".dist-info")), str(origin))
    except OSError:
        return str(origin)


def _stat_tree(folder: Path) -> list[tuple[str, int, int]]:
    """Every file under a folder (bytecode left out) with its size and modification time."""
    found = []
    for where, folders, names in os.walk(folder):
        folders[:] = [f for f in folders if f != "__pycache__"]
        for name in names:
            path = os.path.join(where, name)
            try:
                info = os.stat(path)
            except OSError:
                continue
            found.append((path, info.st_size, info.st_mtime_ns))
    return found
