"""Amazon Connect actions (flow language, or legacy modules renamed to it) -> nodes of the model."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ivrcheck.findings import Span
from ivrcheck.importers.common import Flow, is_template, language_code, number, spoken, unknown_prompt
from ivrcheck.importers.steps import Exit, Kind, Way, steps_to_menu
from ivrcheck.importers.steps import Step as Built
from ivrcheck.importers.jsondoc import JsonDoc
from ivrcheck.model import DTMF_KEYS, Menu, Target

#: Actions that set something and go on: calls pass through them without a node.
PASS_THROUGH = frozenset({
    "UpdateContactAttributes", "UpdateContactTargetQueue", "UpdateFlowLoggingBehavior",
    "UpdateContactRecordingBehavior", "UpdateContactTextToSpeechVoice", "UpdateContactData",
    "UpdateContactEventHooks", "UpdateContactRoutingBehavior", "UpdateContactCallbackNumber",
    "UpdateFlowAttributes", "UpdateContactMediaStreamingBehavior", "UpdateContactRecordingAndAnalyticsBehavior",
    "UpdatePreviousContactParticipantState", "TagContact", "UnTagContact", "UpdateRoutingCriteria",
    "UpdateContactSpeechRecognitionBehavior",
})
_SHORT = {"GetParticipantInput": "menu", "MessageParticipant": "message", "TransferContactToQueue": "queue",
          "DisconnectParticipant": "hangup", "CheckHoursOfOperation": "hours", "InvokeLambdaFunction": "lambda",
          "Compare": "check", "Loop": "loop", "TransferToFlow": "flow", "InvokeFlowModule": "module",
          "ConnectParticipantWithLexBot": "lex_menu", "TransferParticipantToThirdParty": "transfer"}


#: A comparison on the contact's channel (`$.Channel`; legacy `Channel` in the `System` namespace).
_CHANNEL = re.compile(r"^\$\.(System\.)?Channel$")


#: Step types where the call leaves this flow (`Mapper._leaves`).
_LEAVES = frozenset({"DisconnectParticipant", "EndFlowExecution", "TransferContactToQueue", "CreateCallbackContact",
                     "TransferParticipantToThirdParty", "TransferToFlow", "InvokeFlowModule", "EndFlowModuleExecution"})


@dataclass
class Step:
    """One action, whatever export it came from: its transitions and where it is in the file."""

    id: str
    type: str
    params: dict[str, Any]
    pointer: str
    next: str | None
    #: (operator, operands, target, pointer)
    conditions: list[tuple[str, list[str], str | None, str]] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)


def voice_route(s: Step) -> tuple[bool, str | None]:
    """For a `Compare` on the contact's channel, (True, the route a phone call takes: the `VOICE`
    case, else the no-match one); (False, None) for any other step."""
    value, space = s.params.get("ComparisonValue") or s.params.get("Attribute"), s.params.get("Namespace")
    if s.type != "Compare" or not isinstance(value, str) or not (
            _CHANNEL.match(value) or (value == "Channel" and space == "System")):
        return False, None
    voice = next((to for op, operands, to, _ in s.conditions
                  if op == "Equals" and "VOICE" in (o.upper() for o in operands)), None)
    return True, voice or s.errors.get("NoMatchingCondition") or s.next


def _passes(s: Step) -> bool:
    """Whether a call goes through this step without a node: a setting, or a channel check a phone call passes."""
    return s.type in PASS_THROUGH or voice_route(s)[0]


def build(flow: Flow, doc: JsonDoc, steps: list[Step], start: str | None, name: str, entry: str | None) -> Menu | None:
    """The steps as nodes; calls start at `entry` (an action id) or the flow's start."""
    flow.repeats([(s.id, doc.span(s.pointer)) for s in steps], "the action Identifier",
                 "give each action an Identifier of its own: transitions name actions by it, so only one of "
                 "them can be reached")
    by_id = {s.id: s for s in steps}
    ids = {s.id: flow.claim(s.id if not _is_uuid(s.id) else f"{_SHORT.get(s.type, s.type)}_{s.id[:8]}")
           for s in steps if not _passes(s)}
    mapper = _Mapper(flow, doc, by_id, ids)
    mapper.language = language_code(next((s.params["LanguageCode"] for s in steps
                                          if isinstance(s.params.get("LanguageCode"), str)), "en"))
    for step in steps:
        if not _passes(step):
            mapper.node(step)
        elif voice_route(step)[0]:
            flow.opaque(doc.span(step.pointer), None, f'"{step.id}" checks the contact\'s channel: a phone call '
                        "takes its VOICE route, so only that route is read", "check the chat and task routes by hand")
    steps_to_menu(flow, mapper.built)
    first = entry or start
    if first is None or first not in by_id:  # a start the flow names but holds no action for is said as such
        flow.unknown_entry(doc.span(""), first, [s.id for s in steps], "actions",
                           "--entry" if entry else "the flow's start action")
        return None
    target = mapper.target(first, doc.span(by_id[first].pointer))
    if target is None:
        flow.structure(doc.span(by_id[first].pointer), "the flow's start leads nowhere", "connect the start action")
        return None
    mapper.prune(target)
    return flow.menu(name, mapper.language, target, doc.span(""))


