"""`ivrcheck score` output: each file's clarity score, its four parts and the metrics behind them."""

from __future__ import annotations

import json
from typing import Sequence

from ivrcheck.findings import FileResult
from ivrcheck.report.text import format as findings_text
from ivrcheck.report.text import inert


def text(results: Sequence[FileResult], color: bool = False) -> str:
    """One block a file: the score, a line a part, then the metrics a person checks first."""
    return "\n".join(_block(result) for result in results) + "\n"


def as_json(results: Sequence[FileResult], color: bool = False) -> str:
    """`{"files": [{path, score, breakdown, metrics}]}`: the score part of the check JSON."""
    files = [{"path": r.path, "score": r.score, "breakdown": r.breakdown, "metrics": r.metrics} for r in results]
    return json.dumps({"files": files}, indent=2, ensure_ascii=False) + "\n"


FORMATS = {"text": text, "json": as_json}


def _block(result: FileResult) -> str:
    if result.score is None or result.breakdown is None or result.metrics is None:
        return findings_text([result]).rstrip() + f"\n{inert(result.path)}: no score: the file could not be loaded."
    parts = "\n".join(f"  {name.replace('_', ' '):<13} {points:>2}/25" for name, points in result.breakdown.items())
    m = result.metrics
    human = "none reachable" if m["steps_to_human"] is None else (
        f"{m['steps_to_human']} key press{'es' if m['steps_to_human'] != 1 else ''}, {m['seconds_to_human']} s")
    return (f"{inert(result.path)}: clarity score {result.score}/100\n{parts}\n"
            f"  depth {m['depth']}, {m['menus']} menus, {m['options']} options; human: {human}; "
            f"zero-out coverage {m['zero_out_coverage']:.0%}; {len(result.findings)} findings"
            + "".join(f"\n  {line}" for line in caller_lines(m)))


def caller_lines(m: dict) -> list[str]:
    """What callers live through: weighted time to a person (best, average, worst, silent) and the tree test."""
    lines = []
    if m.get("expected_seconds") is not None:
        how = "weighted by option weights" if m.get("weighted") else "options equally likely"
        person = "no caller reaches a person by choosing" if m.get("expected_seconds_to_human") is None else (
            f"to a person: best {m['seconds_to_human']} s, average {m['expected_seconds_to_human']} s "
            f"({m['share_to_human']:.0%} of callers), worst {m['worst_seconds_to_human']} s")
        silent = m.get("fallback_seconds_to_human")
        person += f", pressing nothing {silent} s" if silent is not None else ", pressing nothing: never"
        lines.append(f"time: {m['expected_seconds']} s until the average caller lands ({how}); {person}")
    if m.get("task_success_rate") is not None:
        from ivrcheck.callers.tasks import band

        done = sum(1 for t in m.get("tasks", []) if t["success"])
        lines.append(f"tasks: {done}/{len(m.get('tasks', []))} predicted to succeed "
                     f"({m['task_success_rate']:.0%}, {band(m['task_success_rate'])}); `ivrcheck tasks` for paths")
    return lines
