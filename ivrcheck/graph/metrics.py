"""The shape metrics of SPEC §2 (depth, counts, unreachable, dead ends), read off the analyses.

What callers live through (a person, its keys and seconds, zero-out coverage, time) is the
journey's (callers/journey.py), which composes the whole metrics object around these.
"""

from __future__ import annotations

from typing import Any

from ivrcheck.graph.line import LineAnalysis


def metrics(line: LineAnalysis) -> dict[str, Any]:
    """The shape metrics in the SPEC's JSON shape."""
    first = line.open
    menus = [n for n in line.menus if n.id in first.reachable] or list(line.menus)
    menu_steps = [first.steps[m.id] for m in menus if m.id in first.steps]
    return {
        "depth": (max(menu_steps) + 1) if menu_steps else 0,
        "menus": len(line.menus),
        "options": sum(len(m.options) for m in line.menus),
        "max_options": max((len(m.options) for m in line.menus), default=0),
        "unreachable": line.unreachable,
        "dead_ends": line.dead_ends,
    }
