"""The plain CSV any system can write: `call_id,time,node,event,key`, one row per thing a caller did.

`event` is one of enter, key, timeout, invalid, agent, hangup, end, state (docs/traffic.md);
`time` is ISO 8601 or epoch seconds; `key` is the key pressed (for `key`) or the schedule
state (for `state`). A header row is optional; columns in another order need the header.
"""

from __future__ import annotations

from typing import IO, Iterator

from ivrcheck.traffic.events import KINDS, Event, Skipped, csv_rows, seconds

NAME = "csv"
TITLE = "plain CSV (call_id, time, node, event, key)"
COLUMNS = ("call_id", "time", "node", "event", "key")
_KINDS = frozenset(KINDS)


def detect(head: str, filename: str) -> bool:
    first = head.split("\n", 1)[0].replace(" ", "").strip().lower().split(",")
    return set(COLUMNS[:4]) <= set(first) or (filename.endswith(".csv") and len(first) == 5 and first[3] in _KINDS)


def read(stream: IO[str], name: str, skipped: Skipped) -> Iterator[Event]:
    rows = csv_rows(stream, name)
    number = 0
    kinds = _KINDS
    for row in rows:
        number += 1
        try:  # the fast path: five cells, epoch seconds; anything else takes the careful path below
            call, time, node, kind, key = row
            stamp = float(time)
        except ValueError:
            if number == 1 and "call_id" in (cell.strip().lower() for cell in row):
                order = tuple(cell.strip().lower() for cell in row)
                if order != COLUMNS:
                    yield from _by_header(rows, order, name, skipped)
                    return
                continue
            found = _careful(row, f"{name}:{number}", skipped)
            if found is not None:
                yield found
            continue
        if not -1e15 < stamp < 1e15:  # nan, inf, 1e999: float reads them, no clock writes them
            skipped.note(_why(call, None, kind), f"{name}:{number}")
            continue
        if stamp > 1e11:  # epoch milliseconds
            stamp /= 1000
        if call and kind in kinds:
            # A plain tuple in Event's field order: building the named tuple costs a third of the read.
            yield (call, stamp, kind, node, key)  # type: ignore[misc]
        else:
            skipped.note(_why(call, stamp, kind), f"{name}:{number}")


def _careful(row: list[str], where: str, skipped: Skipped) -> Event | None:
    """A row off the fast path: four cells (no key), an ISO 8601 time, or something to skip."""
    if len(row) < 4:
        if row:
            skipped.note("fewer than 4 columns", where)
        return None
    call, time, node, kind = row[0], row[1], row[2], row[3]
    stamp = seconds(time)
    if not call or stamp is None or kind not in _KINDS:
        skipped.note(_why(call, stamp, kind), where)
        return None
    return Event(call, stamp, kind, node, row[4] if len(row) > 4 else "")


def _by_header(rows: Iterator[list[str]], order: tuple[str, ...], name: str, skipped: Skipped) -> Iterator[Event]:
    missing = [c for c in COLUMNS[:4] if c not in order]
    if missing:
        skipped.note(f"the header lacks {', '.join(missing)}", f"{name}:1")
        return
    at = {column: order.index(column) for column in COLUMNS if column in order}
    for number, row in enumerate(rows, start=2):
        cells = {column: row[i] if i < len(row) else "" for column, i in at.items()}
        stamp = seconds(cells["time"])
        if not cells["call_id"] or stamp is None or cells["event"] not in _KINDS:
            skipped.note(_why(cells["call_id"], stamp, cells["event"]), f"{name}:{number}")
            continue
        yield Event(cells["call_id"], stamp, cells["event"], cells["node"], cells.get("key", ""))


def _why(call: str, stamp: float | None, kind: str) -> str:
    if not call:
        return "no call id"
    if stamp is None:
        return "unreadable time"
    return f'unknown event "{kind}"' if len(kind) < 20 else "unknown event"
