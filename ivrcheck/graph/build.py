"""Model -> networkx MultiDiGraph, with `repeat` and `back` resolved and edges typed by kind."""

from __future__ import annotations

from typing import Iterator

import networkx as nx

from ivrcheck.model import Menu, Node, NodeType, Target

#: Edges a caller takes by choosing: each costs one step.
CHOICE = frozenset({"key", "say", "extension"})
#: Edges the system takes on its own, with no choice: routing, schedules, messages ending.
ROUTING = frozenset({"next", "case", "default", "closed", "input"})
#: Edges a caller takes by doing nothing or by mistake: hidden from the caller.
SILENT = frozenset({"timeout", "invalid", "retries"})
#: A queue that gives up (`max_wait`) sends its callers on: no choice, but no part of the journey to a
#: person either (the person was reached), so walks to a person never take it.
OVERFLOW = "overflow"

OPEN, CLOSED = "open", "closed"


#: Option kinds -> the kind of edge choosing them makes.
_CHOSEN = {"dtmf": "key", "speech": "say", "extension": "extension"}
#: Node fields that name where a silent caller goes, and their edge kinds.
_SILENT_FIELDS = (("on_timeout", "timeout"), ("on_invalid", "invalid"), ("after_retries", "retries"))


def outgoing(node: Node) -> Iterator[tuple[Target, dict]]:
    """Every target a node names, with the attributes of the edge it makes (`state` and `target` included)."""
    for option in node.options:
        target = option.target
        if target is not None:
            yield target, {"kind": _CHOSEN[option.kind], "press": option.key, "label": option.label,
                           "weight": option.weight, "option": option, "state": None, "target": target}
    if node.next is not None:
        yield node.next, {"kind": "input" if node.type is NodeType.INPUT else "next", "state": None,
                          "target": node.next}
    for field, kind in _SILENT_FIELDS:
        target = getattr(node, field)
        if target is not None:
            yield target, {"kind": kind, "state": None, "target": target}
    if node.closed is not None and (node.closes or node.hours is None):  # a 24-hour desk never closes
        yield node.closed, {"kind": "closed", "state": CLOSED, "target": node.closed}
    if node.overflow is not None:
        yield node.overflow, {"kind": OVERFLOW, "state": None, "target": node.overflow}
    hours_branch = node.type is NodeType.BRANCH and node.on == "hours"
    for value, target in node.cases:
        state = value if hours_branch and value in (OPEN, CLOSED) else None
        yield target, {"kind": "case", "case": value, "state": state, "target": target}
    if node.default is not None:
        yield node.default, {"kind": "default", "state": None, "target": node.default}


def build_graph(menu: Menu) -> nx.MultiDiGraph:
    """One graph for all schedule states; each edge's one attribute, `edge`, is the dict of its
    facts (`kind`, `state`: None, "open" or "closed", `press`, `target`, ...).

    Edges are collected first and added with explicit keys, which spares networkx a key
    search per edge. Holding each edge's facts as one attribute, rather than as attributes
    networkx copies into a dict of its own, halves the cost of adding the edges, and the
    analysis hands on the very dicts built here (journeys find edges by identity).
    """
    graph = nx.MultiDiGraph()
    graph.add_nodes_from((node_id, {"node": node}) for node_id, node in menu.nodes.items())
    edges: list[tuple[str, str, int, dict]] = []
    backs: list[tuple[str, dict]] = []
    for node_id, node in menu.nodes.items():
        for target, attrs in outgoing(node):
            ref = target.ref
            if ref == "repeat":
                edges.append((node_id, node_id, len(edges), attrs))
            elif ref == "back":
                backs.append((node_id, attrs))
            elif ref in menu.nodes:  # also another file's node merged in as `file#node`
                edges.append((node_id, ref, len(edges), attrs))
            elif target.is_external:  # a file that could not be merged: the call leaves this graph
                graph.add_node(ref, node=None, external=True)
                edges.append((node_id, ref, len(edges), attrs))
    if backs:
        # "Back" returns to whichever menu led here; with none, it replays this node.
        callers: dict[str, set[str]] = {}
        for u, v, _, attrs in edges:
            if attrs["kind"] in CHOICE and u != v:
                callers.setdefault(v, set()).add(u)
        for node_id, attrs in backs:
            for caller in sorted(callers.get(node_id, ())) or [node_id]:
                edges.append((node_id, caller, len(edges), dict(attrs)))
    add_edge = graph.add_edge
    for u, v, key, attrs in edges:
        add_edge(u, v, key, edge=attrs)
    return graph
