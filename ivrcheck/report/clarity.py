"""`ivrcheck score` output: each file's clarity score, its four parts and the metrics behind them;
with `--explain`, every measure of every part, the findings that moved it and the caps."""

from __future__ import annotations

import json
from typing import Any, Sequence

from ivrcheck.callers.journey import describe
from ivrcheck.findings import FileResult
from ivrcheck.report.text import format as findings_text
from ivrcheck.report.text import inert


def text(results: Sequence[FileResult], color: bool = False, explain: bool = False) -> str:
    """One block a file: the score, a line a part, then the metrics a person checks first."""
    return "\n".join(_block(result, explain) for result in results) + "\n"


def as_json(results: Sequence[FileResult], color: bool = False, explain: bool = False) -> str:
    """`{"files": [{path, score, breakdown, metrics}]}`: the score part of the check JSON;
    with `explain`, each file also gets `explain`: per part its measures and caps."""
    files = []
    for r in results:
        entry = {"path": r.path, "score": r.score, "breakdown": r.breakdown, "metrics": r.metrics}
        if explain:
            entry["explain"] = explanation(r)
        files.append(entry)
    return json.dumps({"files": files}, indent=2, ensure_ascii=False) + "\n"


FORMATS = {"text": text, "json": as_json}


def explanation(result: FileResult) -> dict[str, Any] | None:
    """The score's measures as data: per part its measures (value, points, findings) and caps."""
    clarity = result.clarity
    if clarity is None:
        return None
    parts = {}
    for part in clarity.details:
        parts[part.name] = {
            "points": clarity.parts[part.name],
            "measures": [{"name": m.name, "value": m.value, "points": round(m.points, 2), "out_of": round(m.out_of, 2),
                          "findings": dict(m.codes)} for m in part.measures],
            "caps": [{"reason": c.reason, "part_limit": round(c.part_limit, 2), "total_limit": c.total_limit}
                     for c in part.caps],
        }
    cap = clarity.cap
    return {"parts": parts, "total_cap": None if cap is None else {"reason": cap.reason, "limit": cap.total_limit}}


def _block(result: FileResult, explain: bool = False) -> str:
    if result.score is None or result.breakdown is None or result.metrics is None:
        return findings_text([result]).rstrip() + f"\n{inert(result.path)}: no score: the file could not be loaded."
    parts = "\n".join(f"  {name.replace('_', ' '):<13} {points:>2}/25" for name, points in result.breakdown.items())
    m = result.metrics
    summary = (f"  depth {m['depth']}, {m['menus']} menus, {m['options']} options; {describe(m)}; "
               f"zero-out coverage {m['zero_out_coverage']:.0%}; {len(result.findings)} findings"
               + "".join(f"\n  {line}" for line in caller_lines(m)))
    if explain and result.clarity is not None:
        return _explained(result, summary)
    return f"{inert(result.path)}: clarity score {result.score}/100\n{parts}\n{summary}"


def caller_lines(m: dict) -> list[str]:
    """What callers live through: weighted time to a person (best, average, worst, silent) and the tree test."""
    lines = []
    if m.get("expected_seconds") is not None:
        how = "weighted by option weights" if m.get("weighted") else "options equally likely"
        person = ("whether a caller reaches a person is unknown (only a hand-off whose answerer the file "
                  "does not show)" if m.get("person_unknown") else "no caller reaches a person by choosing") \
            if m.get("expected_seconds_to_human") is None else (
            f"to a person: best {m['seconds_to_human']} s, average {m['expected_seconds_to_human']} s "
            f"({m['share_to_human']:.0%} of callers), worst {m['worst_seconds_to_human']} s")
        silent = m.get("fallback_seconds_to_human")
        person += f", pressing nothing {silent} s" if silent is not None else ", pressing nothing: never"
        lines.append(f"time: {m['expected_seconds']} s until the average caller lands ({how}); {person}")
    if (cost := call_cost_line(m)) is not None:
        lines.append(cost)
    if m.get("task_success_rate") is not None:
        from ivrcheck.callers.tasks import band

        done = sum(1 for t in m.get("tasks", []) if t["success"])
        lines.append(f"tasks: {done}/{len(m.get('tasks', []))} predicted to succeed "
                     f"({m['task_success_rate']:.0%}, {band(m['task_success_rate'])}); `ivrcheck tasks` for paths")
    return lines


def call_cost_line(m: dict) -> str | None:
    from ivrcheck.callers.cost import summary

    return summary(m)


def _explained(result: FileResult, summary: str) -> str:
    """Every part with its measures: value, points earned of points possible, findings behind it."""
    clarity = result.clarity
    head = f"{inert(result.path)}: clarity score {result.score}/100"
    if clarity.cap is not None:
        head += f" (capped at {clarity.cap.total_limit:g}: {clarity.cap.reason})"
    lines = [head]
    for part in clarity.details:
        lines.append(f"  {part.name.replace('_', ' '):<13} {clarity.parts[part.name]:>2}/25")
        for m in part.measures:
            found = ", ".join(f"{code} x{n}" for code, n in m.codes)
            lines.append(f"    {m.points:5.1f}/{m.out_of:<4.1f} {m.name}: {m.value}" + (f" [{found}]" if found else ""))
        for c in part.caps:
            lines.append(f"    capped at {c.part_limit:.1f}: {c.reason} (the score at most {c.total_limit:g})")
    return "\n".join([*lines, summary])
