"""Calls generated on a real line with known true shares: the truth every reader's test reads back.

`calls()` walks the design the way callers would: at each menu it draws a key from the true
shares (or a timeout, or a hang-up), elsewhere it follows the design on its own. Each call is
a list of `Step`s; a writer per platform turns them into that platform's log.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterator

from ivrcheck.model import Menu, NodeType

START = 1_767_000_000.0  # 2025-12-29, any fixed point


@dataclass(frozen=True)
class Step:
    time: float
    kind: str          # enter, key, timeout, agent, hangup, end
    node: str
    key: str = ""


@dataclass
class Truth:
    """What the generated calls really did, to compare the readers' counts with."""

    keys: dict[str, Counter] = field(default_factory=dict)
    visits: Counter = field(default_factory=Counter)
    timeouts: Counter = field(default_factory=Counter)
    hangups: Counter = field(default_factory=Counter)
    to_person: list[float] = field(default_factory=list)


def calls(menu: Menu, shares: dict[str, dict[str, float]], n: int, seed: int = 7, timeout: float = 0.05,
          hangup: float = 0.03, state: str = "open") -> tuple[list[tuple[str, list[Step]]], Truth]:
    """`n` calls with ids, and the truth. `shares`: menu id -> key -> probability (the rest of a menu's
    keys are never pressed)."""
    rng = random.Random(seed)
    truth = Truth()
    out = []
    for number in range(n):
        steps = list(_one(menu, shares, rng, truth, START + number * 7.0, timeout, hangup, state))
        out.append((f"call-{number:06d}", steps))
    return out, truth


def _one(menu: Menu, shares, rng: random.Random, truth: Truth, now: float, timeout: float, hangup: float,
         state: str) -> Iterator[Step]:
    start, node_id, seen = now, menu.entry.ref, set()
    chosen: set[str] = set()
    timed: set[str] = set()

    def steps_here(node_id: str) -> bool:
        return node_id in chosen
    for _ in range(30):
        node = menu.nodes[node_id]
        yield Step(now, "enter", node_id)
        if node.is_menu:
            if node_id in seen and steps_here(node_id):
                yield Step(now + 2.0, "end", node_id)  # back at a menu after a task: the caller is done
                return
            if node_id not in seen:
                truth.visits[node_id] += 1
                seen.add(node_id)
            now += 6.0
            roll = rng.random()
            if roll < hangup:
                truth.hangups[node_id] += 1
                yield Step(now, "hangup", node_id)
                return
            if roll < hangup + timeout:
                truth.timeouts[node_id] += 1 if node_id not in timed else 0
                timed.add(node_id)
                yield Step(now, "timeout", node_id)
                continue  # the menu replays (on_timeout: repeat)
            keys = shares[node_id]
            key = rng.choices(list(keys), weights=list(keys.values()))[0]
            truth.keys.setdefault(node_id, Counter())[key] += 1
            chosen.add(node_id)
            yield Step(now, "key", node_id, key)
            node_id = next(o.target.ref for o in node.options if o.key == key)
            now += 1.0
        elif node.type is NodeType.AGENT:
            now += 20.0
            truth.to_person.append(now - start)
            yield Step(now, "agent", node_id)
            return
        elif node.next is not None:
            node_id, now = node.next.ref, now + 3.0
        elif node.cases:
            node_id = dict(node.cases).get(state) or node.cases[0][1].ref
            node_id = getattr(node_id, "ref", node_id)
        elif node.default is not None:
            node_id = node.default.ref
        else:
            yield Step(now + 5.0, "end", node_id)
            return
    yield Step(now, "hangup", node_id)
