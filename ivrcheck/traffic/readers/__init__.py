"""Log readers, one module a platform: `NAME`, `TITLE`, `detect(head, filename)`, `read(stream, name, skipped)`.

Readers sit below the graph: they turn records into `Event`s in the platform's own names and
know nothing of the design; `traffic.tally` maps the names onto the line's nodes.
"""

from __future__ import annotations

import gzip
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType
from typing import IO, Iterator

from ivrcheck.lazy import LazyModules
from ivrcheck.traffic.events import Event, Skipped
from ivrcheck.traffic.readers import aggregate, jsonstream
from ivrcheck.traffic.readers import limits

#: Reader modules in the order `detect` is tried (the most specific first; plain CSV last).
NAMES = ("aggregate", "connect", "genesys", "studio", "freeswitch", "asterisk", "plain")
#: Reader name -> its module, imported when a log first needs it.
READERS: Mapping[str, ModuleType] = LazyModules("ivrcheck.traffic.readers", {name: name for name in NAMES})


def by_format(fmt: str) -> ModuleType | None:
    """A reader by its `NAME` (connect, genesys, studio, freeswitch, asterisk-cel, ..., csv)."""
    for module_name in NAMES:
        module = READERS[module_name]
        if fmt in getattr(module, "FORMATS", (module.NAME,)):
            return module
    return None


def formats() -> list[str]:
    return [fmt for name in NAMES for fmt in getattr(READERS[name], "FORMATS", (READERS[name].NAME,))]


def open_log(path: Path) -> limits.Bounded:
    """A log file as text (gzip-compressed when it ends in .gz), undecodable bytes replaced, its lines and
    unpacked size bounded (`limits`: LogTooBig past them)."""
    if path.suffix == ".gz":
        most = max(limits.MIN_UNPACKED, limits.MAX_RATIO * path.stat().st_size)
        return limits.Bounded(gzip.open(path, "rt", encoding="utf-8", errors="replace", newline=""), str(path), most)
    return limits.Bounded(path.open("r", encoding="utf-8", errors="replace", newline=""), str(path), None)


def detect(path: Path) -> str | None:
    """The format of a log from its first bytes and its name; None when no reader knows it."""
    with open_log(path) as stream:
        head = stream.read(8192)
    filename = path.name.removesuffix(".gz").lower()
    for name in NAMES:
        module = READERS[name]
        found = module.detect(head, filename)
        if found:
            return found if isinstance(found, str) else module.NAME
    return None


def events(stream: IO[str], name: str, fmt: str, skipped: Skipped) -> Iterator[Event]:
    """Every event of one open log, streamed: the reader's own generator, with no layer between."""
    module = by_format(fmt)
    assert module is not None, fmt
    if hasattr(module, "read_format"):
        return module.read_format(fmt, stream, name, skipped)
    return module.read(stream, name, skipped)


__all__ = ["NAMES", "aggregate", "by_format", "detect", "events", "formats", "jsonstream", "limits", "open_log"]
