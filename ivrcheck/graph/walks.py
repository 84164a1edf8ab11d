"""The graph's own walks, in one place: reach, fewest key presses, the fastest way by the clock.

Every fact of the analysis, and the journey of the callers step, walks the successor lists
of one state with these functions; none of them walks the graph on its own.
"""

from __future__ import annotations

import heapq
from collections import deque
from typing import Any, Callable, Iterable, Iterator, Mapping

from ivrcheck.graph.build import CHOICE, SILENT
from ivrcheck.graph.clock import Clock
from ivrcheck.model import Node

Step = tuple[str, dict[str, Any]]  # (node id, attributes of the edge taken from it)
#: Successor (or predecessor) lists of one state: node -> [(other node, edge attributes)].
Adjacency = dict[str, list[tuple[str, dict[str, Any]]]]


def _upstream(out: Adjacency, goals: set[str], follows: Callable[[str, str, dict[str, Any]], bool]) -> set[str]:
    """The goals and every node with a path into one of them over the edges `follows` accepts."""
    into: dict[str, list[str]] = {}
    for source, edges in out.items():
        for target, attrs in edges:
            if follows(source, target, attrs):
                into.setdefault(target, []).append(source)
    return upstream(into, goals)


def upstream(into: Mapping[str, Iterable[str]], goals: Iterable[str]) -> set[str]:
    """The goals and every node with a path into one of them, over predecessor lists."""
    seen, frontier = set(goals), list(goals)
    while frontier:
        for source in into.get(frontier.pop(), ()):
            if source not in seen:
                seen.add(source)
                frontier.append(source)
    return seen


def descendants(out: Adjacency, start: str) -> frozenset[str]:
    seen = {start}
    frontier = [start]
    while frontier:
        for target, _ in out[frontier.pop()]:
            if target not in seen:
                seen.add(target)
                frontier.append(target)
    return frozenset(seen)


def steps_from(out: Adjacency, entry: str) -> dict[str, int]:
    """Fewest key presses from the entry to every node, through choices and routing (0-1 BFS:
    a routing edge costs nothing and goes to the front of the queue, a choice to the back)."""
    if entry not in out:
        return {}
    best = {entry: 0}
    queue = deque([(0, entry)])
    while queue:
        dist, node = queue.popleft()
        if dist > best[node]:  # reached more cheaply since it was queued, and walked from there
            continue
        for target, attrs in out[node]:
            kind = attrs["kind"]
            if kind in SILENT:
                continue
            if kind in CHOICE:
                if dist + 1 < best.get(target, dist + 2):
                    best[target] = dist + 1
                    queue.append((dist + 1, target))
            elif dist < best.get(target, dist + 1):
                best[target] = dist
                queue.appendleft((dist, target))
    return best


def fastest(out: Adjacency, entry: str, goals: frozenset[str], nodes: Mapping[str, Node | None],
             clock: Clock, kinds: frozenset[str]) -> tuple[list[Step] | None, float | None]:
    """Fewest choices to a goal, ties broken by seconds (lexicographic Dijkstra)."""
    back: dict[str, Step] = {}
    for _, seconds, node_id in settled(out, entry, nodes, clock, kinds, back):
        if node_id in goals:
            path: list[Step] = []
            while node_id in back:
                path.append(back[node_id])
                node_id = path[-1][0]
            return path[::-1], round(seconds, 1)
    return None, None


def settled(out: Adjacency, entry: str, nodes: Mapping[str, Node | None], clock: Clock,
            kinds: frozenset[str], back: dict[str, Step] | None = None) -> Iterator[tuple[int, float, str]]:
    """(fewest choices, then seconds, node) from the entry, each node once, cheapest first: `fastest`
    stops at its first goal, and the costs to every node serve any number of goals. `back` gets the
    edge each node's cheapest way ends with."""
    if entry not in out:
        return
    best: dict[str, tuple[int, float]] = {entry: (0, 0.0)}
    back = {} if back is None else back
    queue: list[tuple[int, float, str]] = [(0, 0.0, entry)]
    spent, push, pop = clock.edge, heapq.heappush, heapq.heappop
    while queue:
        steps, seconds, node_id = pop(queue)
        if (steps, seconds) > best[node_id]:
            continue
        yield steps, seconds, node_id
        node = nodes.get(node_id)
        for target, attrs in out[node_id]:
            kind = attrs["kind"]
            if kind not in kinds:
                continue
            cost = (steps + (1 if kind in CHOICE else 0), seconds + spent(node, attrs))
            old = best.get(target)
            if old is None or cost < old:
                best[target] = cost
                back[target] = (node_id, attrs)
                push(queue, (cost[0], cost[1], target))
