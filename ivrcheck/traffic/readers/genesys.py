"""Genesys Cloud conversation details (the analytics conversation detail query or its export job).

A document `{"conversations": [...]}` (or JSON lines of conversations). Each conversation has
`conversationId`, `conversationStart` and `participants`; each participant a `purpose`
(customer, ivr, acd, agent) and `sessions` with `segments` (`segmentStart`, `segmentType`,
`queueId`, `disconnectType`) and, for the IVR, `flow` with its `flowMilestones`. A milestone
named after a menu (the milestone's id, or its name where the export adds it) puts the call
there; an acd participant's name is its queue; an agent's first `interact` segment is a person.
"""

from __future__ import annotations

from typing import IO, Iterator

from ivrcheck.traffic.events import AGENT, END, ENTER, HANGUP, Event, Skipped, seconds
from ivrcheck.traffic.readers.jsonstream import records

NAME = "genesys"


def detect(head: str, filename: str) -> bool:
    return '"conversationId"' in head and '"participants"' in head


def read(stream: IO[str], name: str, skipped: Skipped) -> Iterator[Event]:
    for record, where in records(stream, name):
        call = record.get("conversationId") if isinstance(record, dict) else None
        start = seconds(record.get("conversationStart")) if isinstance(record, dict) else None
        if not isinstance(call, str) or start is None:
            skipped.note("a conversation without conversationId or conversationStart", where)
            continue
        found = sorted(_events(call, record.get("participants") or []), key=lambda e: e.time)
        yield Event(call, start, ENTER, "")  # the call begins: its start is where seconds count from
        yield from (e for e in found if e.kind != "note")
        if not any(e.kind == AGENT for e in found):
            ended = seconds(record.get("conversationEnd")) or (found[-1].time if found else start)
            by_caller = any(e.key == "customer" for e in found)
            yield Event(call, ended, HANGUP if by_caller else END)


def _events(call: str, participants: list) -> Iterator[Event]:
    for person in participants:
        if not isinstance(person, dict):
            continue
        purpose = person.get("purpose")
        for session in person.get("sessions") or []:
            flow = session.get("flow") if isinstance(session, dict) else None
            for milestone in (flow or {}).get("flowMilestones") or []:
                stamp = seconds(milestone.get("milestoneTime"))
                label = milestone.get("milestoneName") or milestone.get("milestoneId")
                if stamp is not None and label:
                    yield Event(call, stamp, ENTER, str(label))
            for segment in session.get("segments") or [] if isinstance(session, dict) else []:
                stamp = seconds(segment.get("segmentStart"))
                if stamp is None:
                    continue
                if purpose == "acd" and segment.get("segmentType") == "interact" and person.get("participantName"):
                    yield Event(call, stamp, ENTER, f"queue:{person['participantName']}")
                elif purpose == "agent" and segment.get("segmentType") == "interact":
                    yield Event(call, stamp, AGENT)
                elif purpose == "customer" and segment.get("disconnectType") in ("peer", "client", "endpoint"):
                    yield Event(call, seconds(segment.get("segmentEnd")) or stamp, "note", "", "customer")  # who hung up
