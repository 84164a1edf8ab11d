"""What every rule module declares, and small helpers several rules share."""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping, Protocol

from ivrcheck.findings import Problem, Severity
from ivrcheck.model import Menu

if TYPE_CHECKING:
    from ivrcheck.graph import Analysis, Flows

Settings = Mapping[str, Any]


class Rule(Protocol):
    """The shape of a rule module: identity as constants, one pure generator."""

    CODE: str
    NAME: str
    SEVERITY: Severity
    SETTINGS: dict[str, object]
    __doc__: str | None

    def check(self, menu: Menu, flows: Flows, settings: Settings) -> Iterator[Problem]: ...


def summary(rule: ModuleType | Rule) -> str:
    """The first line of a rule's docstring: its one-sentence description."""
    return (rule.__doc__ or "").strip().splitlines()[0].strip()


def quote(text: str) -> str:
    """Quote an id, key or label in a message the same way everywhere."""
    return f'"{text}"'


def holding_states(flows: Flows, holds: Callable[[Analysis], bool]) -> list[str | None]:
    """The states in which a condition holds, as findings name them.

    `[None]` when it holds in every state (or the line has no schedules), so a defect that
    does not depend on the time of day is reported once, without a state.
    """
    found = [analysis.state for analysis in flows.states.values() if holds(analysis)]
    if not found:
        return []
    return [None] if len(found) == len(flows.states) else found


def only_hangs_up(analysis: Analysis, start: str, menu: Menu) -> bool:
    """Whether every way on from `start`, with no choice left to the caller, ends the call:
    in a hang-up, or in a message that leads nowhere."""
    from ivrcheck.graph.build import ROUTING
    from ivrcheck.model import NodeType

    seen, frontier, ends = {start}, [start], []
    while frontier:
        node_id = frontier.pop()
        onward = [t for t, attrs in analysis.edges_from(node_id) if attrs["kind"] in ROUTING]
        if not onward:
            ends.append(node_id)
        for target in onward:
            if target not in seen:
                seen.add(target)
                frontier.append(target)
    return bool(ends) and all(n in menu.nodes and menu.nodes[n].type in (NodeType.HANGUP, NodeType.MESSAGE)
                              for n in ends)


def missing_handler(menu: Menu, flows: Flows, field: str) -> Iterator[Problem]:
    """Reachable menus and inputs that leave one error route (`on_timeout`, `on_invalid`) unset."""
    from ivrcheck.findings import Problem

    for node in menu.nodes.values():
        if node.is_interactive and node.id in flows.reachable and getattr(node, field) is None:
            yield Problem(node.span, node.id, f"{node.type.value} {quote(node.id)} has no `{field}`",
                          f"add `{field}: repeat` here or under `defaults:`")
