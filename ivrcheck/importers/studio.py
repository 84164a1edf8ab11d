"""Twilio Studio flows (JSON with `states`): gathers and the splits that read their digits become menus."""

from __future__ import annotations

import re
from typing import Any

from ivrcheck.findings import Finding, Span
from ivrcheck.importers.common import Flow, is_template, language_code, number, spoken, unknown_prompt
from ivrcheck.importers.steps import Exit, Kind, Step, Way, steps_to_menu
from ivrcheck.importers.jsondoc import NUMBER, JsonDoc, Shape, escape, get
from ivrcheck.model import DTMF_KEYS, Menu, Target

NAME = "studio"
TITLE = "Twilio Studio flow (JSON)"

#: Led by the quote, not by `\\*`: a run of backslashes would be rescanned from each of its characters.
_DETECT = re.compile(r'"(initial_state|states)\\*"\s*+:')
_READS = re.compile(r"\{\{\s*widgets\.([\w-]+)\.(Digits|SpeechResult)\s*\}\}")
#: Widgets whose outcome depends on code or services outside the flow.
_OPAQUE = {"make-http-request": "an HTTP request", "run-function": "a Twilio Function",
           "run-subflow": "a subflow", "add-twiml-redirect": "a TwiML redirect",
           "capture-payments": "a payment capture", "connect-virtual-agent": "a virtual agent"}
_PEOPLE = {"enqueue-call", "send-to-flex"}
#: The older export's widget types (`InitialState`, `Gather`, `Branch`, `SayPlay`...), by today's names.
_LEGACY = {"InitialState": "trigger", "Gather": "gather-input-on-call", "Branch": "split-based-on",
           "SayPlay": "say-play", "ConnectCaller": "connect-call-to", "Enqueue": "enqueue-call",
           "RecordVoicemail": "record-voicemail", "Function": "run-function", "HttpRequest": "make-http-request",
           "SetVariables": "set-variables", "SendMessage": "send-message", "Subflow": "run-subflow"}
_LEGACY_TRIGGER = re.compile(r'\\*"type\\*"\s*:\s*\\*"InitialState\\*"')
_PASS = {"set-variables", "update-contact", "send-message", "fork-stream"}
#: The kinds of the values this reader reads (see jsondoc.conform).
SHAPE: Shape = {
    "/states": (list,), "/states/*": (dict,), "/initial_state": (str,), "/description": (str,),
    "/friendly_name": (str,), "/states/*/name": (str,), "/states/*/type": (str,),
    "/states/*/properties": (dict,), "/states/*/transitions": (list,), "/states/*/transitions/*": (dict,),
    "/states/*/transitions/*/event": (str,), "/states/*/transitions/*/next": (str,),
    "/states/*/transitions/*/conditions": (list,), "/states/*/transitions/*/conditions/*": (dict,),
    "/states/*/transitions/*/conditions/*/arguments": (list,),
    "/states/*/transitions/*/conditions/*/type": (str,), "/states/*/transitions/*/conditions/*/value": (str, *NUMBER),
    "/states/*/transitions/*/conditions/*/friendly_name": (str,),
}


def detect(text: str, filename: str) -> bool:
    """JSON with a `states` list and an `initial_state` (also inside an API wrapper)."""
    head = text.lstrip("\ufeff \t\r\n")
    found = set(m.group(1) for m in _DETECT.finditer(text))
    return head.startswith("{") and (len(found) == 2 or ("states" in found and bool(_LEGACY_TRIGGER.search(text))))


def read(text: str, display: str, entry: str | None) -> tuple[Menu | None, list[Finding]]:
    """Read a Studio flow definition (bare, or as `definition` of the REST API's Flow resource)."""
    flow = Flow(display, TITLE)
    doc = flow.document(text)
    if doc is None:
        return flow.result(None)
    pointer, doc = _definition(doc, flow)
    if flow.failed:
        return flow.result(None)
    if pointer is None:
        flow.structure(doc.span(""), "no Twilio Studio flow here: no `states` list with an `initial_state`",
                       "export the flow definition (Studio > Flow > Export to JSON)")
        return flow.result(None)
    flow.conform(doc, SHAPE, pointer)
    root = get(doc.value, pointer) if pointer else doc.value
    return flow.result(_Reader(flow, doc, pointer, root).run(entry))


