"""The one intermediate every importer fills: steps with typed exits, and the one mapping to the menu model.

An importer says what the export shows, in the platform's terms: a step that asks the caller for
a key, a message, a queue, a number, another flow; and where each of its exits leads (a key, a
timeout, a wrong key, retries run out, a data case, a schedule state, no answer). It never
decides what a menu or a person is: `steps_to_menu` does, once for every platform, so a fix to
either is made here.

- **What is a menu**: an `ASK` step (the caller chooses by a key or a phrase) is a `menu`, each
  key or speech exit an option (with none, an empty menu that rule S103 reports); an `ENTRY`
  step (the caller types a value: an account number, a rating) is an `input` whose `ENTERED`
  exit goes on, whatever keys make up the value. Without a `RETRIES` exit, running out of
  retries ends the call, except on a step that takes its failure route at once (`retries=0`,
  a platform with no retry count of its own): there it goes where a timeout, else a wrong
  key, goes.
- **What is a person**: a `QUEUE` (an agent queue, a user) is an `agent`; a `NUMBER` follows the
  one policy for a phone number (common.phone_transfer: named as a person's or a team's, a
  person; else `human: unknown` with an F020); a `DEVICE` of the system (a Client, a SIP user)
  is a person's phone; `NOBODY` (a conference room, a range of extensions) is a transfer no
  person answers, with its reason; a `FLOW` (another flow) is `human: unknown`; a callback or a
  voicemail is the promise of a person later.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from ivrcheck.findings import Span
from ivrcheck.importers.common import Flow, hand_off, make, option, phone_transfer, unknown_words
from ivrcheck.model import NodeType, Option, Target


class Exit(str, enum.Enum):
    """How a call leaves a step."""

    KEY = "key"            # a key pressed (`value`: the key)
    SPEECH = "speech"      # a phrase said (`value`: the phrase)
    ENTERED = "entered"    # a value typed into an input
    TIMEOUT = "timeout"    # the caller said nothing
    INVALID = "invalid"    # a key or phrase the step does not take
    RETRIES = "retries"    # the attempts ran out
    CASE = "case"          # a data case (`value`: the case as the export names it)
    SCHEDULE = "schedule"  # `open` or `closed` of a schedule (`value`)
    NO_ANSWER = "no_answer"  # a ringing phone nobody picked up
    EXTENSION = "extension"  # an extension number dialled (`digits`: how many, when all are as long)
    NEXT = "next"          # the step ends and the call goes on
    DEFAULT = "default"    # no data case matched


class Kind(str, enum.Enum):
    """What a step is, as the export shows it; `steps_to_menu` decides the node it becomes."""

    ASK = "ask"            # a choice by key or phrase
    ENTRY = "entry"        # a value the caller types
    MESSAGE = "message"
    TASK = "task"          # automated work that goes on (`NEXT`) or ends the call
    DATA = "data"          # routes by data: `CASE` exits and a `DEFAULT`
    SCHEDULE = "schedule"  # routes by opening hours: `SCHEDULE` exits
    QUEUE = "queue"
    NUMBER = "number"
    DEVICE = "device"
    NOBODY = "nobody"
    FLOW = "flow"
    CALLBACK = "callback"
    VOICEMAIL = "voicemail"
    HANGUP = "hangup"


@dataclass(frozen=True, slots=True)
class Way:
    """One exit of a step: its kind, where it leads (None: the call ends there, or it is not set)."""

    exit: Exit
    to: Target | None
    span: Span
    value: str = ""
    label: str | None = None
    #: The phrases that choose it, when the export lists them (a key may have some too).
    say: tuple[str, ...] = ()
    digits: int | None = None


@dataclass
class Step:
    """One step of a flow as the export shows it. `id` is final (claimed from the flow); `what`
    names the destination for notes (the number, the other flow, why nobody answers)."""

    id: str
    kind: Kind
    span: Span
    exits: list[Way] = field(default_factory=list)
    prompt: str | None = None
    prompt_span: Span | None = None
    #: The prompt rules silenced when the prompt's words are unknown (common.unknown_prompt).
    unknown: frozenset[str] | None = None
    timeout: float | None = None
    retries: int | None = None
    digits: int | None = None
    queue: str | None = None
    hours: str | None = None
    what: str | None = None
    #: Why nobody (or nobody known) answers, in the importer's words, when it says more than `what`.
    note: tuple[str, str] | None = None
    #: Names the export gives the step (its name, label, prompt): what says a number is a team's.
    names: tuple[object, ...] = ()
    #: Rules the export cannot inform here (a queue whose wait announcements live in another file).
    ignore: frozenset[str] = frozenset()
    #: Positions of single fields where the export writes them apart from the step (a timeout).
    spans: dict[str, Span] = field(default_factory=dict)

    def way(self, *exits: Exit) -> Target | None:
        """Where the first exit of these kinds leads, in the order asked."""
        for kind in exits:
            found = next((w for w in self.exits if w.exit is kind), None)
            if found is not None:
                return found.to
        return None


_PLAIN = {Kind.MESSAGE: NodeType.MESSAGE, Kind.TASK: NodeType.SELF_SERVICE, Kind.CALLBACK: NodeType.CALLBACK,
          Kind.VOICEMAIL: NodeType.VOICEMAIL, Kind.HANGUP: NodeType.HANGUP}


def steps_to_menu(flow: Flow, steps: list[Step]) -> None:
    """Add the node each step becomes to `flow`: the one place that decides what is a menu and what
    is a person (see the module's docstring)."""
    for step in steps:
        if step.kind in (Kind.ASK, Kind.ENTRY):
            _ask(flow, step)
        elif step.kind in _PLAIN:
            flow.add(make(step.id, _PLAIN[step.kind], step.span, prompt=step.prompt, next=step.way(Exit.NEXT),
                          prompt_span=step.prompt_span))
        elif step.kind in (Kind.DATA, Kind.SCHEDULE):
            on = "data" if step.kind is Kind.DATA else "hours"
            cases: dict[str, Target] = {}  # a value routes once: the first case written wins, as platforms test in order
            for w in step.exits:
                if w.exit in (Exit.CASE, Exit.SCHEDULE) and w.to is not None:
                    cases.setdefault(w.value, w.to)
            flow.add(make(step.id, NodeType.BRANCH, step.span, on=on, cases=tuple(cases.items()),
                          default=step.way(Exit.DEFAULT),
                          hours=step.hours))
        else:
            _person(flow, step)


def _ask(flow: Flow, step: Step) -> None:
    """A step that waits for the caller: a menu (a choice), or an input (a value typed)."""
    options = tuple(_option(w) for w in step.exits if w.exit in (Exit.KEY, Exit.SPEECH, Exit.EXTENSION))
    on_timeout, on_invalid = step.way(Exit.TIMEOUT), step.way(Exit.INVALID)
    if any(w.exit is Exit.RETRIES for w in step.exits):
        after = step.way(Exit.RETRIES)  # declared, though perhaps to nowhere: the call ends
    else:
        after = on_timeout or on_invalid if step.retries == 0 else None
    shared = dict(prompt=step.prompt, timeout=step.timeout, retries=step.retries, on_timeout=on_timeout,
                  on_invalid=on_invalid, after_retries=after, prompt_span=step.prompt_span, spans=step.spans,
                  **unknown_words(step.unknown))
    if step.kind is Kind.ASK:
        flow.add(make(step.id, NodeType.MENU, step.span, options=options, **shared))
    else:
        flow.add(make(step.id, NodeType.INPUT, step.span, next=step.way(Exit.ENTERED, Exit.NEXT),
                      digits=step.digits, **shared))


def _option(way: Way) -> Option:
    if way.exit is Exit.EXTENSION:
        return Option(key="extension", span=way.span, target=way.to, kind="extension", digits=way.digits,
                      label=way.label)
    if way.exit is Exit.SPEECH:
        return option(way.value, way.span, way.to, label=way.label, say=way.say or [way.value], kind="speech")
    return option(way.value, way.span, way.to, label=way.label, say=way.say)


def add(flow: Flow, step: Step) -> Target:
    """Map one step at once (for an importer that builds a flow from its end, as Genesys does, and
    needs the target where a call meets each step before the next is read)."""
    steps_to_menu(flow, [step])
    return Target(step.id, step.span)


def _person(flow: Flow, step: Step) -> None:
    """Where the call is handed over: who answers, by the one policy."""
    if step.kind is Kind.QUEUE:
        flow.add(make(step.id, NodeType.AGENT, step.span, queue=step.queue, ignore=step.ignore))
        return
    if step.kind is Kind.NUMBER:
        human = phone_transfer(flow, step.id, step.span, step.what, step.names)
    elif step.kind is Kind.FLOW:
        human = None
        if step.note:
            flow.opaque(step.span, step.id, *step.note)
        else:
            hand_off(flow, step.id, step.span, step.what or "another flow")
    elif step.kind is Kind.NOBODY:
        human = False
        flow.opaque(step.span, step.id, *(step.note or (
            f'"{step.id}" connects the call to {step.what}, which is not counted as a person',
            "if a person always answers, the imported YAML can say `human: true`")))
    else:  # a device of the system: a person's phone
        human = True
    flow.add(make(step.id, NodeType.TRANSFER, step.span, human=human))


__all__ = ["Exit", "Kind", "Step", "Way", "add", "steps_to_menu"]
