"""What a call reaches from each node with no choice left to it, summed up once per state:
a chain of thousands of closed people, each falling back to the next, was walked from each one."""

from __future__ import annotations

from typing import Mapping

from ivrcheck.graph.build import ROUTING
from ivrcheck.graph.walks import Adjacency, components
from ivrcheck.model import Node, NodeType
from ivrcheck.records import record


@record(slots=True)
class Routed:
    """Of the nodes a call is routed on to from one node (itself included): whether some of them
    lead nowhere further (ends), whether any such end is other than a hang-up or a message,
    which of them are menus, and whether one asks the caller for input."""

    has_end: bool
    other_end: bool
    menus: frozenset[str]
    #: Whether an input is among them: the caller is asked for something on the way (served on).
    asks: bool = False


def routed(out: Adjacency, nodes: Mapping[str, Node | None]) -> dict[str, Routed]:
    """Each node's `Routed`, by one pass over the strong components of the routing edges, each
    component after those it leads to (as Tarjan's algorithm yields them)."""
    onward = {source: [t for t, attrs in edges if attrs["kind"] in ROUTING] for source, edges in out.items()}
    for targets in list(onward.values()):
        for target in targets:
            onward.setdefault(target, [])
    summary: dict[str, Routed] = {}
    for part in components(onward):
        after = [summary[t] for n in part for t in onward[n] if t not in part]
        ends = [n for n in part if not onward[n]]
        own = frozenset(n for n in part if (node := nodes.get(n)) is not None and node.type is NodeType.MENU)
        distinct = {id(r.menus): r.menus for r in after}  # shared, not copied, down a chain that adds none
        menus = own.union(*distinct.values()) if own or len(distinct) > 1 else next(iter(distinct.values()), own)
        asks = any((node := nodes.get(n)) is not None and node.type is NodeType.INPUT for n in part)
        joined = Routed(bool(ends) or any(r.has_end for r in after),
                        any(not _hangs_up(nodes.get(n)) for n in ends) or any(r.other_end for r in after), menus,
                        asks or any(r.asks for r in after))
        for n in part:
            summary[n] = joined
    return summary


def _hangs_up(node: Node | None) -> bool:
    return node is not None and node.type in (NodeType.HANGUP, NodeType.MESSAGE)


__all__ = ["Routed", "routed"]
