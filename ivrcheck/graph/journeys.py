"""What a caller who follows the prompts lives through: announced ways to a person, and each task's cost.

The analysis (analysis.py) answers what the graph allows; this module answers what a caller
who only does what the prompts say can do. A key is *announced* when the menu's prompt
offers it ("for cards, press 1"); a speech option when the prompt contains one of its
phrases; waiting (the timeout route) when the prompt says "stay on the line". Invalid keys
and running out of retries are never announced. The score reads these facts; rules may too.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import Any

from ivrcheck.graph.analysis import Adjacency, Analysis, Step, _fastest
from ivrcheck.graph.build import CHOICE, CLOSED, ROUTING
from ivrcheck.graph.clock import Clock
from ivrcheck.language import Language
from ivrcheck.model import Node, NodeType

#: Keys every menu may bind to the same universal function (person, repeat, back): not tasks.
UNIVERSAL_KEYS = frozenset({"0", "*", "#"})
#: Seconds a caller loses on a task whose key the prompt never offers: they hear the whole
#: prompt without finding it, wait, and guess or ask (a fixed cost, so that announcing the
#: option always shortens the task however long the prompt is).
UNHEARD_SECONDS = 20.0
#: Edge kinds a caller can take on purpose towards a person when the prompt announces them.
TO_PERSON = frozenset({"key", "say", "timeout"})
# Enum members read once (a class attribute lookup each time on Python 3.11; these run per node).
_MENU = NodeType.MENU
_PASSED_THROUGH = frozenset({NodeType.MESSAGE, NodeType.BRANCH})


@dataclass(frozen=True, slots=True)
class Task:
    """One task option of a reachable menu, as a caller who follows the prompts meets it."""

    menu: str
    key: str
    label: str | None
    target: str
    #: Key presses from the call's start, this one included.
    presses: int
    #: Seconds from the call's start until the caller can press this key.
    seconds: float
    #: Share of callers who end their navigation here (from `weight:`, else equal shares).
    share: float
    announced: bool


@dataclass(frozen=True)
class Journeys:
    """One schedule state seen by a caller who only presses announced keys."""

    state: str
    #: The fastest announced way to a person: a live human, and outside hours also a
    #: callback or voicemail. None when no announced key leads to one.
    path_to_human: list[Step] | None
    seconds_to_human: float | None
    #: The node that path ends at.
    human: str | None
    #: Nodes reached through announced keys, messages and branches.
    reachable: frozenset[str]
    #: Task options of the reachable menus (computed for the open state only: navigation is
    #: judged there; empty in the closed state).
    tasks: tuple[Task, ...]
    #: Share of callers who pass through each menu, or end their navigation at each node.
    traffic: dict[str, float]

    @property
    def steps_to_human(self) -> int | None:
        if self.path_to_human is None:
            return None
        return sum(1 for _, edge in self.path_to_human if edge["kind"] in CHOICE)


def announced(node: Node | None, attrs: dict[str, Any], language: Language) -> bool:
    """Whether the prompt of `node` tells the caller about this edge: a key it offers, a
    phrase it quotes, or waiting when it says "stay on the line" (Clock.announced, uncached)."""
    return Clock(language).announced(node, attrs)


def journeys(analysis: Analysis, entry: str, clock: Clock | Language, with_tasks: bool = True) -> Journeys:
    """The announced facts of one state; `with_tasks=False` skips the tasks (and traffic).

    Pass the line's clock (LineAnalysis.clock) so that each edge is timed and judged once.
    """
    clock = clock if isinstance(clock, Clock) else Clock(clock)
    nodes = analysis.nodes
    # Without edges back to their own node: no search below gains by one (clock.heard).
    heard: Adjacency = {u: clock.heard(u, nodes.get(u), edges) for u, edges in analysis.out.items()}
    goals = analysis.human_like if analysis.state == CLOSED else analysis.humans
    # Dialling an extension reaches only someone the caller already knows: no way to help.
    path, seconds = _fastest(heard, entry, goals, nodes, clock, ROUTING | TO_PERSON)
    human = None
    if path is not None:
        human = entry
        if path:  # the target of the last edge taken (the very edge object, found by identity)
            last_from, last_edge = path[-1]
            human = next(t for t, a in heard[last_from] if a is last_edge)
    tasks, traffic = _tasks(analysis, entry, clock) if with_tasks else ((), {})
    return Journeys(analysis.state, path, seconds, human, _reach(heard, entry), tasks, traffic)


def _reach(out: Adjacency, entry: str) -> frozenset[str]:
    if entry not in out:
        return frozenset()
    seen, frontier = {entry}, [entry]
    while frontier:
        for target, _ in out.get(frontier.pop(), ()):
            if target not in seen:
                seen.add(target)
                frontier.append(target)
    return frozenset(seen)


def _option_shares(edges: list[tuple[str, dict[str, Any]]]) -> list[float]:
    """Each task option's share of the callers in its menu: `weight:` where given, the rest equal."""
    weights = [a["weight"] for _, a in edges]
    given = sum(w for w in weights if w is not None and w > 0)
    unweighted = sum(1 for w in weights if w is None)
    rest = max(0.0, 1.0 - given) / unweighted if unweighted else 0.0
    raw = [(w if w is not None and w > 0 else 0.0) if w is not None else rest for w in weights]
    total = sum(raw)
    return [r / total for r in raw] if total > 0 else [1.0 / len(edges)] * len(edges)


