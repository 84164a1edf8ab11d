"""What every rule module declares, and small helpers several rules share."""

from __future__ import annotations

from collections import Counter
from types import ModuleType
from typing import TYPE_CHECKING, Any, Callable, Generic, Iterable, Iterator, Mapping, Protocol, TypeVar

from ivrcheck.callers.journey import offered_on_landing
from ivrcheck.findings import Problem, Severity
from ivrcheck.graph.analysis import is_live_human
from ivrcheck.graph.build import OPEN
from ivrcheck.language.choices import chosen_language
from ivrcheck.language.prompts import emergency_advice
from ivrcheck.model import Menu, Node, NodeType, Option

if TYPE_CHECKING:
    from ivrcheck.graph import Analysis, LineAnalysis

Settings = Mapping[str, Any]
T = TypeVar("T")


class LastAsked(Generic[T]):
    """The answer for the last key asked, its parts compared by identity. A rule asks the same of a
    menu once per option or pair of options, and a menu's questions come together: keeping the last
    answer makes one reading per menu of what was one per option (quadratic on a menu of thousands)."""

    __slots__ = ("_key", "_value")

    def __init__(self) -> None:
        self._key: tuple = ()
        self._value: Any = None

    def get(self, key: tuple, make: Callable[[], T]) -> T:
        if len(key) != len(self._key) or any(a is not b for a, b in zip(key, self._key)):
            self._value, self._key = make(), key
        return self._value


class Rule(Protocol):
    """The shape of a rule module: identity as constants, one pure generator."""

    CODE: str
    NAME: str
    SEVERITY: Severity
    SETTINGS: dict[str, object]
    #: The clarity-score part its findings count against: navigation, human_access, wording, robustness.
    PART: str
    __doc__: str | None
    __name__: str

    def check(self, menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]: ...


def summary(rule: ModuleType | Rule) -> str:
    """The first line of a rule's docstring: its one-sentence description."""
    return (rule.__doc__ or "").strip().splitlines()[0].strip()


def chooses_language(option: Option) -> bool:
    """An option that chooses a language: `language:` set, or a label that names a language and
    nothing else ("På svenska", "In English"), as authors and importers often leave it unset."""
    return bool(option.language) or chosen_language(option.label) is not None


def language_menu(menu: Menu, node: Node) -> bool:
    """A menu that only asks for a language and moves a caller who waits on to the default
    language's menu ("Suomeksi, odota hetki. På svenska, tryck 2"): waiting there is a choice."""
    target = menu.nodes.get(node.on_timeout.ref) if node.on_timeout is not None else None
    moves_on = target is not None and target.id != node.id and target.type is not NodeType.HANGUP
    return moves_on and bool(node.options) and all(
        chooses_language(o) for o in node.options if o.key != "*")


def sends_elsewhere(line: LineAnalysis, analysis: Analysis, start: str) -> str | None:
    """The sentence of a message on the way on from `start`, with no choice, that sends callers to a
    channel open around the clock ("Current delays are always shown in the app"), read in the language
    each message speaks; None when none does (H205, R503)."""
    for node_id in analysis.routed_from(start):
        node = line.menu.nodes.get(node_id)
        if node is not None and node.prompt and (found := line.speaks(node).caller_words.sends_elsewhere(node.prompt)):
            return found
    return None


def advises_emergency(menu: Menu, node_ids: Iterable[str]) -> str | None:
    """The first sentence of the messages `node_ids` that sends callers to an emergency number ("If
    someone is hurt, call 112 now."): a closed clinic or patrol whose message ends the call after it
    has handed the urgent caller to the service that answers then (H205, H216); None when none does."""
    for node_id in node_ids:
        node = menu.nodes.get(node_id)
        if node is not None and node.type is NodeType.MESSAGE and node.prompt and (
                advice := emergency_advice(node.prompt)):
            return " ".join(advice[0].split())
    return None


def quote(text: str) -> str:
    """Quote an id, key or label in a message the same way everywhere."""
    return f'"{text}"'


def holding_states(line: LineAnalysis, holds: Callable[[Analysis], bool]) -> list[str | None]:
    """The states in which a condition holds, as findings name them.

    `[None]` when it holds in every state (or the line has no schedules), so a defect that
    does not depend on the time of day is reported once, without a state.
    """
    found = [analysis.state for analysis in line.states.values() if holds(analysis)]
    if not found:
        return []
    return [None] if len(found) == len(line.states) else found


