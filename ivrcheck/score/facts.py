"""What the score measures on a phone line, read off its analysis once, as plain values.

`Facts` holds numbers and ids only (no model objects), so a result can carry them between
processes and be re-scored with another set of findings (engine._union).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from ivrcheck.findings import Span
from ivrcheck.graph import CLOSED, OPEN, LineAnalysis
from ivrcheck.model import Node, NodeType, Option

#: Outside hours a callback or voicemail stands in for a person; a voicemail is worth less
#: (the GetHuman standard asks for a callback first, a message only without one).
STAND_IN = {NodeType.CALLBACK: 1.0, NodeType.VOICEMAIL: 0.8}
HUMAN_TYPES = frozenset({NodeType.AGENT, NodeType.TRANSFER, NodeType.CALLBACK, NodeType.VOICEMAIL})


@dataclass(frozen=True)
class StateFacts:
    """How a caller reaches a person in one schedule state."""

    state: str
    #: Fewest announced key presses to a person, and the seconds that way takes; None when
    #: no announced key leads to one.
    steps: int | None
    seconds: float | None
    #: 1.0 for a live person; less for a callback or voicemail outside hours.
    kind_factor: float
    #: Type of the node the announced way ends at ("agent", "callback", ...).
    reaches: str | None
    #: A person can be reached some other way: an unannounced key or a silent route.
    hidden_route: bool
    hidden_how: str | None
    #: Menus (in scope, reachable in this state) and those where "0" reaches a person.
    menus: int
    zero_out: int


@dataclass(frozen=True, slots=True)
class TaskFacts:
    presses: int
    seconds: float
    share: float
    announced: bool


@dataclass(frozen=True, slots=True)
class MenuFacts:
    """One interactive node (menu or input) a call can reach."""

    id: str
    is_menu: bool
    task_options: int
    on_timeout: bool
    on_invalid: bool
    #: Running out of retries hangs up (no `after_retries`, or one that only hangs up).
    disconnects: bool
    #: Share of callers who pass through it (open state; journeys.py).
    traffic: float


@dataclass(frozen=True)
class Facts:
    """Everything the four parts of the score are computed from."""

    has_hours: bool
    states: tuple[StateFacts, ...]
    tasks: tuple[TaskFacts, ...]
    interactive: tuple[MenuFacts, ...]
    #: Nodes in scope, and those a call reaches.
    nodes: int
    reachable: int
    traps: tuple[tuple[str, ...], ...]
    #: Dead ends a caller reaches by announced keys, and the others.
    main_dead_ends: tuple[str, ...]
    other_dead_ends: tuple[str, ...]
    #: Items findings are counted against, per part (a finding on no node counts as one item).
    wording_items: int
    human_items: int
    #: Node id -> its options, so a finding at an option's (or its label's) position lands on
    #: that option; other findings land on their node. Looked up per finding (item_of), not
    #: indexed per option in advance: findings are few, options on a large line are not.
    options_of: Mapping[str, tuple[Option, ...]]
    scope: frozenset[str]
    max_steps: int
    max_depth: int
    max_options: int
    error_above: int


def facts(line: LineAnalysis, scope: frozenset[str] | None = None,
          limits: dict[str, int] | None = None) -> Facts:
    """Measure a phone line; `scope` limits the per-item shares to one file's nodes."""
    menu = line.menu
    scope = frozenset(menu.nodes) if scope is None else scope
    mine = [n for n in menu.nodes.values() if n.id in scope]
    limits = limits or {}
    journeys = line.journeys
    options = sum(len(node.options) for node in mine)
    reachable_interactive = [n for n in mine if n.is_interactive and n.id in line.reachable]
    main = frozenset().union(*(j.reachable for j in journeys.values()))
    dead = [n for n in line.dead_ends if n in scope]
    hangs_up: dict[str, bool] = {}  # after_retries target -> whether it only hangs up; menus share a few
    return Facts(
        has_hours=line.has_hours,
        states=tuple(_state(line, state, scope) for state in line.states),
        tasks=tuple(TaskFacts(t.presses, t.seconds, t.share, t.announced) for t in journeys[OPEN].tasks),
        interactive=tuple(_interactive(line, n, journeys[OPEN].traffic.get(n.id, 0.0), hangs_up)
                          for n in reachable_interactive),
        nodes=len(mine), reachable=sum(1 for n in mine if n.id in line.reachable),
        traps=tuple(dict.fromkeys(tuple(c) for a in line.states.values() for c in a.traps
                                  if any(n in scope for n in c))),
        main_dead_ends=tuple(n for n in dead if n in main),
        other_dead_ends=tuple(n for n in dead if n not in main),
        wording_items=options + sum(1 for n in mine if n.prompt),
        human_items=sum(1 for n in mine if n.is_menu or n.type in HUMAN_TYPES),
        options_of={node.id: node.options for node in mine if node.options}, scope=scope,
        max_steps=int(limits.get("max_steps", 2)), max_depth=int(limits.get("max_depth", 3)),
        max_options=int(limits.get("max_options", 5)), error_above=int(limits.get("error_above", 9)),
    )


def _state(line: LineAnalysis, state: str, scope: frozenset[str]) -> StateFacts:
    analysis, journey = line.states[state], line.journeys[state]
    reaches = line.menu.nodes.get(journey.human) if journey.human else None
    kind = STAND_IN.get(reaches.type, 1.0) if reaches is not None and state == CLOSED else 1.0
    hidden = None
    goals = analysis.human_like if state == CLOSED else analysis.humans
    if journey.path_to_human is None and analysis.reachable & goals:
        if analysis.path_to_human is not None:
            hidden = "a key the prompts never offer"
        else:
            hidden = "waiting or failing a prompt until the retries run out"
    menus = [m for m in line.menu.menus() if m.id in analysis.reachable and m.id in scope]
    covered = sum(1 for m in menus if analysis.option_reaches_human(m.id, "0"))
    return StateFacts(state, journey.steps_to_human, journey.seconds_to_human, kind,
                      reaches.type.value if reaches is not None else None, hidden is not None, hidden,
                      len(menus), covered)


def _interactive(line: LineAnalysis, node: Node, traffic: float, hangs_up: dict[str, bool]) -> MenuFacts:
    target = node.after_retries
    if target is None:
        disconnects = True
    elif target.is_builtin or target.ref not in line.menu.nodes:
        disconnects = False
    else:
        if target.ref not in hangs_up:
            hangs_up[target.ref] = any(a.only_hangs_up(target.ref) for a in line.states.values())
        disconnects = hangs_up[target.ref]
    tasks = sum(1 for o in node.options if o.key not in ("0", "*", "#"))
    return MenuFacts(node.id, node.is_menu, tasks, node.on_timeout is not None, node.on_invalid is not None,
                     disconnects, traffic)


def item_of(facts: Facts, node_id: str | None, span: Span) -> str:
    """The item a finding counts against: its option (at its key, label or target), else its node, else
    the line as a whole. The target counts: a finding on where an option goes (S101) is the option's,
    whether the file writes the target apart (`goto:`) or at the key (an export's condition)."""
    if node_id is None or node_id not in facts.scope:
        return "<line>"
    for option in reversed(facts.options_of.get(node_id, ())):  # the last option at a position, as before
        target = option.target.span if option.target is not None else None
        if any(at is not None and (at.line, at.column) == (span.line, span.column)
               for at in (option.span, option.label_span, target)):
            return f"{node_id}/{option.key}"
    return node_id


__all__ = ["Facts", "MenuFacts", "OPEN", "StateFacts", "TaskFacts", "facts", "item_of"]
