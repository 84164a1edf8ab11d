"""U7xx: findings only call logs can show, run by `ivrcheck traffic` beside the static rules.

They live apart from `rules.ALL_RULES` because their `check` needs the observed traffic,
which `ivrcheck check` never has: they share the static rules' module shape (CODE, NAME,
SEVERITY, SETTINGS, a docstring page) with one more argument. `ivrcheck rule U701` prints
a page; the config's `severity:` and `ignore:` do not name them (docs/traffic.md).
"""

from __future__ import annotations

from typing import Iterator

from ivrcheck.findings import Finding
from ivrcheck.graph import LineAnalysis
from ivrcheck.model import Menu
from ivrcheck.traffic.observed import Traffic
from ivrcheck.traffic.rules import confusion_hot_spot, observed_popular_late, rarely_used_option, undesigned_path

RULES: tuple = (rarely_used_option, confusion_hot_spot, observed_popular_late, undesigned_path)
BY_CODE = {rule.CODE: rule for rule in RULES}


def lookup(code_or_name: str):
    """A traffic rule by code or name, or None."""
    return BY_CODE.get(code_or_name.upper()) or next((r for r in RULES if r.NAME == code_or_name.lower()), None)


def run(menu: Menu, line: LineAnalysis, traffic: Traffic) -> Iterator[Finding]:
    """Every traffic rule over the line and its traffic, stamped into findings."""
    for rule in RULES:
        for problem in rule.check(menu, line, traffic, dict(rule.SETTINGS)):
            node = menu.nodes.get(problem.node_id) if problem.node_id else None
            yield Finding(path=(node.source if node is not None else None) or menu.path, code=rule.CODE,
                          name=rule.NAME, severity=rule.SEVERITY, message=problem.message, help=problem.help,
                          span=problem.span, node_id=problem.node_id, state=problem.state)
