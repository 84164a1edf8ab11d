"""Amazon Connect: contact records (CTR JSON lines, as Kinesis Firehose writes them to S3) and flow logs.

Flow logs (CloudWatch, one JSON object per block run) carry `ContactId`, `Timestamp`,
`ContactFlowModuleType`, the block's `Identifier` and its `Results`: for a Get customer
input block the key pressed, or the timeout / no-match branch. Contact records carry one
contact each: `InitiationTimestamp`, `Queue.Name`, `Agent.ConnectedToAgentTimestamp`,
`DisconnectTimestamp`. Flow logs give the menu shares; contact records the seconds to a person.
"""

from __future__ import annotations

from typing import IO, Iterator

from ivrcheck.traffic.events import AGENT, END, ENTER, HANGUP, INVALID, KEY, TIMEOUT, Event, Skipped, seconds
from ivrcheck.traffic.readers.jsonstream import records

NAME = "connect"
FORMATS = ("connect-flow-log", "connect-ctr")
_INPUT = ("GetUserInput", "GetParticipantInput", "InvokeExternalResource")
_TIMEOUT = ("Timeout", "InputTimeLimitExceeded")
_INVALID = ("NoMatchingCondition", "NoMatch", "NoMatchingError", "InvalidInput")
_ENDS = ("Disconnect", "DisconnectParticipant", "EndFlowExecution")


def detect(head: str, filename: str) -> str | None:
    if '"ContactFlowModuleType"' in head:
        return "connect-flow-log"
    if '"InitiationTimestamp"' in head and '"ContactId"' in head:
        return "connect-ctr"
    return None


def read_format(fmt: str, stream: IO[str], name: str, skipped: Skipped) -> Iterator[Event]:
    each = _flow_log if fmt == "connect-flow-log" else _contact
    for record, where in records(stream, name):
        if not isinstance(record, dict):
            skipped.note("not a JSON object", where)
            continue
        yield from each(record, where, skipped)


def _flow_log(record: dict, where: str, skipped: Skipped) -> Iterator[Event]:
    call, stamp, block = record.get("ContactId"), seconds(record.get("Timestamp")), record.get("Identifier")
    if not isinstance(call, str) or stamp is None or not isinstance(block, str):
        skipped.note("a flow log entry without ContactId, Timestamp or Identifier", where)
        return
    kind, result = str(record.get("ContactFlowModuleType", "")), record.get("Results")
    yield Event(call, stamp, ENTER, block)
    if kind in _INPUT and isinstance(result, str):
        if result in _TIMEOUT:
            yield Event(call, stamp, TIMEOUT, block)
        elif result in _INVALID:
            yield Event(call, stamp, INVALID, block)
        elif len(result) <= 3:
            yield Event(call, stamp, KEY, block, result)
    elif kind in _ENDS:
        yield Event(call, stamp, END, block)


def _contact(record: dict, where: str, skipped: Skipped) -> Iterator[Event]:
    call, start = record.get("ContactId"), seconds(record.get("InitiationTimestamp"))
    if not isinstance(call, str) or start is None:
        skipped.note("a contact record without ContactId or InitiationTimestamp", where)
        return
    yield Event(call, start, ENTER, "")  # the contact begins: seconds to a person count from here
    queue = record.get("Queue") if isinstance(record.get("Queue"), dict) else {}
    agent = record.get("Agent") if isinstance(record.get("Agent"), dict) else {}
    if queue.get("Name"):
        yield Event(call, seconds(queue.get("EnqueueTimestamp")) or start, ENTER, f"queue:{queue['Name']}")
    answered = seconds(agent.get("ConnectedToAgentTimestamp"))
    if answered is not None:
        yield Event(call, answered, AGENT)
        return
    ended = seconds(record.get("DisconnectTimestamp")) or start
    by = str(record.get("DisconnectReason", ""))
    yield Event(call, ended, HANGUP if by == "CUSTOMER_DISCONNECT" else END)
