"""Score the calibration lines (benchmarks/calibration/) before and after the caller-experience score.

    python benchmarks/calibration.py            # the table, then how well each score orders the classes

Each line is a real phone line transcribed from a public account; its header comment gives
the source, the documented experience and a class: good, mixed (a person is reachable by
following the prompts, with documented complaints) or worst (no person by any announced
key). "Before" is the formula of main when issue 17 started (findings only: error 10,
warning 5, info 1 per part of 25, halving for each further finding of one rule), kept here
so the comparison can be rerun; "after" is ivrcheck's score.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from ivrcheck import engine
from ivrcheck.findings import Finding, Severity
from ivrcheck.rules import PARTS
from ivrcheck.score import part_of

HERE = Path(__file__).parent / "calibration"
RANK = {"good": 0, "mixed": 1, "worst": 2}
_OLD_COST = {Severity.ERROR: 10.0, Severity.WARNING: 5.0, Severity.INFO: 1.0}


def score_before(findings: list[Finding]) -> int:
    """The findings-only formula of main at the start of issue 17 (ivrcheck/score.py there)."""
    costs: dict[tuple[str, str], list[float]] = defaultdict(list)
    for finding in findings:
        costs[(part_of(finding.code), finding.code)].append(_OLD_COST[finding.severity])
    penalty = dict.fromkeys(PARTS, 0.0)
    for (part, _), values in costs.items():
        penalty[part] += sum(cost * 0.5**i for i, cost in enumerate(sorted(values, reverse=True)))
    return sum(round(max(0.0, 25 - penalty[part])) for part in PARTS)


def header(path: Path) -> dict[str, str]:
    """Source, short account and class from a calibration file's header comment."""
    text = "\n".join(line[1:].strip() for line in path.read_text(encoding="utf-8").splitlines()
                     if line.startswith("#"))
    url = re.search(r"https?://\S+", text)
    short = re.search(r"In short: (.*)", text)
    kind = re.search(r"Experience class: (\w+)", text)
    if not (url and short and kind):
        raise SystemExit(f"{path}: the header needs a source URL, 'In short:' and 'Experience class:'")
    host = re.sub(r"^(?:www\.)?", "", url.group(0).split("/")[2])
    return {"source": host, "short": short.group(1).strip(), "class": kind.group(1)}


def concordance(rows: list[dict], key: str) -> tuple[float, int]:
    """Share of pairs from different classes that the score orders as the accounts do (ties half)."""
    agree, pairs = 0.0, 0
    for a, b in combinations(rows, 2):
        if RANK[a["class"]] == RANK[b["class"]]:
            continue
        better, worse = (a, b) if RANK[a["class"]] < RANK[b["class"]] else (b, a)
        pairs += 1
        agree += 1.0 if better[key] > worse[key] else 0.5 if better[key] == worse[key] else 0.0
    return (agree / pairs if pairs else 1.0), pairs


def main() -> int:
    rows = []
    for path in sorted(HERE.glob("*.ivr.yaml")):
        result = engine.check_file(path)
        if result.score is None:
            raise SystemExit(f"{path}: could not be loaded: {[f.text for f in result.findings]}")
        rows.append({"line": path.name.removesuffix(".ivr.yaml"), **header(path),
                     "before": score_before(list(result.findings)), "after": result.score})
    rows.sort(key=lambda r: (RANK[r["class"]], -r["after"], r["line"]))
    print("| line | source | documented experience | class | before | after |")
    print("|---|---|---|---|---:|---:|")
    for r in rows:
        print(f"| {r['line']} | {r['source']} | {r['short']} | {r['class']} | {r['before']} | {r['after']} |")
    print()
    for key in ("before", "after"):
        share, pairs = concordance(rows, key)
        by_class = {c: [r[key] for r in rows if r["class"] == c] for c in RANK}
        ranges = ", ".join(f"{c} {min(v)}-{max(v)}" for c, v in by_class.items() if v)
        print(f"{key:6}: {share:.0%} of {pairs} cross-class pairs in the documented order; {ranges}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
