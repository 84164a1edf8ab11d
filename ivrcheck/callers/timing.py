"""Weighted time: how long callers spend before they land, averaged over the whole line.

Callers are spread over each menu's options by `weight:` (order.shares; uniform over the
options when a menu gives none). A caller with a goal never picks repeat or back, nor an
option that returns to a menu they already passed, so every journey runs forward and ends:
at a goal (a person, or a task's node), or at another place where the call is handled.
Each option costs what the prompt takes until it is offered (graph.analysis.edge_seconds),
each message its prompt. From that walk over the graph, for a set of goals:

- `share`: the share of callers who end at a goal;
- `expected`: the average seconds before any caller lands, wherever that is;
- `expected_to_goal`: the average seconds of the callers who end at a goal;
- `worst`: the slowest forward way to a goal (every menu heard once, none twice).

The walk remembers each node's result the first time it is computed, so on a line where
two menus lead into each other the second is valued as the first found it (exact on trees
and on every line where options only lead deeper).
"""

from __future__ import annotations

from dataclasses import dataclass

from ivrcheck.callers.order import shares
from ivrcheck.graph import Analysis, LineAnalysis
from ivrcheck.graph.build import CHOICE, ROUTING
from ivrcheck.model import NodeType

_NONE = (0.0, 0.0, 0.0, None)
# Enum members read once (a class attribute lookup each time on Python 3.11; these run per node).
_MENU, _SELF_SERVICE = NodeType.MENU, NodeType.SELF_SERVICE
_ROUTED = frozenset({NodeType.MESSAGE, NodeType.BRANCH, NodeType.INPUT})


@dataclass(frozen=True)
class Journey:
    """Averages over the callers of one schedule state, towards one set of goals."""

    share: float
    expected: float
    expected_to_goal: float | None
    worst: float | None


def journey(line: LineAnalysis, analysis: Analysis, goals: frozenset[str] | set[str],
            seconds: dict[tuple[str, str], float] | None = None) -> Journey:
    """Expected and worst seconds from the entry towards `goals` (see the module docstring).

    `seconds` caches each option's time by (menu, key), to share between states and goals.
    """
    cache = {} if seconds is None else seconds
    # node -> (share reaching a goal, expected seconds, expected seconds x reached, worst seconds to a goal)
    memo: dict[str, tuple[float, float, float, float | None]] = {}
    entry = line.menu.entry.ref
    stack: list[tuple[str, list[tuple[str, float, float]] | None]] = [(entry, None)]
    on_stack: set[str] = set()
    while stack:
        node_id, ways = stack.pop()
        if ways is None:
            if node_id in memo or node_id in on_stack:
                continue
            found = _ways(line, analysis, node_id, goals, on_stack, cache)
            if found is None:
                memo[node_id] = (1.0, 0.0, 0.0, 0.0) if node_id in goals else _NONE
                continue
            on_stack.add(node_id)
            stack.append((node_id, found))
            stack.extend((target, None) for target, _, _ in found if target not in memo)
            continue
        on_stack.discard(node_id)
        memo[node_id] = _combine(ways, memo)
    share, expected, weighted, worst = memo.get(entry, _NONE)
    return Journey(round(share, 3), round(expected, 1), round(weighted / share, 1) if share > 0 else None,
                   None if worst is None else round(worst, 1))


def _ways(line: LineAnalysis, analysis: Analysis, node_id: str, goals: frozenset[str] | set[str],
          on_stack: set[str], cache: dict[tuple[str, str], float]) -> list[tuple[str, float, float]] | None:
    """(target, probability, seconds) of each way on from a node, or None where callers land."""
    node = analysis.nodes.get(node_id)
    if node_id in goals or node is None:
        return None
    edges = analysis.edges_from(node_id)
    if node.type is _MENU:
        options = [(t, a) for t, a in edges if a["kind"] in CHOICE and t != node_id and t not in on_stack
                   and a["target"].ref != "back"]
        split = shares(node)
        weights = [split.get(a["press"], 0.0) for _, a in options] if split else [1.0] * len(options)
        total = sum(weights)
        if total <= 0:
            return None
        ways = []
        for (target, attrs), weight in zip(options, weights):
            if weight > 0:
                key = (node_id, attrs["press"])
                if key not in cache:
                    cache[key] = line.clock.edge(node, attrs)
                ways.append((target, weight / total, cache[key]))
        return ways
    if node.type in _ROUTED or (node.type is not _SELF_SERVICE and any(a["kind"] == "closed" for _, a in edges)):
        onward = [(t, a) for t, a in edges if a["kind"] in ROUTING and t not in on_stack]
        if onward:
            return [(onward[0][0], 1.0, line.clock.edge(node, onward[0][1]))]
    return None


def _combine(ways: list[tuple[str, float, float]],
             memo: dict[str, tuple[float, float, float, float | None]]) -> tuple[float, float, float, float | None]:
    share = expected = weighted = 0.0
    worst: float | None = None
    for target, p, seconds in ways:
        t_share, t_expected, t_weighted, t_worst = memo.get(target, _NONE)
        share += p * t_share
        expected += p * (seconds + t_expected)
        weighted += p * (seconds * t_share + t_weighted)
        if t_worst is not None:
            worst = max(worst or 0.0, seconds + t_worst)
    return share, expected, weighted, worst
