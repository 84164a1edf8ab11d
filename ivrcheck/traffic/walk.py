"""One finished call walked against the design: the menu it waits in, and what each record means there."""

from __future__ import annotations

from typing import Mapping

from ivrcheck.model import Menu, Node
from ivrcheck.traffic.counts import MenuCount, StateCount
from ivrcheck.traffic.events import AGENT, ENTER, HANGUP, INVALID, KEY, TIMEOUT, Event


class Walk:
    """One call's walk: the menu it waits in, and what each record means there."""

    def __init__(self, menu: Menu, targets: Mapping[str, dict[str, str]], count: StateCount) -> None:
        #: Each menu's moves: target node -> the key that leads there (`moves`).
        self.menu, self.targets, self.count = menu, targets, count
        #: The position in the call of the record where a person answered, if one did.
        self.agent: int | None = None
        self.at: str | None = None        # the menu the caller is in, until they leave it
        self.waiting = False              # whether that menu still waits for the caller's choice
        self.last: str | None = None      # the last node the call was at
        self.seen: set = set()            # menus (and menu, timeout/invalid) this call has met: once each

    def run(self, path: list[tuple[Event, str | None]]) -> None:
        for at, (event, node_id) in enumerate(path):
            kind = event[2]
            if kind == ENTER and node_id is not None:
                self._enter(node_id)
            elif kind == KEY:
                self._key(node_id or self.at, event[4])
            elif kind in (TIMEOUT, INVALID):
                where = node_id or self.at
                if where in self.targets:
                    menu = self._visit(where)
                    if (where, kind) not in self.seen:  # a caller counts once per menu and way of getting lost
                        self.seen.add((where, kind))
                        self._lost(where, menu)
                        if kind == TIMEOUT:
                            menu.timeouts += 1
                        else:
                            menu.invalids += 1
                    self.at, self.waiting = where, True  # the menu plays again and waits for a choice
            elif kind == AGENT:
                if node_id is not None:
                    self._enter(node_id)
                self.agent = at
                return
            elif kind == HANGUP:
                if self.at is not None and self.waiting:
                    menu = self.count.menu(self.at)
                    menu.hangups += 1
                    self._lost(self.at, menu)
                return

    def _enter(self, node_id: str) -> None:
        moves = self.targets
        if self.at is not None and self.waiting and node_id != self.at:
            key = moves[self.at].get(node_id)
            if key is not None:
                self.count.menu(self.at).keys[key] += 1
            else:
                self.count.undesigned[(self.at, node_id)] += 1
        elif self.last is not None and self.last != node_id and not self.waiting and self.at is None:
            if node_id not in next_of(self.menu.nodes.get(self.last)):
                self.count.undesigned[(self.last, node_id)] += 1
        self.last = node_id
        if node_id in moves:
            self._visit(node_id)
            self.at, self.waiting = node_id, True
        else:
            self.at, self.waiting = None, False

    def _visit(self, menu_id: str) -> MenuCount:
        menu = self.count.menu(menu_id)
        if menu_id not in self.seen:
            self.seen.add(menu_id)
            menu.visits += 1
        return menu

    def _lost(self, menu_id: str, menu: MenuCount) -> None:
        if (menu_id, "lost") not in self.seen:
            self.seen.add((menu_id, "lost"))
            menu.lost += 1

    def _key(self, menu_id: str | None, key: str) -> None:
        if menu_id is None or menu_id not in self.targets:
            return
        menu = self._visit(menu_id)
        if key not in self.targets[menu_id].values():
            self.count.undesigned[(menu_id, f"key {key}")] += 1
        menu.keys[key] += 1
        if key == "0":
            self._lost(menu_id, menu)
        self.waiting = False
        self.at = menu_id


def moves(node: Node) -> dict[str, str]:
    """Target node -> the key that leads there (the first option, when several lead to one place)."""
    found: dict[str, str] = {}
    for option in node.options:
        if option.target is not None:
            ref = node.id if option.target.ref == "repeat" else option.target.ref
            found.setdefault(ref, option.key)
    return found


def next_of(node: Node | None) -> set[str]:
    return {t.ref for t in node.targets()} if node is not None else set()
