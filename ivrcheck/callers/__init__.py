"""Callers step: what a caller lives through, read off the graph analysis.

Sits after graph and before score: it may import load, model, graph and language, never
rules, score, report or cli. `tasks` is the offline tree test (with its scent in `scent`),
`timing` the weighted time to a person, `order` the seconds saved by offering popular
options first, `diff` what a change to a menu does to its callers.
"""

from __future__ import annotations

from typing import Any, Mapping

from ivrcheck.callers import order, tasks, timing
from ivrcheck.graph import OPEN, Analysis, LineAnalysis

# `diff` (review of a change) is imported where it is used: a plain check does not need it.
__all__ = ["metrics", "order", "tasks", "timing"]


def metrics(line: LineAnalysis, settings: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The caller metrics merged into a file's metrics: weighted time to a person, task success.

    `settings` are the tree test's (rule T602's `min_scent`, `tie_margin`).
    """
    found = tasks.predict(line.menu, line, settings=tasks.Settings.from_mapping(settings or {}))
    cache: dict[tuple[str, str], float] = {}  # option seconds are the same in every state
    times = {state: _time(line, analysis, cache) for state, analysis in line.states.items()}
    worst: dict[str, timing.Worst] = {}  # per state, made for the first task walked in it

    def worst_seconds(prediction: tasks.Prediction) -> float | None:
        state = prediction.state or OPEN
        if state not in worst:
            worst[state] = timing.Worst(line, line.states[state], cache)
        return worst[state](frozenset(prediction.expect))

    result: dict[str, Any] = {
        **times[OPEN],
        "weighted": any(o.weight is not None for n in line.menu.menus() for o in n.options),
        "task_success_rate": tasks.success_rate(found),
        "tasks": [{"say": p.task.say, "success": p.counts, "seconds": p.seconds, "best_seconds": p.best_seconds,
                   "worst_seconds": worst_seconds(p)}
                  for p in found],
    }
    if line.has_hours:
        result["by_state"] = times
    return result


def _time(line: LineAnalysis, analysis: Analysis, cache: dict[tuple[str, str], float]) -> dict[str, Any]:
    way = timing.journey(line, analysis, analysis.humans, cache)
    return {"expected_seconds": way.expected, "expected_seconds_to_human": way.expected_to_goal,
            "share_to_human": way.share, "worst_seconds_to_human": way.worst}
