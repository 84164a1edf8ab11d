"""Archy task actions and menu choices -> nodes: a task's action list becomes a chain, built from its end."""

from __future__ import annotations

from typing import Protocol

import yaml

from ivrcheck.findings import Span
from ivrcheck.importers import archy
from ivrcheck.importers.archy import Doc, get, items, seq, single, span
from ivrcheck.importers.common import Flow
from ivrcheck.importers.steps import Exit, Kind, Way, add
from ivrcheck.importers.steps import Step as Built
from ivrcheck.model import Target


class Reader(Protocol):
    """What task building needs of genesys.Reader, which calls back into this module.

    Declared here rather than imported, so the two modules do not import each other.
    """

    doc: Doc
    flow: Flow
    loops: list[tuple[Target, Target | None]]

    def resolve(self, ref: str, where: Span) -> Target: ...
    def called(self, ref: str, where: Span, cont: Target | None, menu: str | None) -> Target | None: ...
    def build_menu(self, node_id: str, body: yaml.Node, parent: str | None) -> Target: ...
    def collected(self, body: yaml.Node, name: str, where: Span, cont: Target | None, menu: str | None,
                  base: str) -> Target | None: ...

#: Actions that change data or settings and go on to the next action: no node of their own.
PASS_THROUGH = frozenset({
    "updateData", "setParticipantData", "getParticipantData", "setLanguage", "setWhisperAudio", "setScreenPop",
    "setUUIData", "setExternalTag", "setWrapupCode", "setFlowOutcome", "initializeFlowOutcome", "endFlowOutcome",
    "setSecuredData", "setConversationData", "decryptData", "encryptData", "flowMilestone", "addFlowMilestone",
    "setUtilizationLabel", "enableParticipantRecord", "setCallData", "setAttributes", "setRingback",
    "setRecordingState", "setPreferredAgents", "comment", "setSkills",
})
#: Steps whose route is decided at run time by data the export does not hold.
DATA_STEPS = frozenset({"callData", "callDataAction", "dataAction", "callLambda", "callBotFlow",
                        "callDigitalBotFlow", "getExternalContact", "getExternalOrganization", "callDialogflowBot",
                        "callDialogflowCXBot", "callLexBot", "callLexV2Bot", "findUser", "findQueue", "findGroup"})
_HOURS = {"open": "open", "inschedule": "open", "closed": "closed", "outofschedule": "closed",
          "holiday": "holiday", "emergency": "emergency"}


def task(r: Reader, node_id: str, body: yaml.Node, cont: Target | None, menu: str | None) -> Target:
    """A top-level task: an automated step named after it, which goes on to its first action."""
    entry = actions(r, get(body, "actions"), cont, menu, node_id)
    where = span(get(body, "name") or body)
    return add(r.flow, Built(node_id, Kind.TASK, where, [Way(Exit.NEXT, entry, where)]))


def actions(r: Reader, node: yaml.Node | None, cont: Target | None, menu: str | None, base: str) -> Target | None:
    """An action list -> the target of its first step; the last step goes on to `cont` (None: the list's end)."""
    return chain(r, seq(node), cont, menu, base)


def chain(r: Reader, steps: list[yaml.Node], cont: Target | None, menu: str | None, base: str) -> Target | None:
    """Action items -> the target of the first; the last goes on to `cont`."""
    target = cont
    for item in reversed(steps):
        parts = single(item)
        if parts is not None:
            target = action(r, parts[0], parts[2], span(parts[1]), target, menu, base)
    return target


def _outputs(r: Reader, body: yaml.Node, cont: Target | None, menu: str | None, base: str) -> dict[str, Target | None]:
    found = {}
    for key, key_node, out in items(get(body, "outputs")):
        found[key] = actions(r, get(out, "actions"), cont, menu, base) if get(out, "actions") is not None else cont
    return found


