"""Writers that put generated calls into each platform's log shape (docs/traffic.md cites each shape)."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone

from tests.traffic.simulate import Step


def iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def plain_csv(calls: list[tuple[str, list[Step]]], header: bool = True) -> str:
    """The documented plain CSV, every call's rows interleaved in time order as a live log would be."""
    rows = sorted(((s.time, call, s) for call, steps in calls for s in steps), key=lambda r: (r[0], r[1]))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if header:
        writer.writerow(["call_id", "time", "node", "event", "key"])
    for time, call, step in rows:
        writer.writerow([call, iso(time), step.node, step.kind, step.key])
    return out.getvalue()


def _menu_steps(steps: list[Step], at: int) -> Step | None:
    return steps[at + 1] if at + 1 < len(steps) and steps[at + 1].kind in ("key", "timeout") else None


def connect_flow_log(calls, menus: set[str]) -> str:
    """CloudWatch flow log entries: one JSON object per block run, the menu's result in `Results`."""
    out = []
    for call, steps in calls:
        for at, step in enumerate(steps):
            if step.kind != "enter":
                continue
            entry = {"ContactId": call, "ContactFlowId": "arn:aws:connect:eu-west-1:1:instance/x/contact-flow/y",
                     "ContactFlowName": "Main", "Identifier": step.node, "Timestamp": iso(step.time),
                     "ContactFlowModuleType": "GetUserInput" if step.node in menus else "PlayPrompt",
                     "Parameters": {}}
            after = _menu_steps(steps, at)
            if step.node in menus and after is not None:
                entry["Results"] = after.key if after.kind == "key" else "Timeout"
            out.append(json.dumps(entry))
    return "\n".join(out) + "\n"


def connect_ctr(calls, queue: str) -> str:
    """Contact records as Firehose writes them: one JSON object per line, one per contact."""
    out = []
    for call, steps in calls:
        agent = next((s for s in steps if s.kind == "agent"), None)
        record = {"ContactId": call, "Channel": "VOICE", "InitiationMethod": "INBOUND",
                  "InitiationTimestamp": iso(steps[0].time), "DisconnectTimestamp": iso(steps[-1].time + 60),
                  "Queue": {"Name": queue, "EnqueueTimestamp": iso(agent.time - 5)} if agent else None,
                  "Agent": {"ConnectedToAgentTimestamp": iso(agent.time)} if agent else None,
                  "DisconnectReason": "CUSTOMER_DISCONNECT", "Attributes": {}}
        out.append(json.dumps(record))
    return "\n".join(out) + "\n"


def studio_steps(calls) -> str:
    """An Execution Steps page: `{"steps": [...]}`, each a move from one widget to the next."""
    out = []
    for call, steps in calls:
        here = "Trigger"
        for at, step in enumerate(steps):
            base = {"sid": f"FT{len(out):032x}", "execution_sid": call, "date_created": iso(step.time)}
            if step.kind == "enter" and not (at and steps[at - 1].kind == "timeout"):
                event = "match" if at and steps[at - 1].kind == "key" else "audioComplete"
                out.append({**base, "name": event, "transitioned_from": here, "transitioned_to": step.node})
                here = step.node
            elif step.kind == "key":
                out.append({**base, "name": "keypress", "transitioned_from": here, "transitioned_to": f"split_{here}"})
                here = f"split_{here}"
            elif step.kind == "timeout":
                out.append({**base, "name": "timeout", "transitioned_from": here, "transitioned_to": here})
            elif step.kind in ("hangup", "end", "agent"):
                out.append({**base, "name": "hangup" if step.kind == "hangup" else "callComplete",
                            "transitioned_from": here, "transitioned_to": "Ended"})
    return json.dumps({"steps": out, "meta": {"page": 0}}, indent=1)


def freeswitch_cdrs(calls, menus: set[str]) -> str:
    """mod_json_cdr documents, one per line: variables and the application log."""
    out = []
    for call, steps in calls:
        apps = [{"app_name": "answer", "app_data": ""}]
        apps += [{"app_name": "ivr", "app_data": s.node} for s in steps if s.kind == "enter" and s.node in menus]
        digits = "".join(s.key for s in steps if s.kind == "key")
        agent = next((s for s in steps if s.kind == "agent"), None)
        out.append(json.dumps({"core-uuid": "c0", "variables": {
            "uuid": call, "start_epoch": str(int(steps[0].time)), "digits_dialed": digits,
            "bridge_epoch": str(int(agent.time)) if agent else "0", "end_epoch": str(int(steps[-1].time)),
            "hangup_cause": "NORMAL_CLEARING" if steps[-1].kind == "hangup" else "NORMAL_UNSPECIFIED"},
            "app_log": {"applications": apps}, "callflow": [{}]}))
    return "\n".join(out) + "\n"


def asterisk_cel(calls) -> str:
    """cel_custom rows in the sample mapping's column order; one APP_START per place the call reaches."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for number, (call, steps) in enumerate(calls):
        linked = f"{1767000000 + number}.{number}"
        for step in steps:
            if step.kind == "enter":
                context, exten = step.node.split(",")[:2]
                exten = "#" if exten == "hash" else exten  # the dialplan's own extension, as CEL logs it
                row = ["APP_START", f"{step.time:.6f}", "Caller", "5550100", "", "", "100", exten, context,
                       f"PJSIP/trunk-{number:08x}", "Background", "menu", "3", "", linked, linked, "", "", "", ""]
            elif step.kind in ("agent", "hangup"):
                row = ["BRIDGE_ENTER" if step.kind == "agent" else "HANGUP", f"{step.time:.6f}", "Caller", "5550100",
                       "", "", "100", "", "", f"PJSIP/trunk-{number:08x}", "", "", "3", "", linked, linked, "", "", "", ""]
            else:
                continue
            writer.writerow(row)
    return out.getvalue()


def genesys_details(calls, queue_node: dict[str, str]) -> str:
    """An analytics conversation detail query result: `{"conversations": [...]}`."""
    out = []
    for call, steps in calls:
        milestones = [{"milestoneId": s.node, "milestoneTime": iso(s.time)} for s in steps if s.kind == "enter"]
        participants = [{"purpose": "customer", "sessions": [{"mediaType": "voice", "segments": [
                            {"segmentStart": iso(steps[0].time), "segmentEnd": iso(steps[-1].time),
                             "segmentType": "interact",
                             **({"disconnectType": "endpoint"} if steps[-1].kind == "hangup" else {})}]}]},
                        {"purpose": "ivr", "sessions": [{"mediaType": "voice", "flow": {
                            "flowName": "Main", "flowType": "INBOUNDCALL", "flowMilestones": milestones},
                            "segments": [{"segmentStart": iso(steps[0].time), "segmentType": "ivr"}]}]}]
        agent = next((s for s in steps if s.kind == "agent"), None)
        if agent is not None:
            participants.append({"purpose": "agent", "sessions": [{"segments": [
                {"segmentStart": iso(agent.time), "segmentType": "interact"}]}]})
        out.append({"conversationId": call, "conversationStart": iso(steps[0].time),
                    "conversationEnd": iso(steps[-1].time), "participants": participants})
    return json.dumps({"conversations": out, "totalHits": len(out)}, indent=1)
