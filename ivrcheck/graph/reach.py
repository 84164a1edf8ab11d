"""Whether nodes reach targets named in advance, asked of many starts: one pass over the strong
components, not one walk per start (a walk from each of 729 starts was quadratic on a wide line)."""

from __future__ import annotations

from typing import Iterable, Mapping

from ivrcheck.graph.walks import components


class Reachability:
    """Whether a node reaches one of `targets` (named in advance), asked of many starts: each strong
    component keeps the targets it reaches as the bits of one integer, made once, sinks first, from
    the components it leads to. A walk from each start was quadratic: 729 starts of a line of 2,650
    menus each walked most of it (L303's drill-downs)."""

    def __init__(self, adjacency: Mapping[str, Iterable[str]], targets: Iterable[str]) -> None:
        wanted = set(targets)
        self._bit: dict[str, int] = {}
        self._reach: dict[str, int] = {}
        for part in components(adjacency):
            own = 0
            for node in part:  # bits in the order components come: a deep node's integer stays short
                if node in wanted:
                    own |= self._bit.setdefault(node, 1 << len(self._bit))
            below = {id(bits): bits for node in part for target in adjacency.get(node, ())
                     if target not in part and (bits := self._reach.get(target))}
            if not own and len(below) == 1:
                found = next(iter(below.values()))  # shared down a chain that adds no target
            else:
                found = own
                for bits in below.values():
                    found |= bits
            for node in part:
                self._reach[node] = found

    def reaches(self, start: str, target: str) -> bool:
        """Whether `start` reaches `target` (itself included); `target` must be one of the targets."""
        return start == target or bool(self._reach.get(start, 0) & self._bit.get(target, 0))


__all__ = ["Reachability"]
