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