def action(r: Reader, kind: str, body: yaml.Node, where: Span, cont: Target | None, menu: str | None,
           base: str) -> Target | None:
    """One action -> the target where a call meets it (built through steps.add)."""
    doc, flow = r.doc, r.flow
    name = doc.text(get(body, "name")) or kind
    if kind in PASS_THROUGH:
        return cont
    if kind == "playAudio":
        text, _ = archy.audio(doc, get(body, "audio"))
        return add(flow, Built(flow.claim(f"{base}_{name}"), Kind.MESSAGE, where, [Way(Exit.NEXT, cont, where)],
                               prompt=text, prompt_span=span(get(body, "audio")) if text else None))
    if kind == "disconnect":
        return flow.end_call(where)
    if kind in ("jumpToMenu", "jumpToTask", "jumpToReusableTask"):
        ref_node = get(body, "targetMenuRef") or get(body, "targetTaskRef")
        return r.resolve(doc.text(ref_node) or "", span(ref_node, where))
    if kind == "callTask":
        ref_node = get(body, "targetTaskRef")
        return r.called(doc.text(ref_node) or "", span(ref_node, where), cont, menu)
    if kind in ("previousMenu", "returnToPreviousMenu"):
        return Target(menu or "back", where)
    if kind in ("decision", "switch", "evaluateScheduleGroup", "evaluateSchedule", "loop", "loopExit", "exitLoop",
                "loopNext", "nextLoop"):
        return _routing(r, kind, body, name, where, cont, menu, base)
    if kind == "collectInput":
        return _collect(r, body, name, where, cont, menu, base)
    endpoint = _endpoint(r, kind, body, name, where, cont, f"{base}_{name}")
    if endpoint is not None:
        return endpoint
    outs = _outputs(r, body, cont, menu, base)
    if kind in DATA_STEPS or outs:
        why = (f'"{name}" ({kind}) picks its route from data the export does not hold'
               if kind in DATA_STEPS else f'ivrcheck does not know the Archy action "{kind}" ("{name}")')
        made = _branch(r, f"{base}_{name}", where, Kind.DATA, list(outs.items()), cont)
        flow.opaque(where, made.ref if made else None, why, "every route it declares is checked; "
                    "which one a caller takes depends on data at run time")
        return made
    flow.opaque(where, None, f'ivrcheck does not know the Archy action "{kind}" ("{name}"); '
                "it is read as a step that goes on to the next action", "check this step by hand")
    return cont


def _routing(r: Reader, kind: str, body: yaml.Node, name: str, where: Span, cont: Target | None,
             menu: str | None, base: str) -> Target | None:
    """Decisions, switches, schedules and loops: the call takes one route, chosen by data or the clock."""
    doc, flow = r.doc, r.flow
    if kind == "decision":
        outs = _outputs(r, body, cont, menu, base)
        cases = {archy.yes_no(k): t for k, t in outs.items() if archy.yes_no(k)}
        return _branch(r, f"{base}_{name}", where, Kind.DATA, [(v, cases.get(v, cont)) for v in ("yes", "no")], None)
    if kind == "switch":
        found: list[tuple[str, Target | None]] = []
        listed, otherwise = archy.switch_parts(body)
        for n, case in enumerate(listed, start=1):
            inner = get(case, "case") or case
            label = archy.value(doc, get(inner, "value")).text or f"case {n}"
            found.append((label if label not in dict(found) else f"{label} ({n})",
                          actions(r, get(inner, "actions"), cont, menu, base)))
        default = actions(r, get(otherwise, "actions"), cont, menu, base) if otherwise is not None else cont
        return _branch(r, f"{base}_{name}", where, Kind.DATA, found, default)
    if kind in ("evaluateScheduleGroup", "evaluateSchedule"):
        schedule = archy.value(doc, get(body, "scheduleGroup") or get(body, "schedule")).text or "schedule"
        outs = {_HOURS.get(k.lower(), k): t for k, t in _outputs(r, body, cont, menu, base).items()}
        states = [("open", outs.pop("open", cont)), ("closed", outs.pop("closed", cont)), *outs.items()]
        return _branch(r, f"{base}_{name}", where, Kind.SCHEDULE, states, None, hours=schedule)
    if kind == "loop":
        loop_id = flow.claim(f"{base}_{name}")
        r.loops.append((Target(loop_id, where), cont))
        body_entry = actions(r, get(get(get(body, "outputs"), "loop"), "actions"), Target(loop_id, where), menu, base)
        r.loops.pop()
        return add(flow, Built(loop_id, Kind.DATA, where, [Way(Exit.CASE, body_entry, where, "again"),
                                                            Way(Exit.DEFAULT, cont, where)]))
    if kind in ("loopExit", "exitLoop"):
        return r.loops[-1][1] if r.loops else cont
    return r.loops[-1][0] if r.loops else cont  # loopNext, nextLoop


def _collect(r: Reader, body: yaml.Node, name: str, where: Span, cont: Target | None, menu: str | None,
             base: str) -> Target | None:
    """`collectInput`: a menu when a switch or decision reads its digits as keys, else an entry field."""
    keyed = r.collected(body, name, where, cont, menu, base)
    if keyed is not None:
        return keyed
    outs = _outputs(r, body, cont, menu, base)
    text, _ = archy.audio(r.doc, get(body, "inputAudio"))
    digits = archy.number(r.doc, get(body, "maxDigits")) or archy.number(r.doc, get(body, "digits"))
    failure = outs.get("failure", cont)
    exits = [Way(Exit.ENTERED, outs.get("success", cont), where),
             *(Way(e, failure, where) for e in (Exit.TIMEOUT, Exit.INVALID, Exit.RETRIES))]
    return add(r.flow, Built(r.flow.claim(f"{base}_{name}"), Kind.ENTRY, where, exits, prompt=text,
                             digits=int(digits) if digits else None))