def silence_reaches_person(menu: Menu, analysis: Analysis, node: Node) -> bool:
    """Whether a caller who stays silent in `node` is put through, with no choice left, to a live
    person (in the open state): silence then connects the caller rather than cutting them off."""
    ref = node.on_timeout.ref if node.on_timeout is not None else ""
    return ref in analysis.out and any(n is not None and is_live_human(n, OPEN)
                                       for n in map(menu.nodes.get, analysis.routed_from(ref)))


def aims_at_person(menu: Menu, line: LineAnalysis, menu_id: str, option: Option) -> bool:
    """Whether an option is meant to reach a person: its target is an agent or a human transfer,
    or it reaches a live person with no further choice in some state (through a branch, say), or
    lands in a menu where callers who wait, as its prompt says, reach one (a "hold, or press 1
    for a callback" menu behind an hours branch)."""
    target = menu.nodes.get(option.target.ref) if option.target is not None else None
    if target is not None and (target.type is NodeType.AGENT or (target.type is NodeType.TRANSFER and target.human)):
        return True
    if any(a.option_reaches_human(menu_id, option.key, live_only=True) for a in line.states.values()):
        return True
    if target is None:
        return False
    landings = ((a, offered_on_landing(line, a, target.id)) for a in line.states.values())
    return any(found is not None and found.key == "timeout" and found.node in a.to_live for a, found in landings)


def line_person(menu: Menu, line: LineAnalysis) -> tuple[str, str] | None:
    """The person the line's menus send "0" to most often, with the label they give it: the
    certain target for a fix that adds a way to a person (H203, R503). Worked out once per line."""
    key = "rules.base.line_person"
    if key not in line.shared:
        zeros = Counter((o.target.ref, o.label) for node in line.menus for o in node.options
                        if o.key == "0" and o.target is not None and o.label and aims_at_person(menu, line, node.id, o))
        line.shared[key] = zeros.most_common(1)[0][0] if zeros else None
    return line.shared[key]


#: The keys ISO/IEC 13714 reserves for navigation (model.UNIVERSAL_KEYS) count as choices only when used for a task.


def universal_function(node: Node, option: Option, line: LineAnalysis) -> str | None:
    """The navigation function an option serves: "repeat", "back", "the main menu", "a person",
    or None for a task option (the rest of a menu's choices)."""
    if not option.is_dtmf or option.target is None:
        return None
    ref = option.target.ref
    if ref in ("repeat", node.id):
        return "repeat"
    if ref == "back":
        return "back"
    if ref in line.opening_menus:
        return "the main menu"
    if asks_for_person(option, line) and any(
            a.option_reaches_human(node.id, option.key, live_only=True) for a in line.states.values()):
        return "a person"
    return None


def asks_for_person(option: Option, line: LineAnalysis) -> bool:
    """Whether the option is offered as "speak to a person": no label, or a label or `say:` phrase
    that asks for one and nothing else ("Speak to an advisor", "Asiakaspalvelija", not "Add a
    person to your policy")."""
    if not option.label and not option.say:
        return True
    return any(line.asks_for(phrase) == "person" for phrase in (option.label, *option.say) if phrase)


def missing_handler(menu: Menu, line: LineAnalysis, field: str) -> Iterator[Problem]:
    """Reachable menus and inputs that leave one error route (`on_timeout`, `on_invalid`) unset."""
    from ivrcheck.findings import Problem

    for node in menu.nodes.values():
        if node.is_interactive and node.id in line.reachable and getattr(node, field) is None:
            yield Problem(node.span, node.id, f"{node.type.value} {quote(node.id)} has no `{field}`",
                          f"add `{field}: repeat` here or under `defaults:`")


def ends_on_silence_by_design(line: LineAnalysis, node: Node) -> bool:
    """Whether the designer ended the errand here on purpose: a menu below the line's first ones whose
    own `on_timeout` goes where its `after_retries` goes (the outage notice, the fee, the tour: "press
    1 for more, or hang up"). A caller who stays silent is done, so two wrong keys ending the call too
    is harsh, not a task cut short. Not an input (the caller was in the middle of keying something),
    and not a first menu, where a silent caller has not yet been served at all."""
    timeout, retries = node.on_timeout, node.after_retries
    return node.type is NodeType.MENU and node.id not in line.opening_menus and timeout is not None \
        and retries is not None and not timeout.is_builtin and timeout.ref == retries.ref \
        and "on_timeout" not in node.inherited