def _is_uuid(text: str) -> bool:
    return len(text) == 36 and text.count("-") == 4


class _Mapper:
    def __init__(self, flow: Flow, doc: JsonDoc, steps: dict[str, Step], ids: dict[str, str]) -> None:
        self.flow, self.doc, self.steps, self.ids = flow, doc, steps, ids
        self.language = "en"
        #: Where a transfer's failures (queue full) go: the model ends the call at a person, so these are not kept.
        self.dropped: list[str] = []
        #: What the actions are, in file order, mapped to the model at once (steps.steps_to_menu).
        self.built: list[Built] = []

    def prune(self, entry: Target) -> None:
        """Drop the steps only a transfer's failure routes reach, so they do not show as unreachable."""
        self.flow.prune(entry, [t.ref for ref in self.dropped if (t := self.target(ref, Span(1, 1))) is not None])

    def target(self, ref: str | None, where: Span) -> Target | None:
        """Where a transition to `ref` lands: through pass-through steps; an unknown id stays for S101."""
        seen = set()
        while ref is not None and ref in self.steps and _passes(self.steps[ref]) and ref not in seen:
            seen.add(ref)
            step = self.steps[ref]
            ref = voice_route(step)[1] if voice_route(step)[0] else step.next
            if ref is None:
                return self.flow.end_call(where)
        if ref is None:
            return None
        return Target(self.ids.get(ref, ref), where)

    def node(self, s: Step) -> None:
        """One action -> the step it is (steps.Built), mapped to the model with the others (steps_to_menu)."""
        at, node_id, kind = self.doc.span(s.pointer), self.ids[s.id], s.type
        nxt = self.target(s.next, self.doc.span(f"{s.pointer}/Transitions/NextAction"))
        if kind == "GetParticipantInput" and str(s.params.get("StoreInput", "")).lower() == "true":
            failure = self._error(s, "InputTimeLimitExceeded", "NoMatchingCondition", "InvalidPhoneNumber",
                                  "NoMatchingError")
            exits = [Way(Exit.ENTERED, nxt, at), *(Way(e, failure, at) for e in (Exit.TIMEOUT, Exit.INVALID))]
            self.built.append(Built(node_id, Kind.ENTRY, at, exits, prompt=self._prompt(s, node_id)[0], retries=0,
                                    digits=_int(s.params.get("MaxDigits"))))
        elif kind in ("GetParticipantInput", "ConnectParticipantWithLexBot"):
            self._menu(s, node_id, at)
        elif kind in ("MessageParticipant", "MessageParticipantIteratively"):
            self.built.append(Built(node_id, Kind.MESSAGE, at, [Way(Exit.NEXT, nxt, at)],
                                    prompt=self._prompt(s, node_id)[0]))
        elif kind in _LEAVES:
            self.built.append(self._leaves(s, node_id, at, nxt))
        else:
            self.built.append(self._routes(s, node_id, at, nxt))

    def _routes(self, s: Step, node_id: str, at: Span, nxt: Target | None) -> Built:
        """Actions that route the call by hours, by data or by code; an unknown action goes on."""
        kind, flow = s.type, self.flow
        if kind == "CheckHoursOfOperation":
            hours = self._name(s, "Hours") or self._name(s, "HoursOfOperationId") or "queue hours"
            cases = [("open" if o == ["True"] else "closed" if o == ["False"] else " ".join(o), t, p)
                     for _, o, t, p in s.conditions]
            return Built(node_id, Kind.SCHEDULE, at, self._cases(cases, Exit.SCHEDULE, self._error(s, "NoMatchingError")),
                         hours=hours)
        if kind == "InvokeLambdaFunction":
            cases = [("success", s.next, f"{s.pointer}/Transitions/NextAction")]
            cases += [(f"error: {e}", t, s.pointer) for e, t in s.errors.items()]
            flow.opaque(at, node_id, f'"{node_id}" calls a Lambda function '
                        f'({s.params.get("LambdaFunctionARN") or "unnamed"}) whose answer picks the route',
                        "every route it declares is checked; which one a caller takes depends on the function")
            return Built(node_id, Kind.DATA, at, self._cases(cases))
        if kind == "Loop":
            names = {"ContinueLooping": "again", "DoneLooping": "done"}
            return Built(node_id, Kind.DATA, at, self._cases([(names.get(" ".join(o), " ".join(o)), t, p)
                                                               for _, o, t, p in s.conditions]))
        if kind == "Compare" or s.conditions or len(s.errors) > 0:
            cases = [(f"{op} {' '.join(o)}".strip(), t, p) for op, o, t, p in s.conditions]
            cases += [(f"error: {e}", t, s.pointer) for e, t in s.errors.items() if e != "NoMatchingCondition"]
            if kind != "Compare":
                flow.opaque(at, node_id, f'ivrcheck does not know the action type "{kind}"; its routes are kept as '
                            "a branch on data", "check this step by hand")
            return Built(node_id, Kind.DATA, at,
                         self._cases(cases, default=self.target(s.errors.get("NoMatchingCondition") or s.next, at)))
        flow.opaque(at, node_id, f'ivrcheck does not know the action type "{kind}"; it is read as an automated '
                    "step that goes on to its next action", "check this step by hand")
        return Built(node_id, Kind.TASK, at, [Way(Exit.NEXT, nxt, at)])

    def _cases(self, cases: list, exit: Exit = Exit.CASE, default: Target | None = None) -> list[Way]:
        """(value, action id, pointer) -> case exits, and the default route."""
        found = []
        for value, to, pointer in cases:
            where = self.doc.span(pointer)
            found.append(Way(exit, self.target(to, where), where, value))
        return found + [Way(Exit.DEFAULT, default, Span(1, 1))]

    def _leaves(self, s: Step, node_id: str, at: Span, nxt: Target | None) -> Built:
        """Steps where the call leaves this flow: a hang-up, a queue, a callback, a number, another flow."""
        kind = s.type
        if kind in ("DisconnectParticipant", "EndFlowExecution"):
            return Built(node_id, Kind.HANGUP, at)
        if kind == "TransferContactToQueue":
            self.dropped += [t for t in s.errors.values()]
            return Built(node_id, Kind.QUEUE, at, queue=self._queue(s, node_id, at))
        if kind == "CreateCallbackContact":
            return Built(node_id, Kind.CALLBACK, at)
        if kind == "TransferParticipantToThirdParty":
            return Built(node_id, Kind.NUMBER, at, what=s.params.get("ThirdPartyPhoneNumber"),
                         names=(s.id, s.meta.get("name"), s.meta.get("text")))
        other = (s.meta.get("contactFlowModuleName") or (s.meta.get("contactFlow") or {}).get("text")
                 or s.params.get("ContactFlowId") or s.params.get("FlowModuleId") or "another flow")
        if kind == "TransferToFlow":  # the other flow decides who answers
            return Built(node_id, Kind.FLOW, at, what=other)
        leaves = kind != "InvokeFlowModule"
        self.flow.opaque(at, node_id, f'"{node_id}" {"hands the call to" if leaves else "runs"} {other}, '
                         "which this file does not contain", "import and check that flow too")
        return Built(node_id, Kind.TASK, at, [Way(Exit.NEXT, None if leaves else nxt, at)])

    def _menu(self, s: Step, node_id: str, at: Span) -> None:
        lex = s.type == "ConnectParticipantWithLexBot" or any(k.startswith("Lex") for k in s.params)
        exits: list[Way] = []
        for _, operands, to, pointer in s.conditions:
            where = self.doc.span(pointer)
            target = self.target(to, where)
            for operand in operands:
                if operand in DTMF_KEYS and not lex:
                    exits.append(Way(Exit.KEY, target, where, operand))
                elif lex:
                    exits.append(Way(Exit.SPEECH, target, where, operand, operand))
                else:
                    self.flow.opaque(where, node_id, f'"{node_id}" routes the entry "{operand}", which is no single '
                                     "key; it is left out of the menu's options", "check this route by hand")
        if lex:
            self.flow.opaque(at, node_id, f'"{node_id}" hands the caller to a Lex bot: its intents are read as '
                             "speech options, and the utterances that reach them are not in the export",
                             "check the bot's intents and their keypad fallbacks by hand")
        prompt, ignore = self._prompt(s, node_id)
        exits.append(Way(Exit.TIMEOUT, self.target(s.errors.get("InputTimeLimitExceeded"), at), at))
        exits.append(Way(Exit.INVALID, self.target(s.errors.get("NoMatchingCondition"), at), at))
        self.built.append(Built(
            node_id, Kind.ASK, at, exits, prompt=prompt, unknown=ignore, retries=0,
            timeout=number(s.params.get("InputTimeLimitSeconds") or s.params.get("Timeout")),
            spans={"timeout": self.doc.span(f"{s.pointer}/Parameters/InputTimeLimitSeconds")}))

    def _prompt(self, s: Step, node_id: str) -> tuple[str | None, frozenset[str] | None]:
        p = s.params
        text = p.get("Text") if p.get("Text") is not None else p.get("SSML")
        if isinstance(text, str) and not is_template(text) and text.strip():
            return spoken(text), None
        at = self.doc.span(f"{s.pointer}/Parameters")
        if isinstance(text, str) and is_template(text):
            what = f"a template placeholder ({text})"
        elif p.get("PromptId") or p.get("Media") or p.get("AudioPrompt"):
            what = f"a recording ({self._name(s, 'PromptId') or 'audio prompt'})"
        else:
            return None, None
        if s.type in ("MessageParticipant", "MessageParticipantIteratively"):
            return None, None
        return None, unknown_prompt(self.flow, node_id, at, what)

    def _queue(self, s: Step, node_id: str, at: Span) -> str | None:
        """The queue a transfer reaches: set by the `UpdateContactTargetQueue` steps that lead to it."""
        setters = self._setters(s.id)
        # A queue, or an agent's own queue (`AgentId`: the call waits for that user, a person).
        names = sorted({self._name(q, "QueueId") or self._name(q, "Queue") or self._agent(q) or q.id
                        for q in setters})
        dynamic = [n for n in names if "$." in n or is_template(n.removeprefix("agent "))]
        if not names:
            self.flow.opaque(at, node_id, f'no step of this flow sets the queue "{node_id}" transfers to',
                             "the queue set before this flow applies; check it by hand")
            return None
        if dynamic or len(names) > 1:
            self.flow.opaque(at, node_id, f'the queue of "{node_id}" depends on the path or on data: '
                             + ", ".join(names), "check which people each queue reaches by hand")
        return " or ".join(names)

    def _setters(self, step_id: str) -> list[Step]:
        parents: dict[str, set[str]] = {}
        for s in self.steps.values():
            for to in (s.next, *(t for _, _, t, _ in s.conditions), *s.errors.values()):
                if to:
                    parents.setdefault(to, set()).add(s.id)
        found, seen, queue = [], {step_id}, [step_id]
        while queue:
            for parent in sorted(parents.get(queue.pop(0), ())):
                if parent in seen:
                    continue
                seen.add(parent)
                if self.steps[parent].type == "UpdateContactTargetQueue":
                    found.append(self.steps[parent])
                else:
                    queue.append(parent)
        return found

    def _name(self, s: Step, param: str) -> str | None:
        """A resource's display name from the flow's metadata, else the id or ARN's last part."""
        shown = ((s.meta.get("parameters") or {}).get(param) or {})
        if isinstance(shown, dict) and shown.get("displayName"):
            return str(shown["displayName"])
        if param in ("QueueId", "Queue") and isinstance(s.meta.get("queue"), dict) and s.meta["queue"].get("text"):
            return str(s.meta["queue"]["text"])
        value = s.params.get(param)
        if not isinstance(value, str) or not value:
            return None
        return value if value.startswith("$.") or is_template(value) else value.rsplit("/", 1)[-1]

    def _agent(self, s: Step) -> str | None:
        """The agent whose own queue a step sets, named as the agent's queue."""
        agent = self._name(s, "AgentId")
        return f"agent {agent}" if agent else None

    def _error(self, s: Step, *kinds: str) -> Target | None:
        for kind in kinds:
            if kind in s.errors:
                return self.target(s.errors[kind], self.doc.span(s.pointer))
        return None


def _int(value: object) -> int | None:
    found = number(value, whole=True)
    return int(found) if found else None
