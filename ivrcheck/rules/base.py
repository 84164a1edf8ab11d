"""What every rule module declares, and small helpers several rules share."""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping, Protocol

from ivrcheck.findings import Problem, Severity
from ivrcheck.model import Menu

if TYPE_CHECKING:
    from ivrcheck.graph import Analysis, LineAnalysis

Settings = Mapping[str, Any]


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


def missing_handler(menu: Menu, line: LineAnalysis, field: str) -> Iterator[Problem]:
    """Reachable menus and inputs that leave one error route (`on_timeout`, `on_invalid`) unset."""
    from ivrcheck.findings import Problem

    for node in menu.nodes.values():
        if node.is_interactive and node.id in line.reachable and getattr(node, field) is None:
            yield Problem(node.span, node.id, f"{node.type.value} {quote(node.id)} has no `{field}`",
                          f"add `{field}: repeat` here or under `defaults:`")
