"""Rules step: the registry of every rule, and running the selected ones over a phone line."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator

from ivrcheck.findings import Finding, Severity
from ivrcheck.model import Menu
from ivrcheck.rules import human, labels, prompts, robustness, structure
from ivrcheck.rules.base import Rule

if TYPE_CHECKING:
    from ivrcheck.config import Config
    from ivrcheck.graph import Flows

ALL_RULES: tuple[Rule, ...] = (*structure.RULES, *human.RULES, *labels.RULES, *prompts.RULES, *robustness.RULES)
BY_CODE: dict[str, Rule] = {rule.CODE: rule for rule in ALL_RULES}
BY_NAME: dict[str, Rule] = {rule.NAME: rule for rule in ALL_RULES}


def lookup(code_or_name: str) -> Rule | None:
    """A rule by code (`S103`, case-insensitive) or name (`dead-end`)."""
    return BY_CODE.get(code_or_name.upper()) or BY_NAME.get(code_or_name.lower())


def select(select: Iterable[str] = ("",), ignore: Iterable[str] = ()) -> list[Rule]:
    """Rules whose code starts with a selected prefix and with no ignored prefix (ruff style)."""
    chosen = tuple(p.upper() for p in select)
    dropped = tuple(p.upper() for p in ignore)
    return [r for r in ALL_RULES if r.CODE.startswith(chosen) and not (dropped and r.CODE.startswith(dropped))]


def run(menu: Menu, flows: Flows, config: Config) -> Iterator[Finding]:
    """Run the configured rules and stamp their problems into findings."""
    for rule in config.rules():
        severity = config.severity.get(rule.CODE)
        settings = config.settings_for(rule)
        for problem in rule.check(menu, flows, settings):
            node = menu.nodes.get(problem.node_id) if problem.node_id else None
            if node is not None and _silenced(node, rule.CODE, problem):
                continue
            yield Finding(
                path=(node.source if node is not None else None) or menu.path, code=rule.CODE, name=rule.NAME,
                severity=severity or problem.severity or rule.SEVERITY,
                message=problem.message, help=problem.help, span=problem.span,
                node_id=problem.node_id, state=problem.state,
            )


def _silenced(node, code: str, problem) -> bool:
    """`ignore:` on the node, or on the option the problem points at."""
    if code in node.ignore:
        return True
    return any(code in option.ignore and problem.span in (option.span, option.label_span)
               for option in node.options)


__all__ = ["ALL_RULES", "BY_CODE", "BY_NAME", "Rule", "Severity", "lookup", "run", "select"]
