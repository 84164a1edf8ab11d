"""Graph facts computed once per schedule state and shared by every rule, the score and the metrics."""

from __future__ import annotations

import heapq
from collections import deque
from dataclasses import dataclass, field
from functools import cached_property
from typing import AbstractSet, Any, Mapping

from ivrcheck.graph import carried
from ivrcheck.graph.build import CHOICE, CLOSED, OPEN, ROUTING, SILENT
from ivrcheck.graph.clock import Clock
from ivrcheck.graph.routed import Routed, routed
from ivrcheck.graph.walks import (Adjacency, Step, Tree, closed_cycles, descendants, fastest, opening,
                                  routes_into, spanning_tree, steps_from, upstream)
from ivrcheck.model import TERMINAL, Menu, Node, NodeType

# Enum members read once: `NodeType.X` is a class attribute lookup (dearer than the test it
# feeds on Python 3.11), and the tests below run for every node or edge of a line.
_HANGUP, _SELF_SERVICE = NodeType.HANGUP, NodeType.SELF_SERVICE
_WAITS = frozenset({NodeType.MENU, NodeType.INPUT})
_NONE: frozenset[str] = frozenset()
#: Menus with more edges than this have their choices indexed by key (Analysis.pressed).
_INDEXED = 32


def is_live_human(node: Node, state: str) -> bool:
    """An agent, or a transfer a person answers, that is staffed in this state."""
    return (state == OPEN or not node.closes) and node.is_person


def is_unknown_person(node: Node, state: str) -> bool:
    """A hand-off whose answerer the file cannot show (`human: unknown`), open in this state."""
    return (state == OPEN or not node.closes) and node.person_unknown


def counts_as_human(node: Node, state: str) -> bool:
    """Live humans, and outside hours also a callback or voicemail (SPEC §2)."""
    if is_live_human(node, state):
        return True
    return state == CLOSED and node.is_promise


def is_end(node: Node | None, state: str = OPEN) -> bool:
    """A node where a call legitimately ends or leaves this file.

    Outside hours a human with a `closed` target is no end: the call moves on to that target.
    """
    if node is None:  # a node in another file
        return True
    if state == CLOSED and node.closes and node.closed is not None:
        return False
    return node.type in TERMINAL or (node.type is _SELF_SERVICE and node.next is None)


