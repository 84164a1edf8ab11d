"""Reachability for targets named in advance (graph/reach.Reachability) answers as a walk from each start does."""

import random

from ivrcheck.graph.reach import Reachability
from ivrcheck.graph.walks import descendants


def _random_graph(rng: random.Random, size: int, edges: int) -> dict[str, list[tuple[str, dict]]]:
    names = [f"n{i}" for i in range(size)]
    out: dict[str, list[tuple[str, dict]]] = {n: [] for n in names}
    for _ in range(edges):
        out[rng.choice(names)].append((rng.choice(names), {}))
    return out


def test_every_start_reaches_the_targets_a_walk_from_it_finds() -> None:
    rng = random.Random(23)
    for size, edges in [(1, 0), (2, 1), (8, 6), (30, 25), (30, 60), (120, 150)]:
        for _ in range(10):
            out = _random_graph(rng, size, edges)
            targets = rng.sample(list(out), k=max(1, size // 3))
            index = Reachability({n: [t for t, _ in e] for n, e in out.items()}, targets)
            for start in out:
                below = descendants(out, start)
                for target in targets:
                    assert index.reaches(start, target) is (target in below), (size, edges, start, target)


def test_a_ring_reaches_itself_and_a_chain_only_downwards() -> None:
    ring = {"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"], "e": []}
    index = Reachability(ring, ["a", "d", "e"])
    assert index.reaches("c", "a") and index.reaches("d", "a") and index.reaches("e", "e")
    assert not index.reaches("a", "d") and not index.reaches("a", "e")  # near misses: upstream, and apart
    assert index.reaches("nowhere", "nowhere") and not index.reaches("nowhere", "a")
