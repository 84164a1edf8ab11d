"""Where callers who follow the prompts spread: each menu's task options, their cost and share of callers.

Callers start split equally over the opening menus and divide at each menu over its ways on
(`order.split`, the one split the weighted times use too: `weight:` where given, what is left
spread over the others; equally without weights). Callers who press a universal key end no task. Following
the fastest way to each menu (an unannounced key costs UNHEARD_SECONDS more), an option whose
target is a menu reached by it passes its callers on; any other option is where they end: a
task. Inputs, messages and branches pass callers on by themselves (`PASSED_THROUGH`).
"""

from __future__ import annotations

import heapq
from typing import Any

from ivrcheck.callers.order import split
from ivrcheck.graph import Analysis
from ivrcheck.graph.build import CHOICE, ROUTING
from ivrcheck.graph.clock import Clock
from ivrcheck.model import PASSED_THROUGH, UNIVERSAL_KEYS, Node, NodeType
from ivrcheck.records import record

#: Seconds a caller loses on a task whose key the prompt never offers: they hear the whole
#: prompt without finding it, wait, and guess or ask (a fixed cost, so that announcing the
#: option always shortens the task however long the prompt is).
UNHEARD_SECONDS = 20.0
_MENU = NodeType.MENU


@record(slots=True)
class TaskOption:
    """One task option of a reachable menu, as a caller who follows the prompts meets it."""

    menu: str
    key: str
    label: str | None
    target: str
    #: Key presses from the call's start, this one included.
    presses: int
    #: Seconds from the call's start until the caller can press this key.
    seconds: float
    #: Share of callers who end their navigation here.
    share: float
    announced: bool


def tasks(analysis: Analysis, entry: str, clock: Clock) -> tuple[tuple[TaskOption, ...], dict[str, float]]:
    """Every task option of the menus a call reaches, and the share of callers at each menu and task."""
    if entry not in analysis.out:
        return (), {}
    best, parent, done = _fastest_tree(analysis, entry, clock)
    opening = [m for m in analysis.opening if m in best]
    share = dict.fromkeys(opening, 1.0 / len(opening)) if opening else {}
    found: list[TaskOption] = []
    nodes = analysis.nodes
    for node_id in done:
        node = nodes.get(node_id)
        if node is None or node.type is not _MENU or share.get(node_id, 0.0) <= 0.0:
            continue
        # Callers divide over every way on (order.split, as timing.py divides them); those who
        # press a universal key (a person, the main menu) end no task here.
        edges = [(t, a) for t, a in analysis.out.get(node_id, ())
                 if a["kind"] in CHOICE and t != node_id and a["target"].ref != "back"]
        seconds, presses = best[node_id]
        mine = share[node_id]
        for (target, attrs), part in zip(edges, split(node, edges), strict=True):
            press = attrs.get("press", "")
            if press in UNIVERSAL_KEYS or part <= 0:
                continue
            onward = _menus_after(analysis, parent, target) if parent.get(target) == (node_id, press) else []
            if onward:
                for menu_id in onward:
                    share[menu_id] = share.get(menu_id, 0.0) + mine * part / len(onward)
                continue
            option = attrs.get("option")
            found.append(TaskOption(node_id, press, option.label if option else None, target, presses + 1,
                                    round(seconds + _cost(clock, node, attrs), 1), mine * part,
                                    clock.announced(node, attrs)))
    traffic = {k: v for k, v in share.items() if v > 0}
    for task in found:
        traffic[task.target] = traffic.get(task.target, 0.0) + task.share
    return tuple(found), traffic


def _cost(clock: Clock, node: Node | None, attrs: dict[str, Any]) -> float:
    """The clock's seconds for an edge, and UNHEARD_SECONDS more for a choice no prompt offers."""
    unheard = attrs["kind"] in CHOICE and not clock.announced(node, attrs) and not clock.maybe(node, attrs)
    return clock.edge(node, attrs) + (UNHEARD_SECONDS if unheard else 0.0)


def _fastest_tree(analysis: Analysis, entry: str, clock: Clock) -> tuple[
        dict[str, tuple[float, int]], dict[str, tuple[str, str]], list[str]]:
    """(seconds, presses) of the fastest way to each node, the edge each way ends with, and the
    nodes in the order they were settled."""
    best: dict[str, tuple[float, int]] = {entry: (0.0, 0)}
    parent: dict[str, tuple[str, str]] = {}
    queue: list[tuple[float, int, str]] = [(0.0, 0, entry)]
    done: list[str] = []
    closed: set[str] = set()
    nodes, out, push, pop = analysis.nodes, analysis.out, heapq.heappush, heapq.heappop
    while queue:
        seconds, presses, node_id = pop(queue)
        if node_id in closed:
            continue
        closed.add(node_id)
        done.append(node_id)
        node = nodes.get(node_id)
        for target, attrs in out.get(node_id, ()):
            kind = attrs["kind"]
            choice = kind in CHOICE
            # No edge here costs less than nothing, so no way improves on a node already settled.
            if target in closed or not choice and kind not in ROUTING:
                continue
            candidate = (seconds + _cost(clock, node, attrs), presses + choice)
            old = best.get(target)
            if old is None or candidate < old:
                best[target] = candidate
                parent[target] = (node_id, attrs.get("press", "")) if choice else (node_id, "")
                push(queue, (candidate[0], candidate[1], target))
    return best, parent, done


def _menus_after(analysis: Analysis, parent: dict[str, tuple[str, str]], start: str) -> list[str]:
    """The menus callers move on to from `start` with no choice, along the fastest-way tree:
    `start` itself when it is a menu, else through the nodes passed without choosing. Empty
    when the caller's navigation ends here (a person, a task, a hang-up)."""
    found: list[str] = []
    frontier, seen = [start], {start}
    while frontier:
        node_id = frontier.pop()
        node = analysis.nodes.get(node_id)
        if node is None:
            continue
        if node.type is _MENU:
            found.append(node_id)
            continue
        if node.type not in PASSED_THROUGH:
            continue
        for target, attrs in analysis.out.get(node_id, ()):
            if attrs["kind"] in ROUTING and parent.get(target, ("", ""))[0] == node_id and target not in seen:
                seen.add(target)
                frontier.append(target)
    return sorted(found)
