"""FreeSWITCH JSON CDRs (mod_json_cdr): one document per call leg, its variables and application log.

From `variables`: `uuid`, `start_epoch`, `bridge_epoch` (a person answered), `end_epoch`,
`hangup_cause`, and `digits_dialed` (the DTMF the call received, where the dialplan logs
it). From `app_log.applications`: each `ivr` application's `app_data` names the menu
entered. The digits are taken in order at the menus the application log shows. Values are
URL-decoded, since mod_json_cdr encodes them unless `encode-values` is false.

The CSV CDRs of mod_cdr_csv are not read: its templates record the dialled number, the
answer time of the IVR's own leg and the hangup cause, but no menu, key or bridge time, so
they cannot be laid on the menus. A template in the plain CSV shape can be (docs/traffic.md).
"""

from __future__ import annotations

from typing import IO, Iterator
from urllib.parse import unquote

from ivrcheck.traffic.events import AGENT, END, ENTER, HANGUP, KEY, Event, Skipped, seconds
from ivrcheck.traffic.readers.jsonstream import records

NAME = "freeswitch"
_CALLER_ENDS = ("NORMAL_CLEARING", "ORIGINATOR_CANCEL")


def detect(head: str, filename: str) -> bool:
    return '"variables"' in head and ('"app_log"' in head or '"callflow"' in head)


def read(stream: IO[str], name: str, skipped: Skipped) -> Iterator[Event]:
    for record, where in records(stream, name):
        values = record.get("variables") if isinstance(record, dict) else None
        call = values.get("uuid") if isinstance(values, dict) else None
        start = seconds(values.get("start_epoch")) if isinstance(values, dict) else None
        if not isinstance(call, str) or start is None:
            skipped.note("a CDR without variables.uuid or variables.start_epoch", where)
            continue
        apps = (record.get("app_log") or {}).get("applications") or []
        menus = [unquote(str(a.get("app_data", ""))) for a in apps if isinstance(a, dict) and a.get("app_name") == "ivr"]
        digits = [d for d in unquote(str(values.get("digits_dialed") or "")) if d in "0123456789*#"]
        for at, menu in enumerate(menus):
            yield Event(call, start + at * 0.001, ENTER, menu)
            if at < len(digits):
                yield Event(call, start + at * 0.001 + 0.0005, KEY, menu, digits[at])
        answered = seconds(values.get("bridge_epoch"))
        if answered:
            yield Event(call, answered, AGENT)
            continue
        ended = seconds(values.get("end_epoch")) or start
        yield Event(call, ended, HANGUP if values.get("hangup_cause") in _CALLER_ENDS else END)
