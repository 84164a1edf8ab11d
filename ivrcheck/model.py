"""The typed menu model: what a menu file means, with the span of every field."""

from __future__ import annotations

import enum
from dataclasses import field, replace
from typing import Mapping

from ivrcheck.findings import NOWHERE, Span
from ivrcheck.records import record

DTMF_KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "*", "#")
BUILTIN_TARGETS = ("repeat", "back")
#: Keys every menu may bind to the same universal function (a person, repeat, back): never tasks.
UNIVERSAL_KEYS = ("0", "*", "#")
#: `receives: all`: the person sees everything the caller gave (a screen pop).
RECEIVES_ALL = "all"


class NodeType(str, enum.Enum):
    """The kinds of node a phone line is built from (SPEC §1)."""

    MENU = "menu"
    AGENT = "agent"
    VOICEMAIL = "voicemail"
    CALLBACK = "callback"
    MESSAGE = "message"
    INPUT = "input"
    SELF_SERVICE = "self_service"
    TRANSFER = "transfer"
    HANGUP = "hangup"
    BRANCH = "branch"


#: Node types that collect a key press and therefore have timeout/invalid/retries handling.
INTERACTIVE = frozenset({NodeType.MENU, NodeType.INPUT})
#: Node types a caller passes through without choosing anything: the call moves on by itself.
PASSED_THROUGH = frozenset({NodeType.MESSAGE, NodeType.BRANCH, NodeType.INPUT})
#: Node types that promise a person later (a callback, a voicemail someone listens to).
PROMISES = frozenset({NodeType.CALLBACK, NodeType.VOICEMAIL})
#: Node types at which a call legitimately ends (handed over or finished).
TERMINAL = frozenset(
    {NodeType.AGENT, NodeType.VOICEMAIL, NodeType.CALLBACK, NodeType.TRANSFER, NodeType.HANGUP}
)


@record(slots=True)
class Target:
    """A reference to where a call goes: a node id, `repeat`, `back`, or `file.yaml#node`."""

    ref: str
    span: Span = NOWHERE

    @property
    def is_builtin(self) -> bool:
        return self.ref in BUILTIN_TARGETS

    @property
    def is_external(self) -> bool:
        return "#" in self.ref


@record(slots=True)
class Option:
    """One choice in a menu: a DTMF key, a speech-only phrase set, or multi-digit entry."""

    key: str
    span: Span
    target: Target | None
    label: str | None = None
    label_span: Span | None = None
    say: tuple[str, ...] = ()
    weight: float | None = None
    #: "dtmf" for a key, "speech" for a speech-only option, "extension" for dial_by_extension.
    kind: str = "dtmf"
    digits: int | None = None
    ignore: frozenset[str] = frozenset()
    #: What the caller gives by choosing it (a speech option that captures a reason, say).
    collects: str | None = None
    #: The language this option switches the call to ("På svenska, tryck 9").
    language: str | None = None
    #: The option concerns a contract the caller already has (cancel, complain, invoice): EU CRD art. 21.
    contract_matter: bool = False

    @property
    def is_dtmf(self) -> bool:
        return self.kind == "dtmf"

    @property
    def has_keypad(self) -> bool:
        return self.kind in ("dtmf", "extension")


