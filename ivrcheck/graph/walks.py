"""The graph's own walks, in one place: reach, fewest key presses, the fastest way by the clock.

Every fact of the analysis (graph/analysis.py), and the journey of the callers step, walks the
successor lists of one state with these functions; none of them walks the graph on its own.
Here too: the lists themselves (`adjacencies`, read once off the networkx graph), the spanning
`Tree` a diagram hangs on, and the closed cycles (strongly connected components) traps are made of.
"""

from __future__ import annotations

import heapq
from collections import deque
from functools import cached_property
from typing import Any, Callable, Iterable, Iterator, Mapping

import networkx as nx

from ivrcheck.graph.build import CHOICE, ROUTING, SILENT
from ivrcheck.graph.clock import Clock
from ivrcheck.model import PASSED_THROUGH, Node, NodeType
from ivrcheck.records import record

Step = tuple[str, dict[str, Any]]  # (node id, attributes of the edge taken from it)
#: Successor (or predecessor) lists of one state: node -> [(other node, edge attributes)].
Adjacency = dict[str, list[tuple[str, dict[str, Any]]]]


def upstream(into: Mapping[str, Iterable[str]], goals: Iterable[str]) -> set[str]:
    """The goals and every node with a path into one of them, over predecessor lists."""
    seen, frontier = set(goals), list(goals)
    while frontier:
        for source in into.get(frontier.pop(), ()):
            if source not in seen:
                seen.add(source)
                frontier.append(source)
    return seen


def descendants(out: Adjacency, start: str, follows: Callable[[dict[str, Any]], bool] | None = None) -> frozenset[str]:
    """Every node reached from `start`; with `follows`, only along the edges it accepts (a view of
    `out`, so a walk over some of the edges builds no filtered copy of every list)."""
    seen = {start}
    frontier = [start]
    while frontier:
        for target, attrs in out[frontier.pop()]:
            if target not in seen and (follows is None or follows(attrs)):
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


