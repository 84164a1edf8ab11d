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
            f"zero-out coverage {m['zero_out_coverage']:.0%}; {len(result.findings)} findings")