def _tasks(analysis: Analysis, entry: str, clock: Clock) -> tuple[tuple[Task, ...], dict[str, float]]:
    """Every task option of the menus a call reaches, with its presses, seconds and share.

    The fastest way to each menu (unannounced keys cost UNHEARD_SECONDS more) forms a tree;
    callers start equally split over the opening menus and divide at each menu by option
    weight. An option whose target is a menu reached by it in that tree passes its callers
    on; any other option is where they end.
    """
    nodes = analysis.nodes
    if entry not in analysis.out:
        return (), {}
    best: dict[str, tuple[float, int]] = {entry: (0.0, 0)}
    parent: dict[str, tuple[str, str]] = {}
    queue: list[tuple[float, int, str]] = [(0.0, 0, entry)]
    done: list[str] = []
    closed: set[str] = set()

    def cost_of(node: Node | None, attrs: dict[str, Any]) -> float:  # the clock times and judges each edge once
        return clock.edge(node, attrs) + (
            UNHEARD_SECONDS if attrs["kind"] in CHOICE and not clock.announced(node, attrs) else 0.0)

    out, push, pop = analysis.out, heapq.heappush, heapq.heappop
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
            candidate = (seconds + cost_of(node, attrs), presses + choice)
            old = best.get(target)
            if old is None or candidate < old:
                best[target] = candidate
                parent[target] = (node_id, attrs.get("press", "")) if choice else (node_id, "")
                push(queue, (candidate[0], candidate[1], target))
    opening = [m for m in analysis.opening if m in closed]
    share = dict.fromkeys(opening, 1.0 / len(opening)) if opening else {}
    tasks: list[Task] = []
    for node_id in done:
        node = nodes.get(node_id)
        if node is None or node.type is not _MENU or share.get(node_id, 0.0) <= 0.0:
            continue
        edges = [(t, a) for t, a in analysis.out.get(node_id, ())
                 if a["kind"] in CHOICE and a.get("press") not in UNIVERSAL_KEYS and t != node_id]
        if not edges:
            continue
        seconds, presses = best[node_id]
        mine = share[node_id]
        for (target, attrs), part in zip(edges, _option_shares(edges), strict=True):
            press = attrs.get("press", "")
            onward = _menus_after(analysis, parent, target) if parent.get(target) == (node_id, press) else []
            if onward:
                for menu_id in onward:
                    share[menu_id] = share.get(menu_id, 0.0) + mine * part / len(onward)
                continue
            option = attrs.get("option")
            tasks.append(Task(node_id, press, option.label if option else None, target, presses + 1,
                              round(seconds + cost_of(node, attrs), 1), mine * part, clock.announced(node, attrs)))
    traffic = {k: v for k, v in share.items() if v > 0}
    for task in tasks:
        traffic[task.target] = traffic.get(task.target, 0.0) + task.share
    return tuple(tasks), traffic


def _menus_after(analysis: Analysis, parent: dict[str, tuple[str, str]], start: str) -> list[str]:
    """The menus callers move on to from `start` with no choice, along the fastest-way tree:
    `start` itself when it is a menu, else through messages and branches. Empty when the
    caller's navigation ends here (a person, a task, a hang-up)."""
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
        if node.type not in _PASSED_THROUGH:
            continue
        for target, attrs in analysis.out.get(node_id, ()):
            if attrs["kind"] in ROUTING and parent.get(target, ("", ""))[0] == node_id and target not in seen:
                seen.add(target)
                frontier.append(target)
    return sorted(found)