def _branch(r: Reader, wanted: str, where: Span, kind: Kind, cases: list, default: Target | None,
            hours: str | None = None) -> Target | None:
    """A branch on data (or, Kind.SCHEDULE, on opening hours); None when no route leads anywhere."""
    kept = [(str(k), t) for k, t in cases if t is not None]
    if not kept and default is None:
        return None
    exit = Exit.SCHEDULE if kind is Kind.SCHEDULE else Exit.CASE
    return add(r.flow, Built(r.flow.claim(wanted), kind, where,
                             [*(Way(exit, t, where, k) for k, t in kept), Way(Exit.DEFAULT, default, where)],
                             hours=hours))


def choice_target(r: Reader, kind: str, body: yaml.Node, name: str, where: Span, menu: str) -> Target | None:
    """Where a menu choice leads (None for `menuDisconnect`, which the caller makes a hang-up)."""
    doc = r.doc
    if kind == "menuRepeat":
        return Target("repeat", where)
    if kind == "menuPreviousMenu":
        return Target("back", where)
    if kind == "menuDisconnect":
        return None
    if kind in ("menuJumpToMenu", "menuJumpToTask"):
        ref_node = get(body, "targetMenuRef") or get(body, "targetTaskRef")
        return r.resolve(doc.text(ref_node) or "", span(ref_node, where))
    if kind == "menuSubMenu":
        sub = get(body, "menu") or body
        sub_name = doc.text(get(sub, "name")) or name
        return r.build_menu(r.flow.claim(sub_name, "menu"), sub, menu)
    if kind == "menuTask":
        inner = get(body, "task") or body
        return actions(r, get(inner, "actions"), None, menu, name) or r.flow.end_call(where)
    plain = kind[4].lower() + kind[5:] if kind.startswith("menu") and len(kind) > 4 else kind
    made = _endpoint(r, plain, body, name, where, None, name)
    if made is not None:
        return made
    made = add(r.flow, Built(r.flow.claim(name), Kind.TASK, where))
    r.flow.opaque(where, made.ref, f'ivrcheck does not know the Archy menu choice "{kind}" ("{name}"); '
                  "it is read as an automated step that ends the call", "check this choice by hand")
    return made


def _endpoint(r: Reader, kind: str, body: yaml.Node, name: str, where: Span, cont: Target | None,
              wanted: str) -> Target | None:
    """Transfers, voicemail and callbacks: where the call leaves the flow."""
    doc, flow = r.doc, r.flow
    if kind in ("transferToAcd", "transferToUser", "transferToGroup"):
        field = {"transferToAcd": "targetQueue", "transferToUser": "targetUser", "transferToGroup": "targetGroup"}
        read = archy.value(doc, get(body, field[kind]))
        made = add(flow, Built(flow.claim(wanted), Kind.QUEUE, where, queue=read.text))
        if not read.static:
            flow.opaque(where, made.ref, f'the {field[kind][6:].lower()} of "{name}" is computed at run time'
                        f"{f' ({read.text})' if read.text else ''}", "check which people it can reach by hand")
        return made
    if kind == "transferToNumber":
        number = archy.value(doc, get(body, "targetNumber")).text
        return add(flow, Built(flow.claim(wanted), Kind.NUMBER, where, what=number, names=(name,)))
    if kind in ("transferToVoicemail", "createCallback", "callbackTo"):
        return add(flow, Built(flow.claim(wanted), Kind.VOICEMAIL if kind == "transferToVoicemail" else Kind.CALLBACK,
                               where))
    if kind in ("transferToFlow", "transferToFlowSecure", "transferToFlowByName", "callCommonModule"):
        target = archy.value(doc, get(body, "targetFlow") or get(body, "targetModule")).text
        if kind != "callCommonModule":  # the call leaves: who answers there is that flow's business
            return add(flow, Built(flow.claim(wanted), Kind.FLOW, where,
                                   what=f"another flow{f' ({target})' if target else ''}"))
        made = add(flow, Built(flow.claim(wanted), Kind.TASK, where, [Way(Exit.NEXT, cont, where)]))
        flow.opaque(where, made.ref, f'"{name}" runs another flow{f" ({target})" if target else ""}, which this '
                    "file does not contain", "import and check that flow too")
        return made
    return None
