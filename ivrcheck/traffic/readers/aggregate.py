"""Counts made elsewhere: `state,node,event,key,calls` rows, as `ivrcheck/traffic/warehouse.sql` writes them.

When the logs live in a warehouse, counting them there (DuckDB over Parquet or CSV, Athena
over S3) and handing ivrcheck the few thousand rows of counts is faster than moving the logs.
`event` is visit, key (with the key), timeout, invalid, hangup, lost or to_person (with whole
seconds in `key`); `calls` is how many calls did it.
"""

from __future__ import annotations

from typing import IO, Iterator

from ivrcheck.numbers import number_or_none
from ivrcheck.traffic.events import Skipped, csv_rows

NAME = "aggregate"
COLUMNS = ("state", "node", "event", "key", "calls")
EVENTS = ("calls", "visit", "key", "timeout", "invalid", "hangup", "lost", "to_person")


def detect(head: str, filename: str) -> bool:
    return head.split("\n", 1)[0].replace(" ", "").strip().lower() == ",".join(COLUMNS)


def read(stream: IO[str], name: str, skipped: Skipped) -> Iterator[tuple[str, str, str, str, int]]:
    """(state, node, event, key, calls) rows; the header is required."""
    rows = csv_rows(stream, name)
    next(rows, None)
    for number, row in enumerate(rows, start=2):
        calls = number_or_none(row[4].strip(), whole=True, low=0) if len(row) == 5 else None
        # `to_person` rows carry whole seconds in the key column; the one number reader reads both
        # ("²" or "nan" there is a skipped row, not a crash further on).
        seconds_ok = len(row) == 5 and (row[2] != "to_person" or not row[3].strip()
                                        or number_or_none(row[3].strip(), whole=True, low=0) is not None)
        if calls is None or row[2] not in EVENTS or not seconds_ok:
            if row:
                skipped.note("not a state,node,event,key,calls row", f"{name}:{number}")
            continue
        yield row[0] or "open", row[1], row[2], row[3].strip() if row[2] == "to_person" else row[3], int(calls)
