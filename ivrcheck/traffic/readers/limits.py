"""Bounds on what a log may make the readers hold: one line, and what a .gz file unpacks to.

A 1 MB .gz can hold a 1 GB line (a "gzip bomb"); reading it took minutes and gigabytes before
any reader saw a record. Every log is read through `Bounded`, so a line longer than MAX_LINE or
a .gz unpacking past MAX_RATIO times its size ends the read with one clear line instead.
"""

from __future__ import annotations

from typing import IO, Iterator

#: The longest line a log may have, in characters: a call record is a few hundred, a busy JSON record a few thousand.
MAX_LINE = 1024 * 1024
#: How many times its own size a .gz log may unpack to (call logs compress 5-15 times; a gzip bomb about 1,000).
MAX_RATIO = 20
#: What any .gz may unpack to whatever its size, so a small compressed log is never refused.
MIN_UNPACKED = 16 * 1024 * 1024


class LogTooBig(ValueError):
    """A log line, or a compressed log's unpacked text, is over its bound; the message says which and what to do."""


class Bounded:
    """A text stream that counts what it hands out: lines up to MAX_LINE, the whole up to `most` characters."""

    def __init__(self, stream: IO[str], name: str, most: int | None) -> None:
        self.stream, self.name, self.most = stream, name, most
        self.seen = 0
        self.lines = 0

    def _count(self, text: str) -> str:
        self.seen += len(text)
        if self.most is not None and self.seen > self.most:
            raise LogTooBig(f"{self.name}: unpacks to more than {self.most} characters (the bound is {MAX_RATIO} "
                            f"times its compressed size, {MIN_UNPACKED} at least); a call log compresses 5-15 times, "
                            "so this looks like a gzip bomb: unpack it yourself (gunzip) and give the .csv if it is genuine")
        return text

    def read(self, size: int = -1) -> str:
        if size is None or size < 0:  # all of it, a bounded piece at a time
            return "".join(iter(lambda: self.read(MAX_LINE), ""))
        return self._count(self.stream.read(size))

    def readline(self, size: int = -1) -> str:
        line = self.stream.readline(MAX_LINE + 1 if size < 0 else min(size, MAX_LINE + 1))
        self.lines += 1
        if len(line) > MAX_LINE:
            raise LogTooBig(f"{self.name}:{self.lines}: a line longer than {MAX_LINE} characters; a call log's "
                            "record is a few hundred, so this is not a log (or its lines are not ended)")
        return self._count(line)

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __enter__(self) -> Bounded:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stream.close()

    def close(self) -> None:
        self.stream.close()
