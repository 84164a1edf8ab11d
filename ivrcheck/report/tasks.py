"""`ivrcheck tasks` output: each task's predicted path, success, key presses and seconds; the success rate."""

from __future__ import annotations

import json
from typing import Any, Sequence

from ivrcheck.callers.tasks import Prediction, TreeTest, band, success_rate
from ivrcheck.report.text import format as findings_text


def task_dict(p: Prediction, path: str | None = None) -> dict[str, Any]:
    """The JSON of one task (docs/tasks.md)."""
    wrong = p.misleading
    return {
        **({"file": path} if path is not None else {}),
        "say": p.task.say, "expect": list(p.expect), "path": list(p.path), "keys": list(p.presses),
        "success": p.counts, "reaches": p.success, "direct": p.direct, "key_presses": p.key_presses,
        "seconds": p.seconds, "best_seconds": p.best_seconds, "end": p.end, "risk": p.risk,
        "misleading": None if wrong is None else {"menu": wrong.menu, "key": wrong.key, "label": wrong.label,
                                                 "scent": wrong.scent},
        "state": p.state,
    }


def as_json(tests: Sequence[TreeTest], color: bool = False) -> str:
    """`{"tasks": [...], "success_rate", "band", "files": [{"path", "success_rate", "band"}]}`."""
    every = [p for t in tests for p in t.predictions or []]
    rate = success_rate(every)
    files = []
    for test in tests:
        own = success_rate(test.predictions or [])
        files.append({"path": test.result.path, "loaded": test.predictions is not None, "success_rate": own,
                      "band": band(own) if own is not None else None})
    data = {"tasks": [task_dict(p, t.result.path) for t in tests for p in t.predictions or []],
            "success_rate": rate, "band": band(rate) if rate is not None else None, "files": files}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def text(tests: Sequence[TreeTest], color: bool = False) -> str:
    """A block a file: the rate and its band, then a line a task with what happens and why."""
    blocks = []
    for test in tests:
        if test.predictions is None:
            blocks.append(findings_text([test.result]).rstrip() + f"\n{test.result.path}: no tree test: "
                          "the file could not be loaded.")
            continue
        if not test.predictions:
            blocks.append(f"{test.result.path}: no tasks (add `tasks:` with `say:` and `expect:`, docs/tasks.md)")
            continue
        rate = success_rate(test.predictions) or 0.0
        done = sum(p.counts for p in test.predictions)
        lines = [f"{test.result.path}: {done} of {len(test.predictions)} tasks predicted to succeed "
                 f"({rate:.0%}: {band(rate)})"]
        lines += [line for p in test.predictions for line in _task_lines(p)]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _task_lines(p: Prediction) -> list[str]:
    mark = "ok  " if p.counts else "FAIL" if not p.success else "RISK"
    goal = " or ".join(p.expect)
    presses = f"{p.key_presses} key press{'es' if p.key_presses != 1 else ''}"
    keys = f" ({', '.join(p.presses)})" if p.presses else ""
    state = f" [{p.state} hours]" if p.state else ""
    head = f'  {mark} "{p.task.say}" -> {goal}{state}'
    if p.risk == "unreachable":
        return [f"{head}: no caller can choose their way there"]
    fastest = f"; fastest way {p.best_seconds} s" if p.best_seconds is not None else ""
    how = "direct" if p.direct else ("after backing out" if p.success else "fails")
    lines = [f"{head}: {how}, {presses}{keys}, {p.seconds} s{fastest}", f"       path: {' > '.join(p.path)}"]
    wrong = p.misleading
    if p.risk == "tie" and wrong is not None:
        lines.append(f'       risk: a tie in "{wrong.menu}": "{wrong.key}" ({wrong.label}) fits the words as well')
    elif not p.success and p.end is None:
        lines.append("       why: nothing on the way matches the caller's words, so they give up")
    elif wrong is not None:
        lines.append(f'       misled by "{wrong.key}" ({wrong.label}) in "{wrong.menu}" (scent {wrong.scent:.2f}); '
                     f'ends at {p.end or "nowhere"}')
    return lines


FORMATS = {"text": text, "json": as_json}
