"""Asterisk: Channel Event Logging (cel_custom CSV), CDRs (cdr_csv `Master.csv`) and `queue_log`.

- CEL, in the column order of the sample `cel_custom.conf` mapping: event type, event time,
  caller id name, number, ANI, RDNIS, DNID, exten, context, channel, app name, app data,
  AMA flags, account code, unique id, linked id, peer, user field... Each `APP_START` puts
  the call at its context and extension (a key pressed in a menu is the extension it jumps
  to; `t` and `i` are the timeout and invalid extensions); `BRIDGE_ENTER` is a person;
  `HANGUP` ends it. Calls are grouped by linked id.
- CDR, in cdr_csv's fixed order: account code, src, dst, dcontext, clid, channel,
  dstchannel, lastapp, lastdata, start, answer, end, duration, billsec, disposition, ...
  One row a call: where it ended (dcontext, dst), and a person when `lastapp` is Dial or
  Queue and the disposition ANSWERED.
- queue_log, `time|callid|queue|agent|event|data...`: ENTERQUEUE puts the call in the
  queue's node, CONNECT is a person (data1 is the wait), ABANDON and EXIT* end it.
"""

from __future__ import annotations

import csv
from typing import IO, Iterator

from ivrcheck.traffic.events import AGENT, END, ENTER, HANGUP, INVALID, TIMEOUT, Event, Skipped, csv_rows, seconds

NAME = "asterisk"
FORMATS = ("asterisk-cel", "asterisk-cdr", "asterisk-queue-log")
_CEL_EVENTS = ("CHAN_START", "APP_START", "APP_END", "BRIDGE_ENTER", "HANGUP", "CHAN_END", "ANSWER", "LINKEDID_END")
_QUEUE_ENDS = ("ABANDON", "EXITEMPTY", "EXITWITHKEY", "EXITWITHTIMEOUT")


def detect(head: str, filename: str) -> str | None:
    first = head.split("\n", 1)[0]
    if first.count("|") >= 4 and first.split("|")[4] in ("ENTERQUEUE", "CONNECT", "ABANDON", "QUEUESTART",
                                                         "DID", "RINGNOANSWER", "ADDMEMBER"):
        return "asterisk-queue-log"
    try:  # a lone carriage return (old Mac line ends, a text that is not CSV) is no CSV row
        cells = next(csv.reader([first]), [])
    except csv.Error:
        return None
    if cells and cells[0] in _CEL_EVENTS:
        return "asterisk-cel"
    if len(cells) >= 16 and cells[14] in ("ANSWERED", "NO ANSWER", "BUSY", "FAILED", "CONGESTION"):
        return "asterisk-cdr"
    return None


def read_format(fmt: str, stream: IO[str], name: str, skipped: Skipped) -> Iterator[Event]:
    if fmt == "asterisk-queue-log":
        yield from _queue_log(stream, name, skipped)
        return
    each = _cel if fmt == "asterisk-cel" else _cdr
    for number, row in enumerate(csv_rows(stream, name), start=1):
        if row:
            yield from each(row, f"{name}:{number}", skipped)


def _cel(row: list[str], where: str, skipped: Skipped) -> Iterator[Event]:
    if len(row) < 16:
        skipped.note("a CEL row with fewer than 16 columns", where)
        return
    kind, stamp, exten, context, call = row[0], seconds(row[1]), row[7], row[8], row[15] or row[14]
    if stamp is None or not call:
        skipped.note("a CEL row without a time or a linked id", where)
        return
    if kind == "APP_START" and context and exten:
        if exten in ("t", "i"):
            yield Event(call, stamp, TIMEOUT if exten == "t" else INVALID)
        yield Event(call, stamp, ENTER, f"{context},{exten}")
    elif kind == "BRIDGE_ENTER":
        yield Event(call, stamp, AGENT)
    elif kind == "HANGUP":
        yield Event(call, stamp, HANGUP)


def _cdr(row: list[str], where: str, skipped: Skipped) -> Iterator[Event]:
    if len(row) < 15:
        skipped.note("a CDR row with fewer than 15 columns", where)
        return
    dst, context, app, start, answer, end = row[2], row[3], row[7], seconds(row[9]), seconds(row[10]), seconds(row[11])
    call = row[16] if len(row) > 16 and row[16] else f"{row[5]}@{row[9]}"
    if start is None:
        skipped.note("a CDR row without a start time", where)
        return
    yield Event(call, start, ENTER, f"{context},{dst}")
    if app in ("Dial", "Queue") and row[14] == "ANSWERED" and answer is not None:
        yield Event(call, answer, AGENT)
    else:
        yield Event(call, end or start, HANGUP if row[14] != "ANSWERED" or app not in ("Hangup",) else END)


def _queue_log(stream: IO[str], name: str, skipped: Skipped) -> Iterator[Event]:
    for number, line in enumerate(stream, start=1):
        cells = line.rstrip("\r\n").split("|")
        if len(cells) < 5:
            if line.strip():
                skipped.note("a queue_log line with fewer than 5 fields", f"{name}:{number}")
            continue
        stamp, call, queue, event = seconds(cells[0]), cells[1], cells[2], cells[4]
        if stamp is None or call in ("", "NONE", "REALTIME"):
            continue  # agent and queue housekeeping lines belong to no call
        if event == "ENTERQUEUE":
            yield Event(call, stamp, ENTER, f"queue:{queue}")
        elif event == "CONNECT":
            yield Event(call, stamp, AGENT, f"queue:{queue}")
        elif event in _QUEUE_ENDS:
            yield Event(call, stamp, HANGUP if event == "ABANDON" else END, f"queue:{queue}")
