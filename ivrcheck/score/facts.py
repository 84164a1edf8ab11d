"""What the score measures on a phone line, read off its analysis once, as plain values.

`Facts` holds numbers and ids only (no model objects), so a result can carry them between
processes and be re-scored with another set of findings (engine._union).
"""

from __future__ import annotations

from dataclasses import field
from typing import Iterable, Mapping

from ivrcheck.callers import Journey, journeys
from ivrcheck.findings import Span
from ivrcheck.graph import OPEN, LineAnalysis
from ivrcheck.model import UNIVERSAL_KEYS, NodeType, Option
from ivrcheck.records import record

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


def facts(line: LineAnalysis, scope: frozenset[str] | None = None,
          limits: dict[str, int] | None = None) -> Facts:
    """Measure a phone line; `scope` limits the per-item shares to one file's nodes."""
    menu = line.menu
    scope = frozenset(menu.nodes) if scope is None else scope
    mine = [n for n in menu.nodes.values() if n.id in scope]
    limits = limits or {}
    states = journeys(line)
    options = sum(len(node.options) for node in mine)
    reachable_interactive = [n for n in mine if n.is_interactive and n.id in line.reachable]
    main = frozenset().union(*(j.reachable for j in states.values()))
    dead = [n for n in line.dead_ends if n in scope]
    # What a silent or mistaken caller meets, as the journeys (and so the metrics) say.
    silence, wrong, dropped = (frozenset().union(*(getattr(j, name) for j in states.values()))
                               for name in ("silence_unhandled", "wrong_key_unhandled", "dropped_after_retries"))
    return Facts(
        has_hours=line.has_hours,
        states=tuple(states.values()),
        tasks=tuple(TaskFacts(t.presses, t.seconds, t.share, t.announced) for t in states[OPEN].tasks),
        interactive=tuple(MenuFacts(n.id, n.is_menu, sum(1 for o in n.options if o.key not in UNIVERSAL_KEYS),
                                    n.id not in silence, n.id not in wrong, n.id in dropped,
                                    states[OPEN].traffic.get(n.id, 0.0))
                          for n in reachable_interactive),
        nodes=len(mine), reachable=sum(1 for n in mine if n.id in line.reachable),
        traps=_in_scope((c for j in states.values() for c in j.key_traps), scope),
        silent_traps=_in_scope((c for j in states.values() for c in j.silent_traps), scope),
        main_dead_ends=tuple(n for n in dead if n in main),
        other_dead_ends=tuple(n for n in dead if n not in main),
        wording_items=options + sum(1 for n in mine if n.prompt),
        unknown_prompts=sum(1 for n in mine if (n.prompt or n.words_unknown) and line.clock.unknown(n)),
        human_items=sum(1 for n in mine if n.is_menu or n.type in HUMAN_TYPES),
        options_of={node.id: node.options for node in mine if node.options}, scope=scope,
        max_steps=int(limits.get("max_steps", 2)), max_depth=int(limits.get("max_depth", 3)),
        max_options=int(limits.get("max_options", 5)), error_above=int(limits.get("error_above", 9)),
    )


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


__all__ = ["Facts", "Journey", "MenuFacts", "OPEN", "TaskFacts", "facts", "item_of"]
