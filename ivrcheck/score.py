"""Clarity score 0-100: four parts of 25, each losing points for the findings in its area.

The formula (docs/score.md): a finding costs 10 points if an error, 5 if a warning, 1 if
info. Within one part, the findings of one rule are sorted from most to least costly and
the i-th (from 0) costs half as much again as the one before: w0 + w1/2 + w2/4 ...
A part is 25 minus its cost, never below 0, rounded; the score is the sum of the parts.

Consequences, tested in tests/test_score.py: a file with no findings scores 100; removing
any one finding never lowers the score (each later term is at most half the one before,
so all the terms after a removed one add up to less than it did); a more severe finding
costs more than a less severe one of the same rule. The halving keeps one rule that fires
on every menu from wiping out a part alone.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from ivrcheck.findings import Finding, Severity
from ivrcheck.rules import BY_CODE, PARTS

PART_POINTS = 25
COST = {Severity.ERROR: 10.0, Severity.WARNING: 5.0, Severity.INFO: 1.0}


def part_of(code: str) -> str:
    """The score part a finding code counts against: the rule's own `PART`; load findings are robustness."""
    rule = BY_CODE.get(code)
    return rule.PART if rule is not None else "robustness"


@dataclass(frozen=True)
class Clarity:
    total: int
    parts: dict[str, int]


def clarity(findings: Iterable[Finding]) -> Clarity:
    """Score a file from its findings alone, so that a clean file is exactly 100."""
    costs: dict[tuple[str, str], list[float]] = defaultdict(list)
    for finding in findings:
        costs[(part_of(finding.code), finding.code)].append(COST[finding.severity])
    penalty = dict.fromkeys(PARTS, 0.0)
    for (part, _), values in costs.items():
        penalty[part] += sum(cost * 0.5**i for i, cost in enumerate(sorted(values, reverse=True)))
    parts = {part: round(max(0.0, PART_POINTS - penalty[part])) for part in PARTS}
    return Clarity(sum(parts.values()), parts)