@dataclass
class Analysis:
    """What one schedule state of a phone line looks like to a caller."""

    state: str
    entry: str
    #: Every node of the graph by id; None for a node of another file that could not be merged.
    nodes: Mapping[str, Node | None]
    reachable: frozenset[str]
    humans: frozenset[str]
    human_like: frozenset[str]
    #: Hand-offs whose answerer is unknown (`human: unknown`): neither a person nor proof of none.
    unknown_people: frozenset[str]
    #: Nodes from which a live human follows with no further choice (via routing edges).
    to_live: frozenset[str]
    #: The same, counting callback and voicemail outside hours.
    to_human: frozenset[str]
    #: Nodes from which a hand-off of unknown answerer follows with no further choice.
    to_unknown: frozenset[str]
    steps: dict[str, int]
    path_to_human: list[Step] | None
    seconds_to_human: float | None
    fallback_to_human: bool
    fallback_seconds: float | None
    traps: list[list[str]] = field(default_factory=list)
    #: Cycles a caller who presses nothing goes round for ever: timeouts, retries, `closed:`, messages.
    silent_traps: list[list[str]] = field(default_factory=list)
    #: Successor lists of this state: (target, edge attributes), fast to walk.
    out: dict[str, list[tuple[str, dict[str, Any]]]] = field(default_factory=dict, repr=False)
    #: Predecessor lists of this state, (source, edge attributes) in the order `out` lists the
    #: edges: made once per state (walks.adjacencies) and read by every walk that steps back.
    into: dict[str, list[tuple[str, dict[str, Any]]]] = field(default_factory=dict, repr=False)
    #: Menus a call meets first, with no choice made (through messages and branches), with the
    #: seconds of messages heard before each and those messages' ids.
    opening: dict[str, tuple[float, tuple[str, ...]]] = field(default_factory=dict)
    #: Menus graph/closing.py found to open a task whatever the way in (kept so that weighing every
    #: menu of a long chain walks each once, not once per menu above it).
    opens_tasks: set[str] = field(default_factory=set, repr=False, compare=False)
    #: The open-hours state's tree, set on the other states of a line with hours (graph.analyse): the
    #: line's errands as designed. A closed-hours call may reach the main menu only after an errand,
    #: which this state's own tree would put below it.
    errand_tree: Tree | None = field(default=None, repr=False, compare=False)
    #: graph/closing.py's walks of this state, kept between questions: where each node settles,
    #: each menu's choices, and which menus are closing menus (all answered in one pass).
    closing: Any = field(default=None, repr=False, compare=False)
    #: menu -> key -> the targets its choice edges of that key reach (`pressed`), made per menu on
    #: first question: asking of every option of a menu of thousands would otherwise walk them all each time.
    _by_key: dict[str, dict[str | None, set[str]]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def opening_menus(self) -> frozenset[str]:
        return frozenset(self.opening)

    @property
    def steps_to_human(self) -> int | None:
        if self.path_to_human is None:
            return None
        return sum(1 for _, edge in self.path_to_human if edge["kind"] in CHOICE)

    @cached_property
    def given_before(self) -> carried.Facts:
        """node -> item -> (node, key) where the caller may have given it on the way here (`collects`)."""
        return carried.given_before(self.out, self.entry, self.nodes, self._below)

    @cached_property
    def given_designed(self) -> carried.Facts:
        """`given_before` over announced routes only: nothing is carried over timeouts, invalid keys, retries."""
        return carried.given_before(self.out, self.entry, self.nodes, self._below, designed=True)

    def _below(self, origin: str, menu: str) -> bool:
        """Whether `menu` lies below `origin` in this state's tree and, where the open-hours tree has
        both, in that one too: going back to the main menu leaves an errand in every state."""
        errands = self.errand_tree
        return self.entry_tree.is_ancestor(origin, menu) and (
            errands is None or origin not in errands.depth or menu not in errands.depth
            or errands.is_ancestor(origin, menu))

    @cached_property
    def entry_tree(self) -> Tree:
        """The spanning tree from the entry (`tree`), kept: what lies below what in this state."""
        return self.tree(self.entry)

    @cached_property
    def language_chosen(self) -> carried.Facts:
        """node -> language -> (menu, key) of the choice that put the call in it, on some path here
        (options with `language:`); empty when the line offers no choice of language."""
        return carried.language_chosen(self.out, self.entry, self.nodes)

    @cached_property
    def reached_unchosen(self) -> frozenset[str]:
        """Nodes a call reaches on some path with no choice of language made on the way."""
        return carried.reached_unchosen(self.out, self.entry)

    def edges_from(self, node_id: str) -> list[tuple[str, dict[str, Any]]]:
        """(target, edge attributes) of every edge leaving `node_id` in this state."""
        return self.out.get(node_id, [])

    @property
    def person_unknown(self) -> bool:
        """No person (nor, outside hours, a promise) is reachable, but a hand-off whose answerer is
        unknown is: whether a caller reaches a person here cannot be told from the file."""
        return self.reachable.isdisjoint(self.human_like) and not self.reachable.isdisjoint(self.unknown_people)

    def option_reaches_human(self, node_id: str, key: str, *, live_only: bool = False) -> bool:
        """Whether choosing `key` in menu `node_id` lands with a human, with no further choice."""
        goal = self.to_live if live_only else self.to_human
        return any(target in goal for target in self.pressed(node_id, key))

    def option_reaches_unknown(self, node_id: str, key: str) -> bool:
        """Whether choosing `key` in menu `node_id` lands, with no further choice, at a hand-off whose
        answerer is unknown: no rule may claim it reaches no person."""
        return bool(self.to_unknown) and any(target in self.to_unknown for target in self.pressed(node_id, key))

    def pressed(self, node_id: str, key: str | None) -> AbstractSet[str]:
        """The targets of the choice edges of `key` leaving menu `node_id` (each once: thousands of
        options may share a key and a target). Only a menu of more edges than a keypad has keys is
        indexed: a dict of sets for every menu of a 10,000-node line cost 6 MiB at its peak."""
        keys = self._by_key.get(node_id)
        if keys is None:
            edges = self.edges_from(node_id)
            if len(edges) <= _INDEXED:
                return {target for target, attrs in edges if attrs["kind"] in CHOICE and attrs.get("press") == key}
            keys = self._by_key[node_id] = {}
            for target, attrs in edges:
                if attrs["kind"] in CHOICE:
                    keys.setdefault(attrs.get("press"), set()).add(target)
        return keys.get(key, _NONE)

    @cached_property
    def routing(self) -> dict[str, Routed]:
        """node -> what a call is routed on to from it with no choice (graph/routed.py), for every node at once."""
        return routed(self.out, self.nodes)

    def only_hangs_up(self, start: str) -> bool:
        """Whether every way on from `start`, with no choice left to the caller, ends the call:
        in a hang-up, or in a message that leads nowhere. A way through an input (the caller keys in
        a PIN, and the line is suspended) serves the caller on, and is no drop."""
        summary = self.routing.get(start)
        if summary is None:  # no edge in or out: it is its own end
            return (node := self.nodes.get(start)) is not None and node.type in (NodeType.HANGUP, NodeType.MESSAGE)
        return summary.has_end and not summary.other_end and not summary.asks

    def route(self, node_id: str) -> list[str] | None:
        """The node ids a call passes from the entry to `node_id` with the fewest key presses, or None."""
        if node_id not in self.steps:
            return None
        path = [node_id]
        while path[-1] != self.entry:
            current, best = path[-1], self.steps[path[-1]]
            previous = next((u for u, attrs in self.into.get(current, ())
                             if u in self.steps and u not in path and attrs["kind"] not in SILENT
                             and self.steps[u] + (1 if attrs["kind"] in CHOICE else 0) == best), None)
            if previous is None:
                return None
            path.append(previous)
        return path[::-1]

    def edges_into(self, node_id: str) -> list[tuple[str, dict[str, Any]]]:
        """(source, edge attributes) of every edge entering `node_id` in this state."""
        return self.into.get(node_id, [])

    def routes_to_menu(self, start: str, menu_id: str) -> bool:
        """Whether menu `menu_id` is among `routed_from(start)`, read off the summary made once per
        state: a ring of 3,000 forms, each a choice of one menu, was walked once per choice."""
        if start == menu_id:
            return True
        node = self.nodes.get(menu_id)
        if node is None or node.type is not NodeType.MENU:
            return menu_id in self.routed_from(start)
        summary = self.routing.get(start)
        return summary is not None and menu_id in summary.menus

    def routed_from(self, start: str) -> list[str]:
        """`start` and every node the call goes on to with no choice left to the caller
        (`next`, cases, `closed`), in the order they are met."""
        seen, order = {start}, [start]
        for node_id in order:
            for target, attrs in self.edges_from(node_id):
                if attrs["kind"] in ROUTING and target not in seen:
                    seen.add(target)
                    order.append(target)
        return order

    def within(self, start: str, depth: int | None = None) -> set[str]:
        """Nodes reachable from `start` in this state, at most `depth` edges away when a depth is given."""
        seen = {start: 0}
        queue = deque([start])
        while queue:
            node = queue.popleft()
            if depth is not None and seen[node] >= depth:
                continue
            for target, _ in self.out.get(node, ()):
                if target not in seen:
                    seen[target] = seen[node] + 1
                    queue.append(target)
        return set(seen)

    def tree(self, root: str) -> Tree:
        """The spanning tree diagrams are laid out on, from `root` (which must be a node)."""
        return spanning_tree(self.out, root, self.nodes)

    @cached_property
    def presses_to_human(self) -> dict[str, tuple[int, str]]:
        """For every node that can reach a person: fewest key presses to one, and which person.

        People are those of `human_like` (outside hours also callback and voicemail); timeouts
        and errors do not count as ways to a person.
        """
        best = {h: (0, h) for h in sorted(self.human_like) if h in self.out}
        queue = [(0, h, h) for h in best]
        heapq.heapify(queue)
        while queue:
            presses, node_id, human = heapq.heappop(queue)
            if (presses, human) > best[node_id]:
                continue
            for source, attrs in self.into.get(node_id, ()):
                if attrs["kind"] in SILENT:
                    continue
                cost = (presses + (1 if attrs["kind"] in CHOICE else 0), human)
                if source not in best or cost < best[source]:
                    best[source] = cost
                    heapq.heappush(queue, (cost[0], source, human))
        return best

    def reaching(self, goal: str) -> set[str]:
        """Nodes from which some path of this state leads to `goal` (and `goal` itself)."""
        return upstream(self._sources, {goal})

    def leading_to(self, goals: set[str] | frozenset[str]) -> set[str]:
        """Nodes from which a caller reaches a goal by choices and routing without going back up:
        every step keeps or grows the fewest key presses from the entry (the goals included)."""
        # Steps back along a predecessor index of those edges, made once per state: a line with
        # many tasks asks this once per task, and rebuilding the reverse edges (or scanning the
        # `#` edges of every menu into the main menu) each time cost the whole line per task.
        return upstream(self._forward_into, goals)

    @cached_property
    def _sources(self) -> dict[str, list[str]]:
        """The predecessor lists without the edges' attributes, for `upstream`."""
        return {target: [source for source, _ in edges] for target, edges in self.into.items()}

    @cached_property
    def _forward_into(self) -> dict[str, list[str]]:
        """Predecessors over the edges `leading_to` follows: choices and routing that keep or grow
        the fewest key presses from the entry."""
        forward, steps = CHOICE | ROUTING, self.steps
        into: dict[str, list[str]] = {}
        for source, edges in self.out.items():
            for target, attrs in edges:
                if attrs["kind"] in forward and steps.get(target, -1) >= steps.get(source, 1 << 30):
                    into.setdefault(target, []).append(source)
        return into


def analyse_read(menu: Menu, state: str, nodes: dict[str, Node | None], out: Adjacency, into: Adjacency,
                 clock: Clock) -> Analysis:
    """Compute the facts for one state from what every state shares: the nodes, this state's
    successor and predecessor lists, and the line's clock."""
    entry = menu.entry.ref
    reachable = descendants(out, entry) if entry in out else frozenset()
    humans = frozenset(n for n, node in nodes.items() if node is not None and is_live_human(node, state))
    human_like = frozenset(n for n, node in nodes.items() if node is not None and counts_as_human(node, state))
    unknown = frozenset(n for n, node in nodes.items() if node is not None and is_unknown_person(node, state))
    path, seconds = fallback_path, fallback_seconds = None, None
    if not humans.isdisjoint(reachable):  # else no search can find one (often so outside hours)
        path, seconds = fastest(out, entry, humans, nodes, clock, ROUTING | CHOICE)
        fallback_path, fallback_seconds = fastest(out, entry, humans, nodes, clock, ROUTING | {"timeout", "retries"})
    return Analysis(
        state=state, entry=entry, nodes=nodes, reachable=reachable, humans=humans, human_like=human_like,
        unknown_people=unknown, to_live=routes_into(into, humans), to_human=routes_into(into, human_like),
        to_unknown=routes_into(into, unknown) if unknown else unknown,
        steps=steps_from(out, entry), path_to_human=path, seconds_to_human=seconds,
        fallback_to_human=fallback_path is not None, fallback_seconds=fallback_seconds,
        traps=_traps(out, into, reachable, nodes, state), out=out, into=into,
        silent_traps=_silent_traps(out, reachable, nodes, state),
        opening=opening(out, entry, nodes, clock),
    )


def _traps(out: Adjacency, into: Adjacency, reachable: frozenset[str], nodes: Mapping[str, Node | None],
           state: str) -> list[list[str]]:
    """Cycles a caller can enter and never leave: no way out but being disconnected or hanging up.

    Being cut off after too many errors is not a way out, so silent edges into a hang-up
    are ignored here. A node from which some way leads to an end is in no trap, so only the
    nodes no end can be reached from (found backwards from the ends) are searched for cycles.
    """
    def exit_edge(kind: str, target: Node | None) -> bool:
        return not (kind in SILENT and target is not None and target.type is _HANGUP)

    ends = [n for n in reachable if is_end(nodes.get(n), state)]
    free, frontier = set(ends), ends
    while frontier:
        target_id = frontier.pop()
        target = nodes.get(target_id)
        for source, attrs in into[target_id]:
            if source not in free and source in reachable and exit_edge(attrs["kind"], target):
                free.add(source)
                frontier.append(source)
    adjacency = {u: {v for v, attrs in out[u] if exit_edge(attrs["kind"], nodes.get(v))}
                 for u in reachable if u not in free}
    return closed_cycles(adjacency, nodes)


def _silent_traps(out: Adjacency, reachable: frozenset[str], nodes: Mapping[str, Node | None],
                  state: str) -> list[list[str]]:
    """Cycles a silent caller (one who presses nothing) goes round for ever in this state.

    From a menu or input the silent caller follows `on_timeout` when it leads elsewhere,
    otherwise `after_retries` (none: the call is dropped, which R503 judges); from messages,
    branches and closed humans the routing edges. A self-service step is an end: what it asks
    of the caller is unknown. A cycle with no silent way out is a trap even when keys would
    lead out of it, because the caller who needs time or cannot press keys never gets out.
    A node from which the silent walk can stop somewhere is in no trap: only the others are
    searched for cycles.
    """
    def silent_next(node_id: str) -> list[str]:
        node = nodes.get(node_id)
        if node is None or node.type is _SELF_SERVICE or is_end(node, state):
            return []
        edges = out[node_id]
        if node.type in _WAITS:
            onward = [v for v, attrs in edges if attrs["kind"] == "timeout" and v != node_id]
            return onward or [v for v, attrs in edges if attrs["kind"] == "retries"]
        return [v for v, attrs in edges if attrs["kind"] in ROUTING]

    into: dict[str, list[str]] = {}
    free: list[str] = []  # where the silent walk can stop: no silent way on
    for u in reachable:
        stuck = True
        for v in silent_next(u):
            if v in reachable:
                into.setdefault(v, []).append(u)
                stuck = False
        if stuck:
            free.append(u)
    escape, frontier = set(free), free
    while frontier:
        for source in into.get(frontier.pop(), ()):
            if source not in escape:
                escape.add(source)
                frontier.append(source)
    return closed_cycles({u: {v for v in silent_next(u) if v in reachable} for u in reachable if u not in escape},
                          nodes)
