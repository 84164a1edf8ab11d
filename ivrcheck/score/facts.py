"""What the score measures on a phone line, read off its analysis once, as plain values.

`Facts` holds numbers and ids only (no model objects), so a result can carry them between
processes and be re-scored with another set of findings (engine._union).
"""

from __future__ import annotations

from dataclasses import field
from typing import TYPE_CHECKING, Iterable, Mapping

from ivrcheck.findings import Span
from ivrcheck.model import UNIVERSAL_KEYS, Node, NodeType, Option
from ivrcheck.records import record

if TYPE_CHECKING:  # measuring imports them; reading kept measures back from the cache does not
    from ivrcheck.callers import Journey
    from ivrcheck.graph import LineAnalysis

#: Node types the human-access part counts findings against: menus, people and promises.
HUMAN_TYPES = frozenset({NodeType.AGENT, NodeType.TRANSFER, NodeType.CALLBACK, NodeType.VOICEMAIL})


@record(slots=True)
class TaskFacts:
    presses: int
    seconds: float
    share: float
    announced: bool


@record(slots=True)
class MenuFacts:
    """One interactive node (menu or input) a call can reach."""

    id: str
    is_menu: bool
    task_options: int
    on_timeout: bool
    on_invalid: bool
    #: Running out of retries hangs up (no `after_retries`, or one that only hangs up).
    disconnects: bool
    #: Share of callers who pass through it (open state; callers/traffic.py).
    traffic: float


@record
class Facts:
    """Everything the four parts of the score are computed from."""

    has_hours: bool
    #: Each state's journey (callers/journey.py): the very object the JSON metrics are read from.
    states: tuple[Journey, ...]
    tasks: tuple[TaskFacts, ...]
    #: (seconds, key-press credit, key presses) on average over the tasks, weighted by share;
    #: None when no task has a share.
    task_means: tuple[float, float, float] | None
    interactive: tuple[MenuFacts, ...]
    #: Nodes in scope, and those a call reaches.
    nodes: int
    reachable: int
    traps: tuple[tuple[str, ...], ...]
    #: Cycles a caller who presses nothing goes round for ever (S104's silent traps).
    silent_traps: tuple[tuple[str, ...], ...]
    #: Dead ends a caller reaches by announced keys, and the others.
    main_dead_ends: tuple[str, ...]
    other_dead_ends: tuple[str, ...]
    #: Items findings are counted against, per part (a finding on no node counts as one item).
    wording_items: int
    #: Prompts whose words are unknown (recordings, languages ivrcheck does not read): not judged.
    unknown_prompts: int
    human_items: int
    #: Node id -> its options, so a finding at an option's (or its label's) position lands on
    #: that option; other findings land on their node. A node's positions are indexed when the
    #: first finding lands on it (item_of): findings are few, options on a large line are not,
    #: but one menu of thousands of options can have a finding on each.
    options_of: Mapping[str, tuple[Option, ...]]
    scope: frozenset[str]
    max_steps: int
    max_depth: int
    max_options: int
    error_above: int
    #: Node id -> {(line, column): key of the last option there}, filled by item_of.
    positions: dict[str, dict[tuple[int, int], str]] = field(default_factory=dict, compare=False, repr=False)


@record
class LineWide:
    """What the facts of every file of a line share, measured once per line: a line of 2,000 files
    measured them 2,000 times (and the tasks' means with them), each time over the whole line."""

    states: dict[str, Journey]
    tasks: tuple[TaskFacts, ...]
    #: (seconds, key-press credit, key presses) on average over the tasks, weighted by share.
    task_means: tuple[float, float, float] | None
    main: frozenset[str]
    silence: frozenset[str]
    wrong: frozenset[str]
    dropped: frozenset[str]
    dead_ends: frozenset[str]


def line_wide(line: LineAnalysis, limits: dict[str, int] | None = None) -> LineWide:
    """The facts the same for every file of `line`, for `facts(..., wide=)`."""
    from ivrcheck.callers import journeys
    from ivrcheck.graph import OPEN

    states = journeys(line)
    tasks = tuple(TaskFacts(t.presses, t.seconds, t.share, t.announced) for t in states[OPEN].tasks)
    # What a silent or mistaken caller meets, as the journeys (and so the metrics) say.
    silence, wrong, dropped = (frozenset().union(*(getattr(j, name) for j in states.values()))
                               for name in ("silence_unhandled", "wrong_key_unhandled", "dropped_after_retries"))
    return LineWide(states, tasks, _task_means(tasks, int((limits or {}).get("max_depth", 3))),
                    frozenset().union(*(j.reachable for j in states.values())), silence, wrong, dropped,
                    frozenset(line.dead_ends))


def _task_means(tasks: tuple[TaskFacts, ...], max_depth: int) -> tuple[float, float, float] | None:
    total = sum(t.share for t in tasks)
    if total <= 0:
        return None
    return (sum(t.share * t.seconds for t in tasks) / total,
            sum(t.share * press_credit(t.presses, max_depth) for t in tasks) / total,
            sum(t.share * t.presses for t in tasks) / total)


