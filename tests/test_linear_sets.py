"""The shortcuts that made readers and L303 linear (issue 23) give what the plain walks gave.

Each is checked against the walk it replaced, on random input: the set of places a call goes
on to with no choice (rings and tails of messages), the ids claimed among many named alike,
and a node changed once at the end instead of once per change.
"""

from __future__ import annotations

import random
from dataclasses import replace
from types import SimpleNamespace

import pytest

from ivrcheck.findings import Span
from ivrcheck.importers.common import Flow
from ivrcheck.importers.nodeset import NodeSet
from ivrcheck.model import Node, NodeType, Option, Target
from ivrcheck.rules.labels.inconsistent_label import _on_the_way, _ways_on

KINDS = (NodeType.MESSAGE, NodeType.INPUT, NodeType.MENU, NodeType.AGENT)


class _Analysis(SimpleNamespace):
    """What `_on_the_way` reads of an analysis: the nodes and the edges out of each."""

    def edges_from(self, node_id: str) -> list[tuple[str, dict]]:
        return self.out.get(node_id, [])


def _random_line(rng: random.Random, size: int) -> _Analysis:
    """Nodes of random types, each with zero to two ways on (`next`, `input`, or a key)."""
    ids = [f"n{i}" for i in range(size)]
    nodes = {n: Node(n, rng.choice(KINDS), Span(1, 1)) for n in ids}
    out = {n: [(rng.choice(ids + ["missing"]), {"kind": rng.choice(("next", "input", "option"))})
               for _ in range(rng.choice((0, 1, 1, 1, 2)))] for n in ids}
    return _Analysis(nodes=nodes, out=out)


@pytest.mark.parametrize("seed", range(40))
def test_the_ways_on_are_the_walk_from_each_node(seed: int) -> None:
    rng = random.Random(seed)
    analysis = _random_line(rng, rng.randint(1, 40))
    known: dict[str, frozenset[str]] = {}
    starts = list(analysis.nodes) + ["missing"]
    rng.shuffle(starts)  # the sets kept from earlier starts must not change a later one
    for start in starts:
        assert _ways_on(analysis, start, known) == frozenset(_on_the_way(analysis, start)), start


def test_a_ring_of_messages_is_one_set_for_all_its_nodes() -> None:
    ids = [f"m{i}" for i in range(500)]
    analysis = _Analysis(nodes={n: Node(n, NodeType.MESSAGE, Span(1, 1)) for n in ids},
                         out={n: [(ids[(i + 1) % len(ids)], {"kind": "next"})] for i, n in enumerate(ids)})
    known: dict[str, frozenset[str]] = {}
    sets = {id(_ways_on(analysis, n, known)) for n in ids}
    assert len(sets) == 1 and known["m0"] == frozenset(ids)


def _plain_claim(taken: set[str], base: str) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    return candidate


@pytest.mark.parametrize("seed", range(10))
def test_claimed_ids_are_those_the_search_from_two_gave(seed: int) -> None:
    rng = random.Random(seed)
    flow, taken = Flow("x"), set()
    for _ in range(400):
        if rng.random() < 0.2:  # a node added under an id of its own, which later claims must avoid
            node_id = rng.choice(("next", "step", "a")) + f"_{rng.randint(2, 30)}"
            if node_id not in taken:
                flow.add(Node(node_id, NodeType.HANGUP, Span(1, 1)))
                taken.add(node_id)
            continue
        base = rng.choice(("next", "step", "a", "b"))
        expected = _plain_claim(taken, base)
        assert flow.claim(base) == expected
        taken.add(expected)


def test_changes_and_a_recording_make_the_node_two_replaces_made() -> None:
    span = Span(3, 4)
    menu = Node("m", NodeType.MENU, span, prompt="Press 1.", options=(Option("1", span, Target("a", span)),))
    nodes = NodeSet("x.conf")
    nodes.nodes["m"] = menu
    nodes.nodes["a"] = Node("a", NodeType.AGENT, span)
    labelled = (replace(menu.options[0], label="Sales", label_span=span),)
    nodes.change("m", options=labelled)
    nodes.recording("m", "menu.wav", span)
    built, _ = nodes.finish(Target("m", span), "x")
    first = replace(menu, options=labelled)
    expected = replace(first, ignore=first.ignore | frozenset({"P401", "P402", "P403", "P404", "P405", "P406"}),
                       words_unknown=False)
    assert built is not None and built.nodes["m"] == expected and built.nodes["a"] == nodes.nodes["a"]
