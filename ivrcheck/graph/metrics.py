"""The per-file metrics of SPEC §2, read off the analyses."""

from __future__ import annotations

from typing import Any

from ivrcheck.graph.build import OPEN
from ivrcheck.graph.line import LineAnalysis


def metrics(line: LineAnalysis) -> dict[str, Any]:
    """Metrics in the SPEC's JSON shape; `by_state` adds the human metrics of each state."""
    menu, first = line.menu, line.open
    menus = [n for n in menu.menus() if n.id in first.reachable] or menu.menus()
    menu_steps = [first.steps[m.id] for m in menus if m.id in first.steps]
    result: dict[str, Any] = {
        "depth": (max(menu_steps) + 1) if menu_steps else 0,
        **_human(line, OPEN),
        "menus": len(menu.menus()),
        "options": sum(len(m.options) for m in menu.menus()),
        "max_options": max((len(m.options) for m in menu.menus()), default=0),
        "zero_out_coverage": zero_out_coverage(line, OPEN),
        "unreachable": line.unreachable,
        "dead_ends": line.dead_ends,
    }
    if line.has_hours:
        result["by_state"] = {state: _human(line, state) | {"zero_out_coverage": zero_out_coverage(line, state)}
                              for state in line.states}
    return result


def _human(line: LineAnalysis, state: str) -> dict[str, Any]:
    analysis = line.states[state]
    return {
        "steps_to_human": analysis.steps_to_human,
        "seconds_to_human": analysis.seconds_to_human,
        "fallback_to_human": analysis.fallback_to_human,
        "fallback_seconds_to_human": analysis.fallback_seconds,
    }


def zero_out_coverage(line: LineAnalysis, state: str) -> float:
    """Share of reachable menus where pressing 0 lands with a human (1.0 when there is no menu)."""
    analysis = line.states[state]
    menus = [n for n in line.menu.menus() if n.id in analysis.reachable]
    if not menus:
        return 1.0
    covered = sum(1 for m in menus if analysis.option_reaches_human(m.id, "0"))
    return round(covered / len(menus), 3)
