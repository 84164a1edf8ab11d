"""What callers did at each menu, in each schedule state: the counts every reader and the warehouse fill."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class MenuCount:
    """What callers did at one menu in one state."""

    visits: int = 0
    keys: Counter = field(default_factory=Counter)
    timeouts: int = 0
    invalids: int = 0
    hangups: int = 0
    #: Callers who got lost here in any way (timed out, pressed a wrong key or 0, hung up), once each.
    lost: int = 0

    def add(self, other: MenuCount) -> None:
        self.lost += other.lost
        self.visits += other.visits
        self.keys.update(other.keys)
        self.timeouts += other.timeouts
        self.invalids += other.invalids
        self.hangups += other.hangups


@dataclass
class StateCount:
    """Every menu's counts in one schedule state, and the seconds callers took to reach a person."""

    calls: int = 0
    menus: dict[str, MenuCount] = field(default_factory=dict)
    to_person: Counter = field(default_factory=Counter)
    #: Moves the design has no edge for: (from node, to node or "key N") -> calls.
    undesigned: Counter = field(default_factory=Counter)

    def menu(self, node_id: str) -> MenuCount:
        found = self.menus.get(node_id)
        if found is None:
            found = self.menus[node_id] = MenuCount()
        return found