@record(slots=True)
class Node:
    """One node of the phone line. Fields that do not apply to its type stay at their defaults."""

    id: str
    type: NodeType
    span: Span
    prompt: str | None = None
    prompt_span: Span | None = None
    options: tuple[Option, ...] = ()
    next: Target | None = None
    # Error handling (menu and input nodes), already merged with `defaults`.
    timeout: float | None = None
    retries: int | None = None
    on_timeout: Target | None = None
    on_invalid: Target | None = None
    after_retries: Target | None = None
    # Humans and other endpoints.
    queue: str | None = None
    hours: str | None = None
    closed: Target | None = None
    announces_wait: bool | None = None
    confirmation: str | None = None
    #: Whether a person answers a transfer: True, False, or None when the file cannot show it
    #: (`human: unknown`: an importer's hand-off to another flow or to a number of unknown owner).
    human: bool | None = False
    # Branches and input.
    on: str | None = None
    cases: tuple[tuple[str, Target], ...] = ()
    default: Target | None = None
    digits: int | None = None
    #: Seconds allowed between two digits of an input.
    digit_timeout: float | None = None
    ignore: frozenset[str] = frozenset()
    # What callers ask for beyond a clear menu (issue 16).
    #: The item an input collects ("account_number").
    collects: str | None = None
    #: Items a person is handed with the call; None when unknown. See `receives_item`.
    receives: tuple[str, ...] | None = None
    #: When a callback or voicemail promises an answer ("within 2 hours").
    promise: str | None = None
    #: The language this node speaks, when it is not the line's.
    language: str | None = None
    #: Whether a self-service task changes something (a payment, a booking); None when unknown.
    changes: bool | None = None
    #: The speaking rate its prompt is played at, in its language's unit.
    speaking_rate: float | None = None
    #: The prompt is a recording (or an expression) whose words ivrcheck cannot read: whether it
    #: announces a key is unknown, never "not said". Importers set it; YAML never does.
    words_unknown: bool = False
    #: Seconds the prompt plays for, as declared (`seconds:`); else computed from its words.
    seconds: float | None = None
    #: Span of every field as written in the file (or in `defaults` when inherited).
    spans: Mapping[str, Span] = field(default_factory=dict)
    #: Fields whose value (and span) come from `defaults` rather than the node itself.
    inherited: frozenset[str] = frozenset()
    #: The file that declares this node, when it was merged in from another file of the line.
    source: str | None = None
    #: A person's queue as designed (issue 25): the declared average wait in seconds, the wait after
    #: which the queue gives up, where callers go then (None: the call is cut), the languages served.
    expected_wait: float | None = None
    max_wait: float | None = None
    overflow: Target | None = None
    languages: tuple[str, ...] | None = None
    #: Its `hours:` schedule is open every hour of every day and holiday (a 24-hour fraud desk):
    #: open in every schedule state, its `closed:` only a guard (`with_open_hours` sets it).
    always_open: bool = False

    @property
    def closes(self) -> bool:
        """Whether this node's hours ever close: it names a schedule that is not open around the clock."""
        return self.hours is not None and not self.always_open

    def targets(self) -> list[Target]:
        """Every target this node names, in file order."""
        found = [o.target for o in self.options if o.target is not None]
        found += [t for t in (self.next, self.on_timeout, self.on_invalid, self.after_retries, self.closed,
                              self.overflow) if t]
        found += [t for _, t in self.cases]
        return found + ([self.default] if self.default else [])

    def receives_item(self, item: str) -> bool | None:
        """Whether this person is handed `item` with the call; None when the file does not say."""
        if self.receives is None:
            return None
        return item in self.receives or RECEIVES_ALL in self.receives

    def span_of(self, name: str) -> Span:
        """The span of field `name`, falling back to the node's own id."""
        return self.spans.get(name, self.span)

    @property
    def is_menu(self) -> bool:
        return self.type is NodeType.MENU

    @property
    def is_person(self) -> bool:
        """A person answers: an agent, or a transfer declared `human: true` (hours aside)."""
        return self.type is NodeType.AGENT or (self.type is NodeType.TRANSFER and self.human)

    @property
    def person_unknown(self) -> bool:
        """A transfer whose answerer is unknown (`human: unknown`): never counted as a person, nor as
        proof that no person answers."""
        return self.type is NodeType.TRANSFER and self.human is None

    @property
    def is_promise(self) -> bool:
        """A callback or voicemail: the promise of a person later, not a person now."""
        return self.type in PROMISES

    @property
    def passes_on(self) -> bool:
        """A menu a caller may let pass: silence goes on to another node, and wrong keys go there too
        or every key only chooses another language (a greeting that offers other languages or an
        urgent line, then the line proper), so its offers are extras, not a choice every caller must make."""
        silence, wrong = self.on_timeout, self.on_invalid
        if not self.is_menu or silence is None or silence.is_builtin or silence.ref == self.id:
            return False
        if wrong is not None and wrong.ref == silence.ref:
            return True
        keys = [o for o in self.options if o.is_dtmf]
        return bool(keys) and all(o.language for o in keys)  # "Para español, oprima 9", else go on

    @property
    def is_interactive(self) -> bool:
        return self.type in INTERACTIVE


