"""Records of a JSON log one at a time: JSON lines, or the items of the first array in a big document.

A platform's API export is often one document (`{"conversations": [...]}`, `{"steps": [...]}`)
that holds a year of calls; loading it whole would make memory grow with the log. This reads
the document in chunks and decodes one array item at a time with the standard decoder.
"""

from __future__ import annotations

import json
from typing import IO, Iterator

from ivrcheck.traffic.events import Unreadable

_CHUNK = 1 << 16
_DECODER = json.JSONDecoder()


class BadJson(Unreadable):
    """The log is not JSON where a record should start; `where` says at which record."""

    def __init__(self, where: str) -> None:
        super().__init__("not JSON where a record should start", where)


def records(stream: IO[str], name: str) -> Iterator[tuple[object, str]]:
    """Each record with where it came from (`file:line` for JSON lines, `file: item N` in an array)."""
    head = stream.read(_CHUNK)
    first = head.lstrip()[:1]
    if first == "[" or (first == "{" and not _one_object_per_line(head)):
        yield from _array_items(head, stream, name)
        return
    number = 0
    for line in _lines(head, stream):
        number += 1
        if line.strip():
            try:
                yield json.loads(line), f"{name}:{number}"
            except ValueError:
                yield None, f"{name}:{number}"


def _one_object_per_line(head: str) -> bool:
    """JSON lines: the first line is a whole record, and not a document that wraps an array of records."""
    line, _, rest = head.lstrip().partition("\n")
    try:
        first = json.loads(line)
    except ValueError:
        return False
    wraps = isinstance(first, dict) and any(isinstance(v, list) and v and isinstance(v[0], dict)
                                             for v in first.values())
    return not wraps or bool(rest.strip())


def _lines(head: str, stream: IO[str]) -> Iterator[str]:
    rest = head
    while True:
        *whole, rest = rest.split("\n")
        yield from whole
        more = stream.read(_CHUNK)
        if not more:
            if rest:
                yield rest
            return
        rest += more


def _array_items(buffer: str, stream: IO[str], name: str) -> Iterator[tuple[object, str]]:
    """The items of the first array in the document (the top level, or the first array-valued key)."""
    buffer, at = _refill(buffer, stream, 0)
    start = buffer.find("[")
    while start < 0:
        more = stream.read(_CHUNK)
        if not more:
            return
        buffer += more
        start = buffer.find("[")
    at, number = start + 1, 0
    while True:
        buffer, at = _refill(buffer, stream, at)
        while at < len(buffer) and buffer[at] in " \t\r\n,":
            at += 1
        if at >= len(buffer) or buffer[at] == "]":
            return
        number += 1
        try:
            item, end = _DECODER.raw_decode(buffer, at)
        except ValueError:
            more = stream.read(_CHUNK)
            if not more:
                raise BadJson(f"{name}: item {number}") from None
            buffer += more
            number -= 1
            continue
        yield item, f"{name}: item {number}"
        at = end


def _refill(buffer: str, stream: IO[str], at: int) -> tuple[str, int]:
    """Drop what has been decoded and make sure a chunk is waiting."""
    if at > _CHUNK:
        buffer, at = buffer[at:], 0
    if len(buffer) - at < _CHUNK:
        buffer += stream.read(_CHUNK)
    return buffer, at
