"""What a call carries along its path: the items the caller gave, the language they chose.

Both are forward facts over every path from the entry ("on some path"): a node gets the
union of what reaches it from each node before it, until nothing changes. An item is carried
only within the errand it was given for: a call that goes back up to a menu above the choice
that led to it (finished one errand, returned to the main menu, started another) leaves it, in
every state as in open hours (`Analysis.errand_tree`). Rules read them
from `Analysis.given_before` and `Analysis.language_chosen`, never walking the graph.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

from ivrcheck.graph.build import SILENT
from ivrcheck.model import Node, NodeType

#: Where something was given or chosen: the node, and the option's key when an option did it.
Origin = tuple[str, str | None]
Facts = dict[str, dict[str, frozenset[Origin]]]
Adjacency = Mapping[str, list[tuple[str, dict[str, Any]]]]
#: (facts at the edge's source, source id, edge attributes, target id) -> facts passed along the edge.
Transfer = Callable[[dict[str, frozenset[Origin]], str, dict[str, Any], str], dict[str, frozenset[Origin]]]


def _forward(out: Adjacency, entry: str, transfer: Transfer) -> Facts:
    """Facts at each reachable node: the union of what every edge into it passes on."""
    facts: Facts = {entry: {}}
    pending = [entry]
    while pending:
        source = pending.pop()
        here = facts[source]
        for target, attrs in out.get(source, ()):
            passed = transfer(here, source, attrs, target)
            changed = target not in facts
            there = facts.setdefault(target, {})
            for name, origins in passed.items():
                merged = there.get(name, frozenset()) | origins
                if merged != there.get(name):
                    there[name] = merged
                    changed = True
            if changed and target not in pending:
                pending.append(target)
    return facts


def given_before(out: Adjacency, entry: str, nodes: Mapping[str, Node | None],
                 below: Callable[[str, str], bool] | None = None, designed: bool = False) -> Facts:
    """node -> item -> where the caller may already have given it, on some path to the node.

    An input gives its item only along its `next` (the digits were collected), not when it
    times out or the caller runs out of retries; an option with `collects` gives it when chosen.
    With `below(origin, menu)` (whether `menu` lies below where the item was given, in the
    line's tree), an item is left behind when the call enters a menu that does not: the caller
    went back above the choice that needed it, or across into another errand. With `designed`,
    nothing is carried along a failure edge (a timeout, an invalid key, `after_retries`): what
    the caller gave reaches a node by the routes the designer announced.
    """
    collecting = any(n is not None and (n.collects or any(o.collects for o in n.options)) for n in nodes.values())
    if not collecting or entry not in out:
        return {}

    def transfer(here: dict[str, frozenset[Origin]], source: str, attrs: dict[str, Any],
                 target: str) -> dict[str, frozenset[Origin]]:
        if designed and attrs["kind"] in SILENT:
            return {}
        node = nodes.get(source)
        option = attrs.get("option")
        item = None
        onto = nodes.get(target)
        if here and below is not None and onto is not None and onto.type is NodeType.MENU:
            here = _left_above(here, target, below)
        if node is not None and node.type is NodeType.INPUT and attrs["kind"] == "input" and node.collects:
            item, origin = node.collects, (source, None)
        elif option is not None and option.collects:
            item, origin = option.collects, (source, option.key)
        if item is None:
            return here
        return {**here, item: here.get(item, frozenset()) | {origin}}

    return _forward(out, entry, transfer)


def _left_above(here: dict[str, frozenset[Origin]], menu: str,
                 below: Callable[[str, str], bool]) -> dict[str, frozenset[Origin]]:
    """The items still carried on entering `menu`: those given above it (an input before the main
    menu, the input that opened this errand), not those given in an errand it does not belong to."""
    kept: dict[str, frozenset[Origin]] = {}
    for item, origins in here.items():
        left = frozenset(o for o in origins if below(o[0], menu))
        if left:
            kept[item] = left
    return kept


def language_chosen(out: Adjacency, entry: str, nodes: Mapping[str, Node | None]) -> Facts:
    """node -> language -> the options that chose it, when it is the language in effect on some path.

    Choosing an option with `language:` switches the call to that language until another
    such choice; a node reached without any choice has no entry here.
    """
    choosing = any(n is not None and any(o.language for o in n.options) for n in nodes.values())
    if not choosing or entry not in out:
        return {}

    def transfer(here: dict[str, frozenset[Origin]], source: str, attrs: dict[str, Any],
                 target: str) -> dict[str, frozenset[Origin]]:
        option = attrs.get("option")
        if option is not None and option.language:
            return {option.language: frozenset({(source, option.key)})}
        return here

    return _forward(out, entry, transfer)


def reached_unchosen(out: Adjacency, entry: str) -> frozenset[str]:
    """Nodes a call reaches on some path from the entry with no language chosen on the way:
    every node that an option with `language:` does not stand before on all its paths."""
    seen, pending = {entry}, [entry]
    while pending:
        for target, attrs in out.get(pending.pop(), ()):
            option = attrs.get("option")
            if target in seen or option is not None and option.language:
                continue
            seen.add(target)
            pending.append(target)
    return frozenset(seen)
