"""Weighted time: how long callers spend before they land, averaged over the whole line.

Callers are spread over each menu's options by `weight:` (order.shares; uniform over the
options when a menu gives none). A caller with a goal never picks repeat or back, nor an
option that returns to a menu they already passed, so every journey runs forward and ends:
at a goal (a person, or a task's node), or at another place where the call is handled.
Each option costs what the prompt takes until it is offered (graph.clock.edge_seconds),
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

from typing import Mapping, Sequence

from ivrcheck.callers.order import split
from ivrcheck.graph import Analysis, LineAnalysis
from ivrcheck.graph.build import CHOICE, ROUTING
from ivrcheck.graph.walks import upstream
from ivrcheck.model import PASSED_THROUGH, NodeType
from ivrcheck.records import record

_NONE = (0.0, 0.0, 0.0, None)
# Enum members read once (a class attribute lookup each time on Python 3.11; these run per node).
_MENU, _SELF_SERVICE = NodeType.MENU, NodeType.SELF_SERVICE
_ROUTED = PASSED_THROUGH  # nodes a caller passes without choosing (model.py)


@record
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
    memo = _walk(line, analysis, goals, {} if seconds is None else seconds)
    share, expected, weighted, worst = memo.get(line.menu.entry.ref, _NONE)
    return Journey(round(share, 3), round(expected, 1), round(weighted / share, 1) if share > 0 else None,
                   None if worst is None else round(worst, 1))


def _walk(line: LineAnalysis, analysis: Analysis, goals: frozenset[str] | set[str],
          cache: dict[tuple[str, str], float], within: set[str] | None = None,
          outside: Sequence[Mapping[str, float | None]] = ()) -> dict[str, tuple[float, float, float, float | None]]:
    """Each walked node's (share reaching a goal, expected seconds, expected seconds x reached, worst
    seconds to a goal). With `within`, nodes outside it are not walked: their worst time is the
    largest `outside` gives them, which `Worst` makes sure is theirs (share and expected then
    count only the nodes walked)."""
    memo: dict[str, tuple[float, float, float, float | None]] = {}
    stack: list[tuple[str, list[tuple[str, float, float]] | None]] = [(line.menu.entry.ref, None)]
    on_stack: set[str] = set()
    while stack:
        node_id, ways = stack.pop()
        if ways is None:
            if node_id in memo or node_id in on_stack:
                continue
            if within is not None and node_id not in within:
                known = [w for w in (o.get(node_id) for o in outside) if w is not None]
                memo[node_id] = (0.0, 0.0, 0.0, max(known)) if known else _NONE
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
    return memo


class Worst:
    """Each task's worst time (`journey(...).worst`) in one state, without a whole walk per task.

    Three facts keep every number as the whole walk gives it:

    - The walk only follows options and routing, and never onto a node it stands in; it stands in
      every dominator of the node it weighs (every way from the entry to that node passes them).
      So an edge into a dominator of its source (`#` to the main menu, a message back to its menu)
      is never taken, and a node with no way to a goal over the other edges has no worst time.
      The walks it would start hold no node that has one, so the walk leaves those nodes out.
    - A goal where callers land anyway (an agent, a hang-up: no way on), or one whose only ways on
      lead to such places (a message before an agent), does not change the order of the walk or
      what it weighs at each node, only the values: one walk serves every set of such goals.
    - So the worst time to a node where callers land is worked out once per state, for every node
      at once, and a task's worst time is the largest of its goals', with the nodes that lead to
      its other goals walked again.
    """

    def __init__(self, line: LineAnalysis, analysis: Analysis, seconds: dict[tuple[str, str], float]) -> None:
        self.line, self.analysis, self.seconds = line, analysis, seconds
        kinds = CHOICE | ROUTING
        into: dict[str, list[str]] = {}
        self.successors: dict[str, list[str]] = {}
        for source, edges in analysis.out.items():
            for target, attrs in edges:
                if attrs["kind"] in kinds:
                    into.setdefault(target, []).append(source)
                    self.successors.setdefault(source, []).append(target)
        entry = line.menu.entry.ref
        idom = _dominators(self.successors, into, entry) if entry in analysis.out else {}
        self.span = _spans(idom, entry)
        #: Predecessors over the edges the walk may take (into a dominator: never), kept once per state.
        self.into = {target: [s for s in sources if not self.dominates(target, s)] for target, sources in into.items()}
        #: Per goal where callers land: the worst seconds from each node that leads there.
        self.single: dict[str, dict[str, float]] = {}

    def __call__(self, goals: frozenset[str] | set[str]) -> float | None:
        landing = [g for g in goals if self._lands(g)]
        if len(landing) < len(goals) and not all(self._lands(g) or self._neutral(g) for g in goals):
            return self._round(self._walk(goals, self.towards(goals)).get(self.line.menu.entry.ref, _NONE)[3])
        known = [self._single(g) for g in landing]
        rest = goals - set(landing)
        if not rest:
            found = [w for w in (k.get(self.line.menu.entry.ref) for k in known) if w is not None]
            return self._round(max(found) if found else None)
        memo = self._walk(goals, self.towards(rest), known)
        return self._round(memo.get(self.line.menu.entry.ref, _NONE)[3])

    @staticmethod
    def _round(worst: float | None) -> float | None:
        return None if worst is None else round(worst, 1)

    def _single(self, goal: str) -> dict[str, float]:
        if goal not in self.single:
            memo = self._walk({goal}, self.towards({goal}))
            self.single[goal] = {n: w for n, (_, _, _, w) in memo.items() if w is not None}
        return self.single[goal]

    def _walk(self, goals: frozenset[str] | set[str], within: set[str],
              outside: Sequence[Mapping[str, float | None]] = ()) -> dict[str, tuple[float, float, float, float | None]]:
        return _walk(self.line, self.analysis, goals, self.seconds, within, outside)

    def _lands(self, node_id: str) -> bool:
        """Whether the walk ends at this node whether or not it is a goal (`_ways` gives no way on)."""
        node = self.analysis.nodes.get(node_id)
        return node is None or node.type is not _MENU and node.type not in _ROUTED and (
            node.type is _SELF_SERVICE
            or not any(a["kind"] == "closed" for _, a in self.analysis.edges_from(node_id)))

    def _neutral(self, node_id: str) -> bool:
        """Whether every way on from this node ends where callers land: weighing it or not changes
        nothing else in the walk."""
        return all(t == node_id or self._lands(t) for t in self.successors.get(node_id, ()))

    def dominates(self, ancestor: str, node_id: str) -> bool:
        """Whether every way from the entry to `node_id` passes `ancestor` (False for a node no way reaches)."""
        outer, inner = self.span.get(ancestor), self.span.get(node_id)
        return outer is not None and inner is not None and outer[0] <= inner[0] and inner[1] <= outer[1]

    def towards(self, goals: frozenset[str] | set[str]) -> set[str]:
        """The goals and every node with a way into one over the edges the walk may take."""
        return upstream(self.into, goals)


def _spans(idom: dict[str, str], entry: str) -> dict[str, tuple[int, int]]:
    """(first, last) number of each node's subtree in the dominator tree: `a` dominates `b` when
    `b`'s span lies within `a`'s, a constant-time test."""
    children: dict[str, list[str]] = {}
    for node_id, up in idom.items():
        if node_id != up:
            children.setdefault(up, []).append(node_id)
    spans: dict[str, tuple[int, int]] = {}
    if entry not in idom:
        return spans
    count, stack = 0, [(entry, False)]
    first: dict[str, int] = {}
    while stack:
        node_id, done = stack.pop()
        if done:
            spans[node_id] = (first[node_id], count)
            continue
        count += 1
        first[node_id] = count
        stack.append((node_id, True))
        stack.extend((child, False) for child in children.get(node_id, ()))
    return spans


def _dominators(successors: dict[str, list[str]], into: dict[str, list[str]], entry: str) -> dict[str, str]:
    """Immediate dominator of every node reached from `entry` (the entry's is itself), by the
    iterative algorithm of Cooper, Harvey and Kennedy ("A simple, fast dominance algorithm")."""
    order: list[str] = []  # postorder
    seen, stack = {entry}, [(entry, iter(successors.get(entry, ())))]
    while stack:
        node_id, pending = stack[-1]
        step = next(pending, None)
        if step is None:
            stack.pop()
            order.append(node_id)
        elif step not in seen:
            seen.add(step)
            stack.append((step, iter(successors.get(step, ()))))
    rank = {n: i for i, n in enumerate(order)}
    idom = {entry: entry}
    changed = True
    while changed:
        changed = False
        for node_id in reversed(order):
            if node_id == entry:
                continue
            new: str | None = None
            below: set[str] = set()
            for source in into.get(node_id, ()):
                if source in idom:
                    new = source if new is None else _meet(source, new, idom, rank, below)
            if new is not None and idom.get(node_id) != new:
                idom[node_id] = new
                changed = True
    return idom


def _meet(a: str, b: str, idom: dict[str, str], rank: dict[str, int], below: set[str]) -> str:
    """The nearest common dominator of `a` and `b` (the two fingers of Cooper, Harvey and Kennedy).

    `below` holds the nodes earlier fingers of the same node passed, all under `b`: a finger that
    reaches one of them is under `b` too, and stops there. Without it a node with thousands of ways
    in (the agent every menu of a long chain offers) walked from each of them up to the top.
    """
    top, passed = b, []
    while a != b:
        while rank[a] < rank[b]:
            if a in below:
                below.update(passed)
                return top
            passed.append(a)
            a = idom[a]
        while rank[b] < rank[a]:
            b = idom[b]
    below.update(passed)
    return a


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
        weights = split(node, options)
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
