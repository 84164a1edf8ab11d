"""Traffic step: read what callers really did from call logs and lay it on the design (docs/traffic.md).

`readers/` turn each platform's records into events in the platform's own names; `tally`
holds them per call and hands each finished call to `walk`, which lays it on the line's
nodes (`names` resolves the platform's names) into `counts`; `observed` turns the counts into
shares and rates; `weights` writes shares back as `weight:`; `compare` sets the tree test's
predictions against them; `rules/` are the findings only traffic can show.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Sequence

from ivrcheck.model import Menu
from ivrcheck.traffic import readers
from ivrcheck.traffic.events import Skipped, Unreadable
from ivrcheck.traffic.observed import ALL, Traffic, build
from ivrcheck.traffic.tally import Tally


class UnknownLog(ValueError):
    """A log that cannot be read, or whose format could not be told (and no --log-format was given)."""


def log_files(paths: Sequence[Path]) -> list[Path]:
    """The files to read: each file given, and every file under each folder given (hidden ones aside), in order."""
    found = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        else:
            found.append(path)
    return found


def read(menu: Menu, logs: Sequence[Path], fmt: str | None = None) -> Traffic:
    """Stream every log through one tally and build the line's traffic."""
    skipped = Skipped()
    tally = Tally(menu)
    logs = log_files(logs)
    for path in logs:
        try:
            _read_one(tally, path, fmt, skipped)
        except (OSError, EOFError, zlib.error) as error:  # EOFError, zlib.error: a cut or damaged .gz
            raise UnknownLog(f"{path}: cannot read it: {getattr(error, 'strerror', None) or error}") from None
        except (readers.limits.LogTooBig, readers.NotText) as error:
            raise UnknownLog(str(error)) from None
    counts = tally.finish()
    return build(menu, counts, tally.records, tally.unknown, skipped, tuple(str(p) for p in logs))


def _read_one(tally: Tally, path: Path, fmt: str | None, skipped: Skipped) -> None:
    found = fmt or readers.detect(path)
    if found is None:
        raise UnknownLog(f"{path}: cannot tell what log this is; give --log-format ({', '.join(readers.formats())})")
    if readers.by_format(found) is None:
        raise UnknownLog(f'unknown log format "{found}"; choose {", ".join(readers.formats())}')
    try:
        with readers.open_log(path) as stream:
            if found == readers.aggregate.NAME:
                tally.add_counts(readers.aggregate.read(stream, str(path), skipped))
            else:
                tally.feed(readers.events(stream, str(path), found, skipped))
    except Unreadable as error:
        skipped.note(f"{error.reason}; the rest of the file was not read", error.where)


__all__ = ["ALL", "Traffic", "UnknownLog", "log_files", "read"]
