"""Which choices wind a call up (back to a main menu, up the tree, goodbye) rather than open a task.

A closing menu ("Anything else? For the main menu, press 1. To finish, press 2.") and a
closing choice ("Something else", "That's all") name no task of their own: the tasks are
named in the menu they lead back to, and a goodbye has none. A menu heard only after a
self-service step has done the errand (after-service), or only because a person is closed with
nobody live left to reach (after-hours), holds no caller in the middle of a task.
Rules that judge labels (L302), the depth of the tree (S105), hang-ups after failed
attempts (R503) and navigation keys (L304) read them from the graph here, not from their words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterator

from ivrcheck.graph.analysis import is_live_human
from ivrcheck.graph.build import CHOICE, ROUTING, SILENT
from ivrcheck.model import Node, NodeType

if TYPE_CHECKING:
    from ivrcheck.graph.analysis import Analysis
    from ivrcheck.graph.line import LineAnalysis


def closing_choice(line: LineAnalysis, node: Node, key: str) -> bool:
    """Whether option `key` of menu `node` only winds the call up, in every state it is heard in."""
    found = False
    for analysis in line.states.values():
        for target, attrs in analysis.edges_from(node.id):
            if attrs["kind"] not in CHOICE or attrs.get("press") != key:
                continue
            if not _winds_up(_walks(line, analysis), node.id, target, {node.id}):
                return False
            found = True
    return found


def closing_menu(line: LineAnalysis, analysis: Analysis, node_id: str) -> bool:
    """Whether every choice of a menu winds the call up, but for 0 to a person ("Anything else? ...
    To speak to a nurse, press 0"). Every menu of the state is weighed at the first question."""
    node = line.menu.nodes.get(node_id)
    if node is None or node.type is not NodeType.MENU or not node.options:
        return False
    walks = _walks(line, analysis)
    if node_id not in walks.closing:
        walks.weigh_all()
    known = walks.closing.get(node_id)
    return walks.weigh(node) if known is None else known


def winding_up_menu(line: LineAnalysis, node_id: str) -> bool:
    """Whether a menu is, in every state it is heard in, a closing menu ("Anything else? ...
    Otherwise you can hang up"), a menu heard only after a self-service step did the errand or after
    a message the caller chose (offering nothing new), or an after-hours menu with nobody live to
    reach: a caller here is not in the middle of a task.
    Asked of every menu by three rules, so answered once per menu (`LineAnalysis.winding_up`)."""
    known = line.winding_up
    if node_id not in known:
        known[node_id] = _winding_up(line, node_id)
    return known[node_id]


def _winding_up(line: LineAnalysis, node_id: str) -> bool:
    heard = [analysis for analysis in line.states.values() if node_id in analysis.reachable]
    return bool(heard) and all(closing_menu(line, analysis, node_id) or after_service_menu(analysis, node_id)
                               or after_told_menu(analysis, node_id) or after_hours_menu(analysis, node_id)
                               for analysis in heard)


def after_service_menu(analysis: Analysis, node_id: str) -> bool:
    """Whether a menu is only heard once an errand is done: every way in comes, with no key pressed,
    from a self-service step (through messages), as in "Your refill is ordered. To refill another,
    press 1. If you're done, you can hang up." A caller here is not in the middle of a task."""
    return _menu_arrived(analysis, node_id, lambda source, kind: source.type is NodeType.SELF_SERVICE)


def after_told_menu(analysis: Analysis, node_id: str) -> bool:
    """Whether a menu is heard only after a message the caller chose with a key (the prices, the
    hours, an outage notice: through messages) and offers nothing new: each choice reaches a
    person or a promise, replays what came before, goes back up or hangs up ("Si desea hablar con
    recepción, oprima 0. Si no, puede colgar"). The message was the errand; the caller is done
    unless they ask for more. Not a menu with a task of its own ("9: English" -> a welcome -> the
    English menu)."""
    node = analysis.nodes.get(node_id)
    if node is None or node.type is not NodeType.MENU or not node.options or node_id in analysis.opening_menus \
            or not _arrived(analysis, node_id, lambda source, kind: False, {node_id}, told=True):
        return False
    here = analysis.steps.get(node_id)
    for option in node.options:
        ref = option.target.ref if option.target is not None else None
        target = analysis.nodes.get(ref) if ref else None
        if ref in (None, "repeat", "back", node_id) or (target is not None and (
                target.is_person or target.is_promise or target.type is NodeType.HANGUP)):
            continue
        there = analysis.steps.get(ref) if ref else None
        if ref in analysis.nodes and analysis.routes_to_menu(ref, node_id):
            continue  # a replay of what came before, back to this menu
        if here is None or there is None or there >= here:
            return False
    return True


def after_hours_menu(analysis: Analysis, node_id: str) -> bool:
    """Whether a menu is only heard because a person is closed (every way in is a `closed:` fallback,
    through messages) and none of the line's own staff (an `agent`) can be reached from it in this
    state: it offers what is left (a callback, a message, the hours, a transfer to an outside
    helpline such as 1177 or 116 117), not a way through a task."""
    return closed_fallback_menu(analysis, node_id) and \
        not any(n is not None and n.type is NodeType.AGENT and is_live_human(n, analysis.state)
                for n in map(analysis.nodes.get, analysis.within(node_id)))


def closed_fallback_menu(analysis: Analysis, node_id: str) -> bool:
    """Whether a menu is only heard because a person is closed: every way in is a `closed:` fallback,
    through messages. The caller has heard the person is away and what is offered instead. Never a menu
    calls open on (the entry, a main menu reached with no key pressed), whatever else leads into it."""
    return node_id not in analysis.opening_menus and \
        _menu_arrived(analysis, node_id, lambda source, kind: kind == "closed" and source.is_person)


def _menu_arrived(analysis: Analysis, node_id: str, comes: Callable[[Node, str], bool]) -> bool:
    node = analysis.nodes.get(node_id)
    return node is not None and node.type is NodeType.MENU and _arrived(analysis, node_id, comes, {node_id})


def _arrived(analysis: Analysis, node_id: str, comes: Callable[[Node, str], bool], seen: set[str],
             told: bool = False) -> bool:
    """Whether every way into `node_id` (other than a repeat or a silent retry) is one `comes` accepts,
    or a message every way into which is (a worklist, not recursion: messages may chain by thousands);
    with `told`, a message a caller chose with a key counts as arrived."""
    waiting = [node_id]
    while waiting:
        current = waiting.pop()
        arrivals = [(source, attrs["kind"]) for source, attrs in analysis.edges_into(current)
                    if source != current and attrs["kind"] not in SILENT]
        if not arrivals:
            return False
        for source, kind in arrivals:
            node = analysis.nodes.get(source)
            if told and kind in CHOICE and current != node_id:
                continue  # a message chosen with a key: the errand the menu comes after
            if node is None or kind not in ROUTING:
                return False
            if node.type is NodeType.MESSAGE and kind == "next":
                if source not in seen:
                    seen.add(source)
                    waiting.append(source)
            elif not comes(node, kind):
                return False
    return True


class _Walks:
    """One state's closing walks. Where a node settles and which choices a menu offers do not depend
    on the walk, so each is read once; the closing menus are weighed in one pass, menus below before
    menus above, and a menu that is no closing menu is remembered in `analysis.opens_tasks`: walked
    into from above with more menus already weighed, it fails at the same place or sooner. So a ring
    or chain of thousands of menus is walked a few times, not once per menu in it."""

    def __init__(self, line: LineAnalysis, analysis: Analysis) -> None:
        self.line, self.analysis = line, analysis
        self.settled: dict[str, str] = {}
        self.offered: dict[str, list[tuple[str, dict]] | None] = {}
        self.closing: dict[str, bool] = {}

    def settle(self, node_id: str) -> str:
        """Where a call at `node_id` goes on by itself through messages and branches."""
        found = self.settled.get(node_id)
        if found is None:
            found = _settle_all(self.analysis, node_id, self.settled)
        return found

    def choices(self, node: Node) -> Iterator[tuple[str, dict]] | None:
        """A menu's choices (repeats and replays aside), or None when none leads back into the line or the menu
        is known to open a task."""
        if node.id in self.analysis.opens_tasks:
            return None
        if node.id not in self.offered:
            # a replay of what led here that comes back, through messages, to the menu ("Kuuntele tiedot
            # uudelleen") is a repeat too
            choices = [(t, a) for t, a in self.analysis.edges_from(node.id) if a["kind"] in CHOICE and t != node.id
                       and self.settle(t) != node.id]
            back = any(self.upward(node.id, self.settle(t)) for t, _ in choices)
            self.offered[node.id] = choices if back else None
        offered = self.offered[node.id]
        return None if offered is None else iter(offered)

    def upward(self, source: str, target: str) -> bool:
        return _upward(self.line, self.analysis, source, target)

    def weigh(self, node: Node) -> bool:
        """Whether `node` is a closing menu, remembered; a menu that is not opens a task whatever the way in."""
        closes = self.closing[node.id] = _all_wind_up(self, node, {node.id})
        if not closes:
            self.analysis.opens_tasks.add(node.id)
        return closes

    def weigh_all(self) -> None:
        """Weigh every menu with options, each after the menus its choices lead down to."""
        nodes = self.analysis.nodes
        for node_id in self._below_first([n for n in self.analysis.out if _is_menu(nodes.get(n))]):
            if node_id not in self.closing:
                self.weigh(nodes[node_id])

    def _below_first(self, menus: list[str]) -> list[str]:
        """The menus in depth-first post-order of the choices that lead down to a menu."""
        order: list[str] = []
        done: set[str] = set()
        for root in menus:
            if root in done:
                continue
            done.add(root)
            stack = [(root, iter(self._down(root)))]
            while stack:
                below = next(stack[-1][1], None)
                if below is None:
                    order.append(stack.pop()[0])
                elif below not in done:
                    done.add(below)
                    stack.append((below, iter(self._down(below))))
        return order

    def _down(self, menu: str) -> list[str]:
        nodes = self.analysis.nodes
        return [s for s in (self.settle(t) for t, a in self.analysis.edges_from(menu) if a["kind"] in CHOICE)
                if s != menu and _is_menu(nodes.get(s)) and not self.upward(menu, s)]


def _walks(line: LineAnalysis, analysis: Analysis) -> _Walks:
    if analysis.closing is None:
        analysis.closing = _Walks(line, analysis)
    return analysis.closing


def _is_menu(node: Node | None) -> bool:
    return node is not None and node.type is NodeType.MENU and bool(node.options)


def _winds_up(walks: _Walks, source: str, target: str, seen: set[str]) -> bool:
    """Back to a main menu (reached with no key pressed) or up to a menu nearer the entry; goodbye;
    or on to a closing menu; after any messages and branches on the way."""
    step = _step(walks, source, target, seen)
    return step if isinstance(step, bool) else _all_wind_up(walks, step, seen)


def _step(walks: _Walks, source: str, target: str, seen: set[str]) -> bool | Node:
    """Whether the choice from `source` to `target` winds up, or the menu it leads to, to be weighed next."""
    target = walks.settle(target)
    node = walks.analysis.nodes.get(target)
    if node is None or target in seen:  # a way round to a menu already weighed is no way out
        return False
    if walks.upward(source, target):
        return True
    if node.type is NodeType.HANGUP or (node.type is NodeType.MESSAGE and not walks.analysis.edges_from(target)):
        return True
    if node.type is not NodeType.MENU or not node.options:
        return False
    seen.add(target)
    return node


def _upward(line: LineAnalysis, analysis: Analysis, source: str, target: str) -> bool:
    """Whether `target` is a main menu (reached with no key pressed) or a menu nearer the entry."""
    node = analysis.nodes.get(target)
    if node is None or node.type is not NodeType.MENU:
        return False
    here, there = analysis.steps.get(source), analysis.steps.get(target)
    return target in line.opening_menus or there == 0 or (here is not None and there is not None and there < here)


def _settle_all(analysis: Analysis, node_id: str, settled: dict[str, str]) -> str:
    """Where a call at `node_id` goes on by itself through messages and branches, for it and for every
    node passed on the way, into `settled`: the options of a menu into a ring of thousands of messages
    would each walk the ring. A node on a ring settles
    where it is (the walk stops where it began again); a node leading into a ring, where it meets it."""
    path: list[str] = []
    passed: dict[str, int] = {}
    while node_id not in settled:
        if node_id in passed:  # a ring: the nodes before it settle where they meet it, the ring's own where they are
            meet = passed[node_id]
            settled.update((n, node_id) for n in path[:meet])
            settled.update((n, n) for n in path[meet:])
            return settled[path[0]]
        passed[node_id] = len(path)
        path.append(node_id)
        node = analysis.nodes.get(node_id)
        onward = [t for t, a in analysis.edges_from(node_id) if a["kind"] in ROUTING] \
            if node is not None and node.type in (NodeType.MESSAGE, NodeType.BRANCH) else []
        if not onward:
            settled.update((n, node_id) for n in path)
            return node_id
        node_id = onward[0]
    end = settled[node_id]
    settled.update((n, end) for n in path)
    return settled[path[0]] if path else end


def _all_wind_up(walks: _Walks, node: Node, seen: set[str]) -> bool:
    """Every choice winds up (0 to a person aside), and one at least leads back into the line: a menu
    that can only end the call is a last task ("For our website, press 1"), not a closing menu.

    Depth first, in the order of the choices, with a stack rather than recursion: a chain of
    thousands of menus is as deep. A choice that fails where no menu already weighed is involved
    fails whatever the way in, so its menus are remembered in `analysis.opens_tasks`."""
    analysis = walks.analysis
    stack = [(node.id, walks.choices(node))]
    while stack:
        source, choices = stack[-1]
        choice = next(choices, None) if choices is not None else None
        if choices is None or choice is None:
            stack.pop()
            if choices is None:
                return _opens(analysis, stack, source)
            continue
        target, attrs = choice
        step = _step(walks, source, target, seen)
        if isinstance(step, Node):
            stack.append((step.id, walks.choices(step)))
        elif not step and not (attrs.get("press") == "0" and _is_person(analysis, target)):
            return _opens(analysis, stack, source, seen_made=walks.settle(target) in seen)
    return True


def _opens(analysis: Analysis, walks: list, source: str, seen_made: bool = False) -> bool:
    """False: the walk failed at `source`; unless a menu already weighed made it fail, `source` and
    every menu above it on the walk open a task whatever the way in."""
    if not seen_made:
        analysis.opens_tasks.update(menu for menu, _ in walks)
        analysis.opens_tasks.add(source)
    return False


def _is_person(analysis: Analysis, node_id: str) -> bool:
    node = analysis.nodes.get(node_id)
    return node is not None and node.is_person