@record
class Tree:
    """A breadth-first spanning tree of one state from a root: what a diagram hangs its boxes on.

    Each node has one parent (the first that reaches it, choices and routing before timeouts and
    errors, in file order), a depth in arrows from the root, and the top-level branch it belongs to:
    the option of the hub (the first menu below the root) that leads to it.
    """

    root: str
    #: node -> (parent, attributes of the edge the tree uses); the root maps to None.
    parent: Mapping[str, tuple[str, dict[str, Any]] | None]
    depth: Mapping[str, int]
    #: Nodes in breadth-first order (the root first).
    order: tuple[str, ...]
    #: The first menu at or below the root, whose options are the line's top-level branches.
    hub: str | None
    #: node -> the hub's child its tree branch starts at (None for the hub and the nodes above it).
    branch: Mapping[str, str | None]

    def children(self, node_id: str) -> list[str]:
        return self._children.get(node_id, [])

    @cached_property
    def _children(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for node_id in self.order:
            link = self.parent[node_id]
            if link is not None:
                found.setdefault(link[0], []).append(node_id)
        return found

    def below(self, node_id: str) -> list[str]:
        """The tree descendants of `node_id` (not itself), breadth-first."""
        found, frontier = [], list(self.children(node_id))
        while frontier:
            found += frontier
            frontier = [c for n in frontier for c in self.children(n)]
        return found

    def is_ancestor(self, ancestor: str, node_id: str) -> bool:
        """Whether `ancestor` lies on the tree path from the root to `node_id` (itself included).

        Answered from each node's span in a depth-first walk, made once: walking up the parents per
        question made a chain of 7,500 menus 28 million steps (H204 asks it of every menu)."""
        if node_id == ancestor:
            return True
        spans = self._spans
        inner, outer = spans.get(node_id), spans.get(ancestor)
        return inner is not None and outer is not None and outer[0] < inner[0] and inner[1] < outer[1]

    @cached_property
    def _spans(self) -> dict[str, tuple[int, int]]:
        """node -> (when a depth-first walk of the tree enters it, when it leaves): a descendant's span
        lies inside its ancestors' spans and nowhere else."""
        spans: dict[str, tuple[int, int]] = {}
        entered: dict[str, int] = {self.root: 0}
        tick = 1
        stack = [(self.root, iter(self.children(self.root)))]
        while stack:
            node_id, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                spans[node_id] = (entered[node_id], tick)
            else:
                entered[child] = tick
                stack.append((child, iter(self.children(child))))
            tick += 1
        return spans


def adjacencies(graph: nx.MultiDiGraph, states: Iterable[str]) -> dict[str, tuple[Adjacency, Adjacency]]:
    """Successor and predecessor lists of each state, read off the full graph in one pass.

    Walking plain lists is many times faster than walking networkx views. Most nodes have
    the same edges in every state, so the states share those lists (nobody changes them);
    only nodes with an edge of one state (`closed:`, an hours branch) get lists of their own.
    """
    out_all: Adjacency = {n: [] for n in graph}
    into_all: Adjacency = {n: [] for n in graph}
    stateful_out: dict[str, None] = {}  # each node once, however many such edges it has
    stateful_in: dict[str, None] = {}
    for u, v, attrs in graph.edges(data="edge"):
        out_all[u].append((v, attrs))
        into_all[v].append((u, attrs))
        if attrs["state"] is not None:
            stateful_out[u] = stateful_in[v] = None
    found = {}
    for state in states:
        out, into = dict(out_all), dict(into_all)
        for u in stateful_out:
            out[u] = [(v, attrs) for v, attrs in out_all[u] if attrs["state"] in (None, state)]
        for v in stateful_in:
            into[v] = [(u, attrs) for u, attrs in into_all[v] if attrs["state"] in (None, state)]
        found[state] = out, into
    return found


def spanning_tree(out: Adjacency, root: str, nodes: Mapping[str, Node | None]) -> Tree:
    """The breadth-first `Tree` of one state from `root`, choices and routing before timeouts and errors."""
    parent: dict[str, tuple[str, dict[str, Any]] | None] = {root: None}
    depth = {root: 0}
    order = [root]
    for node_id in order:  # grows while it is walked: breadth-first
        for target, attrs in sorted(out.get(node_id, ()), key=lambda edge: edge[1]["kind"] in SILENT):
            if target not in parent:
                parent[target] = (node_id, attrs)
                depth[target] = depth[node_id] + 1
                order.append(target)
    hub = next((n for n in order if (node := nodes.get(n)) is not None and node.type is NodeType.MENU), None)
    branch: dict[str, str | None] = {}
    for node_id in order:
        link = parent[node_id]
        if link is None or node_id == hub:
            branch[node_id] = None
        elif link[0] == hub:
            branch[node_id] = node_id
        else:
            branch[node_id] = branch[link[0]]
    return Tree(root, parent, depth, tuple(order), hub, branch)


def routes_into(into: Adjacency, goals: frozenset[str]) -> frozenset[str]:
    """Goals plus every node that reaches one through routing edges only (no caller choice)."""
    seen = set(goals)
    frontier = list(goals)
    while frontier:
        node = frontier.pop()
        for source, attrs in into[node]:
            if attrs["kind"] in ROUTING and source not in seen:
                seen.add(source)
                frontier.append(source)
    return frozenset(seen)


def closed_cycles(adjacency: dict[str, set[str]], nodes: Mapping[str, Node | None]) -> list[list[str]]:
    """One cycle of each component of `adjacency` that no edge leaves, sorted.

    `adjacency` holds the nodes that might be trapped, closed under successors.
    """
    traps = []
    for component in components(adjacency):
        if len(component) == 1:
            (only,) = component
            if only not in adjacency.get(only, ()):
                continue
        if any(v not in component for u in component for v in adjacency.get(u, ())):
            continue
        traps.append(_cycle_from_first(adjacency, component, nodes))
    return sorted(traps)


def components(adjacency: Mapping[str, Iterable[str]]) -> Iterator[set[str]]:
    """Strongly connected components (Tarjan's algorithm, iterative: no recursion limit).

    Written out rather than building a networkx graph for it: on a 10,000-node line the
    graph costs more than the search, and only the few components that trap a caller are
    looked at further.
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    for root in adjacency:
        if root in index:
            continue
        work = [(root, iter(adjacency.get(root, ())))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in adjacency:
                    continue
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(adjacency.get(successor, ()))))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    yield component


def _cycle_from_first(adjacency: dict[str, set[str]], component: set[str],
                      nodes: Mapping[str, Node | None]) -> list[str]:
    """A shortest cycle through the component's earliest node, so reports are deterministic."""
    def position(node_id: str) -> tuple[str, int, int, str]:
        node = nodes.get(node_id)  # the root file (no `source`) first, then by file, line, column
        return (node.source or "", node.span.line, node.span.column, node_id) if node else ("", 0, 0, node_id)

    first = min(component, key=position)
    inner = nx.DiGraph((u, v) for u in component for v in adjacency.get(u, ()) if v in component)
    # How far each node is from `first`, by one walk back from it: a menu that every other menu
    # offers again has thousands of successors, and a path searched from each was quadratic.
    back_to_first = nx.single_source_shortest_path_length(inner.reverse(copy=False), first)
    successors = sorted((s for s in inner.successors(first) if s in back_to_first), key=position)
    if not successors:
        return [first, first]
    nearest = min(successors, key=lambda s: 0 if s == first else back_to_first[s] + 1)  # the earliest of the nearest
    path = [first] if nearest == first else [first, *nx.shortest_path(inner, nearest, first)[:-1]]
    return path + [first]


#: The messages a call has heard, newest first: (message, the chain before it).
_Heard = tuple[str, "_Heard"] | None


def opening(out: Adjacency, entry: str, nodes: Mapping[str, Node | None],
             clock: Clock) -> dict[str, tuple[float, tuple[str, ...]]]:
    """The menus a call starts at: reached from the entry through the nodes a caller passes without
    choosing (messages, branches, inputs: model.PASSED_THROUGH); only messages count as heard before."""
    # The messages heard are kept as a chain of (message, the chain before it), made a tuple only
    # for a menu found: copying the tuple at every message made 30,000 messages in a row quadratic.
    found: dict[str, tuple[float, _Heard]] = {}
    stack: list[tuple[str, float, _Heard]] = [(entry, 0.0, None)]
    seen: set[str] = set()
    while stack:
        node_id, waited, heard = stack.pop()
        node = nodes.get(node_id)
        if node is None or node_id in seen:
            continue
        seen.add(node_id)
        if node.type is NodeType.MENU:
            found[node_id] = (waited, heard)
            continue
        if node.type is NodeType.MESSAGE:
            waited += clock.prompt(node)
            heard = (node_id, heard)
        elif node.type not in PASSED_THROUGH:
            continue
        stack += [(t, waited, heard) for t, attrs in out[node_id] if attrs["kind"] in ROUTING]
    return {menu_id: (waited, _unchained(heard)) for menu_id, (waited, heard) in found.items()}


def _unchained(heard: _Heard) -> tuple[str, ...]:
    """A chain of (message, the chain before it) as the messages in the order heard."""
    messages: list[str] = []
    while heard is not None:
        messages.append(heard[0])
        heard = heard[1]
    return tuple(reversed(messages))