@record(slots=True)
class Task:
    """A caller's goal and the node it should end at, or several that each do (the tree test)."""

    say: str
    expect: Target
    span: Span
    #: Further nodes that also complete the task (`expect: [a, b]`).
    more: tuple[Target, ...] = ()

    @property
    def expects(self) -> tuple[Target, ...]:
        """Every node that completes the task, in file order."""
        return (self.expect, *self.more)


#: The non-voice ways a line can declare (`line.text_alternative`).
TEXT_ALTERNATIVES = ("sms", "chat", "rtt", "relay", "email", "web")


@record(slots=True)
class Tariff:
    """What a caller pays for the line's number, a minute (`line.tariff`)."""

    per_minute: float
    currency: str = "EUR"
    #: Whether the minutes spent waiting for a person are charged too.
    charged_while_queueing: bool = True
    #: A minute of an ordinary call (to a geographic or mobile number), which a contract matter
    #: may not exceed (EU Consumer Rights Directive art. 21).
    basic_rate: float = 0.0

    @property
    def above_basic(self) -> bool:
        return self.per_minute > self.basic_rate


@record(slots=True)
class LineInfo:
    """Facts about the line as a service that an audit needs and the menu cannot show (`line:`)."""

    span: Span
    number: str | None = None
    country: str | None = None
    consumers: bool | None = None
    tariff: Tariff | None = None
    answer_target_seconds: float | None = None
    #: Non-voice ways to get the same information and tasks; None when the file does not say.
    text_alternative: tuple[str, ...] | None = None
    spans: Mapping[str, Span] = field(default_factory=dict)

    def span_of(self, name: str) -> Span:
        return self.spans.get(name, self.span)


@record(slots=True)
class Menu:
    """One phone line, as one file declares it."""

    path: str
    name: str
    language: str
    entry: Target
    nodes: Mapping[str, Node]
    hours: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    hours_spans: Mapping[str, Span] = field(default_factory=dict)
    tasks: tuple[Task, ...] = ()
    span: Span = NOWHERE
    #: The line as a service (`line:`); None when the file does not declare it (importers never do).
    line: LineInfo | None = None

    def lets_pass(self, node: Node) -> bool:
        """Whether callers may let this menu pass (`Node.passes_on`) into the line proper: its silence
        goes on to something other than a goodbye."""
        if not node.passes_on or node.on_timeout is None:
            return False
        onward = self.nodes.get(node.on_timeout.ref)
        return onward is None or onward.type is not NodeType.HANGUP

    @property
    def has_hours(self) -> bool:
        """Whether the graph depends on time (a human or branch follows a schedule)."""
        return any(
            n.hours is not None or (n.type is NodeType.BRANCH and n.on == "hours")
            for n in self.nodes.values()
        )

    def languages(self) -> frozenset[str]:
        """Every language the line speaks: its own, and those its nodes and options declare."""
        declared = {n.language for n in self.nodes.values() if n.language}
        declared |= {o.language for n in self.nodes.values() for o in n.options if o.language}
        return frozenset({self.language, *declared})

    def menus(self) -> list[Node]:
        return [n for n in self.nodes.values() if n.is_menu]


_WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WHOLE_DAY = "00:00-24:00"


def open_around_the_clock(schedule: Mapping[str, str]) -> bool:
    """Whether a schedule (`{"mon-sun": "00:00-24:00", "holiday": "00:00-24:00"}`) is open every hour of
    every day of the week, and of holidays when it names them."""
    covered: set[str] = set()
    for days, times in schedule.items():
        whole = "".join(str(times).split()) == _WHOLE_DAY
        for part in str(days).split(","):
            first, _, last = part.strip().partition("-")
            if first == "holiday":
                if not whole:
                    return False
                continue
            if first not in _WEEK or (last and last not in _WEEK):
                return False
            span = _WEEK[_WEEK.index(first):_WEEK.index(last) + 1] if last else (first,)
            if not whole:
                return False
            covered.update(span)
    return covered == set(_WEEK)


def with_open_hours(menu: Menu) -> Menu:
    """The menu with `always_open` on every node whose `hours:` schedule never closes, so that the
    closed state does not close a 24-hour desk; the same menu when there is none."""
    always = {name for name, schedule in menu.hours.items() if open_around_the_clock(schedule)}
    changed = {n.id: replace(n, always_open=True) for n in menu.nodes.values() if n.hours in always}
    return replace(menu, nodes={**menu.nodes, **changed}) if changed else menu
