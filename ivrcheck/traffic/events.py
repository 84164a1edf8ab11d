"""What every log reader yields: one plain tuple per thing a caller did, and a tally of what was skipped."""

from __future__ import annotations

import csv
import math
from collections import Counter
from datetime import datetime, timezone
from typing import IO, Iterator, NamedTuple

#: The call reached a node (a menu, a queue, a message): `node` names it in the platform's words.
ENTER = "enter"
#: The caller pressed `key` (or said it) at `node`, or at the menu they are in when `node` is empty.
KEY = "key"
#: The caller pressed nothing in time, or a key the menu does not take.
TIMEOUT, INVALID = "timeout", "invalid"
#: A person answered the call.
AGENT = "agent"
#: The caller hung up; `END` is the system ending the call (a goodbye, a transfer out).
HANGUP, END = "hangup", "end"
#: The log says which schedule state the call met: `key` is "open" or "closed".
STATE = "state"
KINDS = (ENTER, KEY, TIMEOUT, INVALID, AGENT, HANGUP, END, STATE)
#: Kinds after which a call is over: the reader may forget it.
FINAL = frozenset({AGENT, HANGUP, END})


class Event(NamedTuple):
    """One record of a call: a tuple, since a year of a busy line is tens of millions of them."""

    call: str
    #: Seconds since the epoch (or since any fixed point the whole log shares).
    time: float
    kind: str
    node: str = ""
    key: str = ""


class Unreadable(ValueError):
    """A log that stops being its format part way: `reason` says how, `where` at which record; the
    rest of that file is not read (the caller notes it as skipped)."""

    def __init__(self, reason: str, where: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.reason, self.where = reason, where


def csv_rows(stream: IO[str], name: str) -> Iterator[list[str]]:
    """The rows of a CSV log, or `Unreadable` at the row the csv module refuses (a field over its
    size limit, which an unclosed quote makes of the rest of the file)."""
    rows = csv.reader(stream)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as error:
            limit = csv.field_size_limit()
            reason = (f"a CSV field longer than {limit:,} characters (an unclosed quote?)"
                      if "field limit" in str(error) else f"not CSV ({error})")
            raise Unreadable(reason, f"{name}:{rows.line_num}") from None
        yield row


class Skipped(Counter):
    """Records a reader could not use, by reason ("no call id", "bad time"), with the first place of each."""

    def __init__(self) -> None:
        super().__init__()
        self.first: dict[str, str] = {}

    def note(self, reason: str, where: str) -> None:
        self[reason] += 1
        self.first.setdefault(reason, where)

    def describe(self) -> list[str]:
        return [f"{count} skipped: {reason} (first at {self.first[reason]})" for reason, count in self.most_common()]


def epoch(value: float) -> float | None:
    """Epoch seconds from a logged number: milliseconds when too big to be seconds; None for
    nan, inf and 1e999, which `float` reads but no clock writes."""
    if not math.isfinite(value):
        return None
    return value / 1000 if value > 1e11 else value


def seconds(text: object) -> float | None:
    """A log time as seconds since the epoch: ISO 8601 (with Z or an offset, or naive as UTC), or a number
    (epoch seconds, or epoch milliseconds when it is too big to be seconds); None when unreadable."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return epoch(float(text))
    if not isinstance(text, str) or not text:
        return None
    try:
        value = float(text)
    except ValueError:
        pass
    else:
        return epoch(value)
    try:
        stamp = datetime.fromisoformat(text.replace("Z", "+00:00", 1) if text.endswith("Z") else text)
    except ValueError:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=timezone.utc)
    return stamp.timestamp()
