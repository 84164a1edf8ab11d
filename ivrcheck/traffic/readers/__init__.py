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

from ivrcheck.encoding import SAVE_AS_UTF8, marked, utf16
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


class NotText(ValueError):
    """A log in an encoding the readers cannot tell (UTF-16 without its byte-order mark)."""


def open_log(path: Path) -> limits.Bounded:
    """A log file as text (gzip-compressed when it ends in .gz), its lines and unpacked size bounded
    (`limits`: LogTooBig past them). UTF-8, or what a byte-order mark names (UTF-8 with a BOM, UTF-16,
    UTF-32), the mark dropped; undecodable bytes replaced. UTF-16 without a mark is NotText."""
    packed = path.suffix == ".gz"
    with (gzip.open(path, "rb") if packed else path.open("rb")) as raw:
        head = raw.read(256)
    codec = marked(head) or "utf-8"
    if codec == "utf-8" and utf16(head):
        raise NotText(f"{path}: the log is UTF-16 without a byte-order mark; {SAVE_AS_UTF8}")
    if packed:
        most = max(limits.MIN_UNPACKED, limits.MAX_RATIO * path.stat().st_size)
        return limits.Bounded(gzip.open(path, "rt", encoding=codec, errors="replace", newline=""), str(path), most)
    return limits.Bounded(path.open("r", encoding=codec, errors="replace", newline=""), str(path), None)


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


__all__ = ["NAMES", "NotText", "aggregate", "by_format", "detect", "events", "formats", "jsonstream", "limits", "open_log"]
