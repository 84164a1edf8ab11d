"""Callers step: what a caller lives through, read off the graph analysis.

Sits after graph and before score: it may import load, model, graph and language, never
rules, score, report or cli. `journey` is the one model of the caller per schedule state
(who they reach, by which keys, in how many seconds, where they spread), which every later
step reads; `tasks` is the offline tree test (with its scent in `scent`), `timing` the
weighted time, `traffic` where callers spread, `order` the seconds saved by offering popular
options first, `diff` what a change to a menu does to its callers.
"""

from __future__ import annotations

from typing import Any, Mapping

from ivrcheck.callers import cost, journey, order, tasks, timing, traffic
from ivrcheck.callers.journey import Journey, journeys
from ivrcheck.graph import OPEN, LineAnalysis
from ivrcheck.graph import metrics as shape

# `diff` (review of a change) is imported where it is used: a plain check does not need it.
__all__ = ["Journey", "cost", "journey", "journeys", "metrics", "order", "tasks", "timing", "traffic"]

#: Where the journey's facts sit among the shape metrics in the JSON object (SPEC §5's order).
_SPEC_HUMAN = ("steps_to_human", "seconds_to_human", "fallback_to_human", "fallback_seconds_to_human")


def metrics(line: LineAnalysis, settings: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A line's metrics: the graph's shape and, from each state's journey, what callers live
    through; with the tree test's tasks. `settings` are the tree test's (rule T602's)."""
    found = tasks.predict(line.menu, line, settings=tasks.Settings.from_mapping(settings or {}))
    states = journeys(line)
    cache: dict[tuple[str, str], float] = {}
    worst: dict[str, timing.Worst] = {}  # per state, made for the first task walked in it

    def worst_seconds(prediction: tasks.Prediction) -> float | None:
        state = prediction.state or OPEN
        if state not in worst:
            worst[state] = timing.Worst(line, line.states[state], cache)
        return worst[state](frozenset(prediction.expect))

    first = states[OPEN].metrics()
    base = shape(line)
    result: dict[str, Any] = {
        "depth": base.pop("depth"), **{k: first.pop(k) for k in _SPEC_HUMAN},
        **{k: base.pop(k) for k in ("menus", "options", "max_options")},
        "zero_out_coverage": first.pop("zero_out_coverage"), **base, **first,
        "weighted": any(o.weight is not None for n in line.menus for o in n.options),
        "task_success_rate": tasks.success_rate(found),
        "tasks": [{"say": p.task.say, "success": p.counts, "seconds": p.seconds, "best_seconds": p.best_seconds,
                   "worst_seconds": worst_seconds(p)}
                  for p in found],
    }
    if line.has_hours:
        result["by_state"] = {state: j.metrics() for state, j in states.items()}
    result.update(cost.metrics(line, result))  # what the call costs the caller, on a line with a tariff
    return result
