"""Predicted against observed: the design's `weight:` shares, the tree test's paths and the predicted
seconds to a person, each set against what callers did, with the error, so users learn how far
to trust the predictions."""

from __future__ import annotations

from typing import Any

from ivrcheck.callers.order import shares as weight_shares
from ivrcheck.callers.tasks import Prediction
from ivrcheck.graph import LineAnalysis
from ivrcheck.model import Menu
from ivrcheck.traffic.observed import ALL, Traffic


def weights(line: LineAnalysis, traffic: Traffic) -> list[dict[str, Any]]:
    """Per weighted menu: each option's `weight:` share against its observed share, and the mean error."""
    out = []
    for menu_id, seen in traffic.all.menus.items():
        predicted = weight_shares(line.menu.nodes[menu_id])
        if not predicted or not seen.choices:
            continue
        rows = [{"key": key, "predicted": round(share, 4),
                 "observed": round(seen.option(key).share if seen.option(key) else 0.0, 4)}
                for key, share in predicted.items()]
        error = sum(abs(r["predicted"] - r["observed"]) for r in rows) / len(rows)
        out.append({"menu": menu_id, "options": rows, "mean_absolute_error": round(error, 4)})
    return out


def tasks(menu: Menu, predictions: list[Prediction], traffic: Traffic) -> list[dict[str, Any]]:
    """Per task: the share of observed callers who take each step of the predicted path, and the share of
    callers at the first menu who end up going the predicted way all along (the product)."""
    out = []
    menus = traffic.all.menus
    for p in predictions:
        steps = []
        reach = 1.0
        for node_id, key in zip(_menus_on(p, menu), p.presses):
            seen = menus.get(node_id)
            option = seen.option(key) if seen is not None else None
            share = option.share if option is not None else 0.0
            reach *= share
            steps.append({"menu": node_id, "key": key, "observed_share": round(share, 4)})
        out.append({"task": p.task.say, "predicted_success": p.counts, "predicted_seconds": p.seconds,
                    "steps": steps, "observed_path_share": round(reach, 4) if steps else None})
    return out


def seconds_to_person(line: LineAnalysis, traffic: Traffic) -> dict[str, Any]:
    """The predicted fastest seconds to a person in each state against the observed median, with the error."""
    out = {}
    for name, analysis in line.states.items():
        seen = traffic.states.get(name) or (traffic.states[ALL] if not line.has_hours else None)
        observed = seen.person_seconds() if seen is not None else None
        predicted = analysis.seconds_to_human
        out[name] = {"predicted_fastest": predicted, "observed_median": observed,
                     "error": None if predicted is None or observed is None else round(observed - predicted, 1)}
    return out


def report(line: LineAnalysis, traffic: Traffic, predictions: list[Prediction] | None) -> dict[str, Any]:
    return {"weights": weights(line, traffic), "tasks": tasks(line.menu, predictions or [], traffic),
            "seconds_to_person": seconds_to_person(line, traffic)}


def _menus_on(p: Prediction, menu: Menu) -> list[str]:
    """The menus of a predicted path where a key was pressed, in order: each press leaves the next menu."""
    return [n for n in p.path if n in menu.nodes and menu.nodes[n].is_menu][: len(p.presses)]
