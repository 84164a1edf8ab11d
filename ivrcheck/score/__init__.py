"""Score step: the clarity score 0-100 in four parts of 25, from what callers live through.

`facts(line)` measures the line once (facts.py); `clarity(findings, facts)` turns the
measures and the findings into the score (parts.py). Severe defects cap their part and the
total (docs/score.md). Guarantees, tested in tests/score/: a line with no findings and good
measures scores 100; removing a finding never lowers the score; a line of many well-made
menus scores like one of a few.

Reading a kept result (the cache) imports this package for `Clarity`: the rules, the caller
journeys and the graph are imported by the functions that measure and score, not here.
"""

from __future__ import annotations

import math
from typing import Iterable

from ivrcheck.findings import Finding
from ivrcheck.records import record
from ivrcheck.score.facts import Facts, LineWide, Measures, facts, line_wide
from ivrcheck.score.parts import PART_POINTS, Cap, Measure, Part
from ivrcheck.score.parts import PARTS as PART_FUNCTIONS

#: The parts, in the order the score adds them up (the rules' `PARTS`; tests/test_score.py keeps them one).
PARTS = tuple(PART_FUNCTIONS)
#: Points each further severe defect takes off the lowest total cap.
COMPOUND = 10.0

__all__ = ["Cap", "Clarity", "Facts", "LineWide", "Measure", "Measures", "PARTS", "PART_POINTS", "Part", "clarity",
           "facts", "limits", "line_wide", "part_of"]


def part_of(code: str) -> str:
    """The score part a finding code counts against: the rule's own `PART`; load findings are robustness."""
    from ivrcheck.rules import BY_CODE

    rule = BY_CODE.get(code)
    return rule.PART if rule is not None else "robustness"


def limits(settings_for) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """The rule thresholds the score shares with the rules, from a config's `settings_for`."""
    from ivrcheck.rules import BY_CODE

    found: dict[str, int] = {}
    for code in ("S105", "S106", "H202"):
        rule = BY_CODE[code]
        found.update({k: int(v) for k, v in settings_for(code, rule.SETTINGS).items()})  # type: ignore[call-overload]
    return found


@record
class Clarity:
    """The score, its parts (which add up to it) and what moved each part."""

    total: int
    parts: dict[str, int]
    details: tuple[Part, ...] = ()
    #: The total cap that applied, if any.
    cap: Cap | None = None
    #: What was measured, kept to re-score the line with other findings.
    facts: Facts | None = None


#: Findings about ivrcheck's own reading, not about the line: an importer's note that a step's
#: outcome is not in the export (F020). The menu YAML `import` writes holds the same line without
#: them, and must score the same.
UNSCORED = frozenset({"F020"})


def clarity(findings: Iterable[Finding], measured: Facts) -> Clarity:
    """Score a line from its measures and findings."""
    by_part: dict[str, list[Finding]] = {part: [] for part in PARTS}
    for finding in findings:
        if finding.code not in UNSCORED:
            by_part[part_of(finding.code)].append(finding)
    details = tuple(PART_FUNCTIONS[part](measured, by_part[part]) for part in PARTS)
    raw = {p.name: max(0.0, min(PART_POINTS, p.raw)) for p in details}
    caps = [c for p in details for c in p.caps]
    cap = min(caps, key=lambda c: c.total_limit, default=None)
    if cap is not None and len(caps) > 1:  # several severe defects: each further one takes 10 more
        cap = Cap("; ".join(c.reason for c in caps), cap.part_limit,
                  max(0.0, cap.total_limit - COMPOUND * (len(caps) - 1)))
    earned = sum(raw.values())
    if cap is not None and earned > cap.total_limit:
        raw = _scaled(raw, cap.total_limit, {p.name for p in details if p.caps})
        earned = cap.total_limit
    else:
        cap = None
    total = math.floor(earned + 0.5 + 1e-9)
    return Clarity(total, _apportion(raw, total), details, cap, measured)


def _scaled(raw: dict[str, float], limit: float, capped: set[str]) -> dict[str, float]:
    """Parts brought down to a total cap: the parts without a cap of their own give way."""
    fixed = sum(v for k, v in raw.items() if k in capped)
    free = sum(v for k, v in raw.items() if k not in capped)
    room = max(0.0, limit - fixed)
    if free <= room:
        return raw
    factor = room / free if free else 0.0
    return {k: (v if k in capped else v * factor) for k, v in raw.items()}


def _apportion(raw: dict[str, float], total: int) -> dict[str, int]:
    """Whole points per part that add up to `total` (largest remainder)."""
    floors = {k: math.floor(v) for k, v in raw.items()}
    left = total - sum(floors.values())
    order = sorted(raw, key=lambda k: (raw[k] - floors[k], k), reverse=True)
    for k in order[:max(0, left)]:
        floors[k] += 1
    return floors