def press_credit(presses: int, max_depth: int) -> float:
    """The navigation credit of a task `presses` keys deep: full up to `max_depth`."""
    return {0: 1.0, 1: 0.6, 2: 0.3}.get(max(0, presses - max_depth), 0.0)


def facts(line: LineAnalysis, scope: frozenset[str] | None = None, limits: dict[str, int] | None = None,
          wide: LineWide | None = None, mine: list[Node] | None = None) -> Facts:
    """Measure a phone line; `scope` limits the per-item shares to one file's nodes (`mine`, when
    given, are those nodes, and `wide` what every file of the line shares: see `line_wide`)."""
    menu = line.menu
    scope = frozenset(menu.nodes) if scope is None else scope
    mine = [n for n in menu.nodes.values() if n.id in scope] if mine is None else mine
    from ivrcheck.graph import OPEN

    limits = limits or {}
    wide = wide or line_wide(line, limits)
    states = wide.states
    options = sum(len(node.options) for node in mine)
    reachable_interactive = [n for n in mine if n.is_interactive and n.id in line.reachable]
    dead = [n.id for n in mine if n.id in wide.dead_ends]  # in the line's order, as line.dead_ends
    return Facts(
        has_hours=line.has_hours,
        states=tuple(states.values()),
        tasks=wide.tasks, task_means=wide.task_means,
        interactive=tuple(MenuFacts(n.id, n.is_menu, sum(1 for o in n.options if o.key not in UNIVERSAL_KEYS),
                                    n.id not in wide.silence, n.id not in wide.wrong, n.id in wide.dropped,
                                    states[OPEN].traffic.get(n.id, 0.0))
                          for n in reachable_interactive),
        nodes=len(mine), reachable=sum(1 for n in mine if n.id in line.reachable),
        traps=_in_scope((c for j in states.values() for c in j.key_traps), scope),
        silent_traps=_in_scope((c for j in states.values() for c in j.silent_traps), scope),
        main_dead_ends=tuple(n for n in dead if n in wide.main),
        other_dead_ends=tuple(n for n in dead if n not in wide.main),
        wording_items=options + sum(1 for n in mine if n.prompt),
        unknown_prompts=sum(1 for n in mine if (n.prompt or n.words_unknown) and line.clock.unknown(n)),
        human_items=sum(1 for n in mine if n.is_menu or n.type in HUMAN_TYPES),
        options_of={node.id: node.options for node in mine if node.options}, scope=scope,
        max_steps=int(limits.get("max_steps", 2)), max_depth=int(limits.get("max_depth", 3)),
        max_options=int(limits.get("max_options", 5)), error_above=int(limits.get("error_above", 9)),
    )


class Measures:
    """The facts of each file of one line: what every file shares is measured once, and each file's
    own nodes are picked out in one pass (a line of 2,000 files measured the whole line per file)."""

    def __init__(self, line: LineAnalysis, limits: dict[str, int]) -> None:
        self.line, self.limits = line, limits
        self.wide = line_wide(line, limits)
        self._by_source: dict[str | None, list[Node]] | None = None

    def of(self, display: str | None) -> Facts:
        """The whole line's facts (display None), or those of the nodes of one file."""
        if display is None:
            return facts(self.line, None, self.limits, self.wide)
        if self._by_source is None:
            self._by_source = {}
            for node in self.line.menu.nodes.values():
                self._by_source.setdefault(node.source, []).append(node)
        mine = self._by_source.get(display, [])
        return facts(self.line, frozenset(n.id for n in mine), self.limits, self.wide, mine)


def _in_scope(cycles: Iterable[tuple[str, ...]], scope: frozenset[str]) -> tuple[tuple[str, ...], ...]:
    """Each cycle once, those that pass a node in scope."""
    return tuple(dict.fromkeys(c for c in cycles if any(n in scope for n in c)))


def item_of(facts: Facts, node_id: str | None, span: Span) -> str:
    """The item a finding counts against: its option (at its key, label or target), else its node, else
    the line as a whole. The target counts: a finding on where an option goes (S101) is the option's,
    whether the file writes the target apart (`goto:`) or at the key (an export's condition)."""
    if node_id is None or node_id not in facts.scope:
        return "<line>"
    positions = facts.positions.get(node_id)
    if positions is None:
        positions = facts.positions[node_id] = {
            (at.line, at.column): option.key  # a later option at the same position wins, as before
            for option in facts.options_of.get(node_id, ())
            for at in (option.span, option.label_span, option.target.span if option.target is not None else None)
            if at is not None}
    key = positions.get((span.line, span.column))
    return node_id if key is None else f"{node_id}/{key}"


__all__ = ["Facts", "MenuFacts", "TaskFacts", "facts", "item_of"]
