"""Twilio Studio execution steps (the Steps resource of an Execution, as the REST API lists them).

Each step has `execution_sid` (the call), `date_created`, `transitioned_from`,
`transitioned_to` (widget names) and `name`, the event that caused the move: `keypress`
and `speech` lead from a gather widget into its split, a split's `noMatch` is a wrong key, a
gather's `timeout` is a timeout, and `Ended` ends the execution. A page
(`{"steps": [...]}`), an array, or JSON lines of steps are read alike.
"""

from __future__ import annotations

from typing import IO, Iterator

from ivrcheck.traffic.events import END, ENTER, HANGUP, INVALID, TIMEOUT, Event, Skipped, seconds
from ivrcheck.traffic.readers.jsonstream import records

NAME = "studio"
#: Events that enter the split widget a gather hands the caller's input to: not a place in the design.
_INTO_SPLIT = ("keypress", "speech")


def detect(head: str, filename: str) -> bool:
    return '"transitioned_to"' in head and '"execution_sid"' in head


def read(stream: IO[str], name: str, skipped: Skipped) -> Iterator[Event]:
    for record, where in records(stream, name):
        if not isinstance(record, dict):
            skipped.note("not a JSON object", where)
            continue
        call, stamp, to = record.get("execution_sid"), seconds(record.get("date_created")), record.get("transitioned_to")
        if not isinstance(call, str) or stamp is None or not isinstance(to, str):
            skipped.note("a step without execution_sid, date_created or transitioned_to", where)
            continue
        event, origin = str(record.get("name", "")), str(record.get("transitioned_from") or "")
        if event == "timeout":
            yield Event(call, stamp, TIMEOUT, origin)
        elif event == "noMatch":
            yield Event(call, stamp, INVALID)
        if to == "Ended":
            yield Event(call, stamp, HANGUP if event == "hangup" else END, origin)
        elif event not in _INTO_SPLIT and not (event == "timeout" and to == origin):
            yield Event(call, stamp, ENTER, to)