def _definition(doc: JsonDoc, flow: Flow) -> tuple[str | None, JsonDoc]:
    value = doc.value
    if isinstance(value, dict) and isinstance(value.get("states"), list):
        return "", doc
    for key in ("definition", "Definition"):
        inner = value.get(key) if isinstance(value, dict) else None
        if isinstance(inner, dict) and isinstance(inner.get("states"), list):
            return f"/{key}", doc
        if isinstance(inner, str):
            embedded = flow.embedded(doc, f"/{key}")
            if embedded is not None and isinstance(embedded.value, dict):
                return "", embedded
    return None, doc


class _Reader:
    def __init__(self, flow: Flow, doc: JsonDoc, pointer: str, root: dict[str, Any]) -> None:
        self.flow, self.doc, self.pointer = flow, doc, pointer
        self.states: dict[str, tuple[int, dict[str, Any]]] = {}
        for i, state in enumerate(_modern(root.get("states"))):
            if isinstance(state, dict) and isinstance(state.get("name"), str):
                self.states.setdefault(state["name"], (i, state))
        flow.repeats([(state["name"], doc.span(f"{pointer}/states/{i}/name"))
                      for i, state in enumerate(_modern(root.get("states")))
                      if isinstance(state, dict) and isinstance(state.get("name"), str)], "the widget name",
                     "give each widget a name of its own: transitions name widgets by it, so only the first "
                     "of them can be reached")
        self.root = root
        self.ids = {name: flow.claim(name) for name in self.states}
        self.absorbed: set[str] = set()
        self.language = "en"
        #: Widgets a queue's failure events lead to: the model ends the call at the person, so they are dropped.
        self.dropped: list[str] = []
        #: What the widgets are, filled in file order and mapped to the model at once (steps.steps_to_menu).
        self.steps: list[Step] = []

    def at(self, name: str, *path: str | int) -> Span:
        index = self.states[name][0]
        return self.doc.span(f"{self.pointer}/states/{index}" + "".join(f"/{escape(p)}" for p in path))

    def transitions(self, name: str) -> list[tuple[str, str | None, int]]:
        """(event, next widget, index) of each transition, in file order (a split has many `match` events)."""
        return [(str(t["event"]), t.get("next") or None, j)
                for j, t in enumerate(self.states[name][1].get("transitions") or [])
                if isinstance(t, dict) and t.get("event")]

    def events(self, name: str) -> dict[str, tuple[str | None, int]]:
        found: dict[str, tuple[str | None, int]] = {}
        for event, to, j in self.transitions(name):
            found.setdefault(event, (to, j))
        return found

    def target(self, name: str, event: str) -> Target | None:
        """Where an event of a widget leads; an event with no `next` ends the call, as Studio does."""
        found = self.events(name).get(event)
        if found is None:
            return None
        to, j = found
        where = self.at(name, "transitions", j)
        if to is None:
            return self.flow.end_call(where)
        return Target(self.ids.get(to, to), where)

    def run(self, entry: str | None) -> Menu | None:
        for name, (_, state) in self.states.items():
            if state.get("type") == "gather-input-on-call":
                self.gather(name, state)
        asked = {step.id for step in self.steps}
        for name, (_, state) in self.states.items():
            if name not in self.absorbed and self.ids[name] not in asked:
                self.widget(name, state)
        steps_to_menu(self.flow, self.steps)
        start = self.start(entry)
        if start is None:
            return None
        self.flow.prune(start, self.dropped)
        name = str(self.root.get("description") or self.root.get("friendly_name") or self.flow.display)
        return self.flow.menu(name, self.language, start, self.doc.span(self.pointer))

    def start(self, entry: str | None) -> Target | None:
        if entry is not None:
            if entry not in self.states:
                self.flow.unknown_entry(self.doc.span(self.pointer), entry, self.states, "widgets")
                return None
            return Target(self.ids[entry], self.at(entry))
        initial = self.root.get("initial_state") or next(
            (name for name, (_, state) in self.states.items() if state.get("type") == "trigger"), None)
        trigger = self.states.get(initial) if isinstance(initial, str) else None
        if trigger is None:
            self.flow.unknown_entry(self.doc.span(f"{self.pointer}/initial_state"), None, self.states, "widgets")
            return None
        found = self.events(initial).get("incomingCall")  # type: ignore[arg-type]
        call = self.target(initial, "incomingCall") if found is not None and found[0] else None  # type: ignore[arg-type]
        if call is None:  # no transition, or one left unconnected: a call ends as it arrives
            self.flow.structure(self.at(initial), "the trigger's `incomingCall` leads to no widget: this flow answers "
                                "no phone calls", "connect the trigger's Incoming Call to the first widget")
            return None
        return call

    def gather(self, name: str, state: dict[str, Any]) -> None:
        """A gather and the split that reads its digits -> one step that asks: its keys are the split's."""
        props = state.get("properties") or {}
        node_id = self.ids[name]
        self.language = language_code(props.get("language") or props.get("gather_language"), self.language)
        pressed = self.events(name).get("keypress", (None, 0))[0]
        spoke = self.events(name).get("speech", (None, 0))[0]
        split = pressed or spoke
        exits: list[Way] = []
        if split in self.states and self.states[split][1].get("type") == "split-based-on" and self._reads(split, name):
            self.absorbed.add(split)
            exits = self.choices(split, name, node_id)
            exits.append(Way(Exit.INVALID, self.target(split, "noMatch"), self.at(split)))
        elif split is not None:
            self.entry_field(name, state, split)
            return
        prompt, ignore = self.prompt(name, props, node_id)
        exits.append(Way(Exit.TIMEOUT, self.target(name, "timeout"), self.at(name)))
        self.steps.append(Step(node_id, Kind.ASK, self.at(name), exits, prompt=prompt, unknown=ignore, retries=0,
                               prompt_span=self.at(name, "properties", "say") if prompt else None,
                               timeout=number(props.get("timeout"))))

    def entry_field(self, name: str, state: dict[str, Any], to: str) -> None:
        """A gather whose digits go on to a widget that does not split on them as keys (a Function, an HTTP
        request, a split on a number's range): the caller types a value, an `input`, not a menu choice."""
        props, node_id = state.get("properties") or {}, self.ids[name]
        prompt, ignore = self.prompt(name, props, node_id)
        kind = (self.states.get(to, (0, {}))[1]).get("type")
        if kind not in _OPAQUE and kind != "split-based-on":
            self.flow.opaque(self.at(name), node_id, f'"{name}" passes what the caller enters to "{to}", which '
                             "does not split on it, so it is read as an entry field, not as a menu",
                             "follow this gather with a Split Based On... its Digits if it is a menu")
        digits = number(props.get("number_of_digits"))
        at = self.at(name)
        exits = [Way(Exit.ENTERED, self.target(name, "keypress") or self.target(name, "speech"), at),
                 Way(Exit.TIMEOUT, self.target(name, "timeout"), at)]
        self.steps.append(Step(node_id, Kind.ENTRY, at, exits, prompt=prompt, unknown=ignore, retries=0,
                               prompt_span=self.at(name, "properties", "say") if prompt else None,
                               timeout=number(props.get("timeout")), digits=int(digits) if digits else None))

    def prompt(self, name: str, props: dict[str, Any], node_id: str) -> tuple[str | None, frozenset[str] | None]:
        """A gather's words (`say`), or the prompt rules to silence when it plays a recording or a placeholder."""
        say = props.get("say")
        prompt = spoken(say) if isinstance(say, str) and not is_template(say) else None
        if prompt is None and (props.get("play") or is_template(say)):
            return None, unknown_prompt(self.flow, node_id, self.at(name, "properties"),
                                        f"a recording ({props.get('play')})" if props.get("play")
                                        else f"a template placeholder ({say})")
        return prompt, None

    def _reads(self, split: str, gather: str) -> bool:
        props = self.states[split][1].get("properties") or {}
        return any(m.group(1) == gather for m in _READS.finditer(str(props.get("input", ""))))

    def choices(self, split: str, gather: str, node_id: str) -> list[Way]:
        """The split's conditions on the gather's digits (or speech) -> key and speech exits, as written."""
        found: list[Way] = []
        for event, to, j in self.transitions(split):
            if event == "noMatch":
                continue
            transition = self.states[split][1]["transitions"][j]
            where = self.at(split, "transitions", j)
            target = Target(self.ids.get(to, to), where) if to else self.flow.end_call(where)
            for condition in transition.get("conditions") or []:
                kind, value = str(condition.get("type")), str(condition.get("value") or "")
                label = condition.get("friendly_name")
                speech = "SpeechResult" in " ".join(map(str, condition.get("arguments") or []))
                values = [v.strip() for v in value.split(",")] if kind == "matches_any_of" else [value.strip()]
                for v in values:
                    if not speech and kind in ("equal_to", "matches_any_of") and v in DTMF_KEYS:
                        found.append(Way(Exit.KEY, target, where, v, _label(label, v)))
                    elif speech or kind in ("contains", "starts_with", "regex"):
                        found.append(Way(Exit.SPEECH, target, where, v, _label(label, v)))
                    else:
                        self.flow.opaque(where, node_id, f'the split "{split}" routes "{v}" ({kind}), which is no '
                                         "single key; it is left out of the menu's options",
                                         "check this route by hand")
        return found

    def widget(self, name: str, state: dict[str, Any]) -> None:
        """One widget -> the step it is (what it is and where its events lead)."""
        kind, props = str(state.get("type")), state.get("properties") or {}
        node_id, at = self.ids[name], self.at(name)
        if kind == "trigger":
            return
        if kind == "say-play":
            say = props.get("say")
            self.steps.append(Step(node_id, Kind.MESSAGE, at, [Way(Exit.NEXT, self.target(name, "audioComplete"), at)],
                                   prompt=spoken(say) if not is_template(say) else None))
        elif kind == "connect-call-to":
            self.steps.append(self._connect(name, node_id, at, props))
        elif kind in _PEOPLE:
            queue = props.get("queue_name") or props.get("workflow") or props.get("workflow_sid")
            self.steps.append(Step(node_id, Kind.QUEUE, at, queue=str(queue) if queue else None))
            self.dropped += [self.ids.get(to, to) for e, to, _ in self.transitions(name) if to and e != "callComplete"]
        elif kind == "record-voicemail":
            self.steps.append(Step(node_id, Kind.VOICEMAIL, at))
        elif kind == "split-based-on":
            self.steps.append(Step(node_id, Kind.DATA, at, [*self._cases(name),
                                                            Way(Exit.DEFAULT, self.target(name, "noMatch"), at)]))
        elif kind in _PASS:
            nxt = next((self.target(name, e) for e in self.events(name)), None)
            self.steps.append(Step(node_id, Kind.MESSAGE if kind == "send-message" else Kind.TASK, at,
                                   [Way(Exit.NEXT, nxt, at)]))
        else:
            what = _OPAQUE.get(kind, f'the widget type "{kind}", which ivrcheck does not know')
            self.steps.append(Step(node_id, Kind.DATA, at, [Way(Exit.CASE, self.target(name, e), at, e)
                                                            for e in self.events(name)]))
            self.flow.opaque(at, node_id, f'"{name}" runs {what}, whose result picks the route',
                             "every route it declares is checked; which one a caller takes depends on the result")

    def _cases(self, name: str) -> list[Way]:
        """A split's conditions as data cases, named as the export names them."""
        found = []
        for e, to, j in self.transitions(name):
            if e == "noMatch":
                continue
            test = (self.states[name][1]["transitions"][j].get("conditions") or [{}])[0]
            where = self.at(name, "transitions", j)
            value = str(test.get("friendly_name") or f"{test.get('type', e)} {test.get('value', '')}".strip())
            found.append(Way(Exit.CASE, Target(self.ids.get(to, to), where) if to else self.flow.end_call(where),
                             where, value))
        return found

    def _connect(self, name: str, node_id: str, at: Span, props: dict[str, Any]) -> Step:
        """Connect Call To: a conference room, a device of the system (a Client, a SIP user) or a number."""
        noun, to = str(props.get("noun") or "number"), props.get("to")
        if noun == "conference":
            return Step(node_id, Kind.NOBODY, at, what=f"the conference room {to or ''}".rstrip())
        if noun in ("client", "sip", "sim") and not is_template(to) and "{{" not in str(to or ""):
            return Step(node_id, Kind.DEVICE, at)
        return Step(node_id, Kind.NUMBER, at, what=to, names=(name, props.get("caller_id_name")))


def _modern(states: object) -> list[Any]:
    """The states as today's export writes them: the older export's widget types renamed and its
    transitions to widget SIDs turned into transitions to widget names (indexes kept for positions)."""
    if not isinstance(states, list):
        return []
    names = {str(st["sid"]): st["name"] for st in states
             if isinstance(st, dict) and st.get("sid") and isinstance(st.get("name"), str)}
    if not any(isinstance(st, dict) and st.get("type") in _LEGACY for st in states):
        return states
    found: list[Any] = []
    for state in states:
        if isinstance(state, dict):
            state = dict(state, type=_LEGACY.get(str(state.get("type")), state.get("type")),
                         transitions=[dict(t, next=names.get(str(t.get("next")), t.get("next")))
                                      if isinstance(t, dict) else t for t in state.get("transitions") or []])
        found.append(state)
    return found


def _label(label: object, value: str) -> str | None:
    text = str(label).strip() if label else ""
    return None if not text or text == value or text.lower().startswith(("if value", "equal to")) else text
