"""The dominators the worst-time walk relies on agree with networkx's, and a node with thousands of ways in stays linear."""

from __future__ import annotations

import random
import time

import networkx as nx
import pytest

from ivrcheck.callers.timing import _dominators


def ours(graph: nx.DiGraph, entry: str) -> dict[str, str]:
    successors = {n: list(graph.successors(n)) for n in graph}
    into = {n: list(graph.predecessors(n)) for n in graph}
    return _dominators(successors, into, entry)


@pytest.mark.parametrize("seed", range(40))
def test_random_graphs_agree_with_networkx(seed: int) -> None:
    rng = random.Random(seed)
    size = rng.randint(2, 60)
    graph = nx.DiGraph()
    graph.add_nodes_from(f"n{n}" for n in range(size))
    for _ in range(rng.randint(size, size * 4)):
        graph.add_edge(f"n{rng.randrange(size)}", f"n{rng.randrange(size)}")
    for node in range(size - 1):  # a spine, so most nodes are reached, and a few self-loops
        graph.add_edge(f"n{node}", f"n{rng.randint(node + 1, size - 1)}")
        if rng.random() < 0.1:
            graph.add_edge(f"n{node}", f"n{node}")
    expected = nx.immediate_dominators(graph, "n0")
    expected["n0"] = "n0"  # networkx leaves the start out since 3.5; ours names it its own
    assert ours(graph, "n0") == expected


def test_a_chain_whose_every_menu_offers_one_agent_is_linear() -> None:
    """Issue 23, fifth blind tester: 4,000 menus in a row, each with a way to one agent, took 4.7 s here
    (every way into the agent was walked up to the top); 20,000 now take well under a second."""
    graph = nx.DiGraph()
    count = 20_000
    for node in range(count):
        graph.add_edge(f"m{node}", f"m{node + 1}")
        graph.add_edge(f"m{node}", "agent")
        graph.add_edge(f"m{node}", f"m{node}")  # repeat
    started = time.process_time()
    found = ours(graph, "m0")
    assert time.process_time() - started < 5  # generous: the quadratic walk takes minutes at this size
    assert found["agent"] == "m0" and found["m7"] == "m6"
