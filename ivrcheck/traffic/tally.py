"""Streaming count of what callers did at each menu, in each schedule state, one call at a time.

Events are held per call only until the call ends (a person answers, the caller hangs up, the
system ends it), so memory follows the calls in progress, never the length of the log. Each
finished call is walked once against the design: the menu it is in, the option each move
means (a key pressed, or the node it moved to), what the design lacks.
"""

from __future__ import annotations

from collections import Counter
from operator import itemgetter
from typing import Iterable

from ivrcheck.graph import CLOSED, OPEN
from ivrcheck.model import Menu, NodeType
from ivrcheck.traffic.counts import StateCount
from ivrcheck.traffic.events import FINAL, STATE, Event
from ivrcheck.traffic.names import Names
from ivrcheck.traffic.walk import Walk, moves, next_of

#: Seconds to a person are kept as a histogram of whole seconds (the median needs no list of calls).
_MAX_SECONDS = 3600
_TIME = itemgetter(1)
_SHAPE = itemgetter(2, 3, 4)
#: A call with no record for this many seconds of log time is over (see `Tally._sweep`).
_IDLE = 3600.0
#: How often (in records, less one: a bit mask) the feed looks for such calls.
_SWEEP_EVERY = 4095
#: An aggregate row's event -> the MenuCount field it adds to.
_COUNTED = {"visit": "visits", "timeout": "timeouts", "invalid": "invalids", "hangup": "hangups", "lost": "lost"}
#: Distinct call shapes whose walks are kept; a log with more (unique names in every call) walks the rest afresh.
_SHAPES = 100_000


class Tally:
    """Feed it events in log order (calls may interleave); `finish()` then holds the counts."""

    def __init__(self, menu: Menu) -> None:
        self.menu = menu
        self.names = Names(menu)
        self.states: dict[str, StateCount] = {}
        #: Log names the design has no node for, with how many records named them.
        self.unknown: Counter = Counter()
        self.records = 0
        self._open: dict[str, list[Event]] = {}
        self._targets = {node_id: moves(node) for node_id, node in menu.nodes.items() if node.is_menu}
        self._switch = _closed_moves(menu)
        #: Call shape -> [what one call of it adds, calls of it not yet added].
        self._deltas: dict[tuple, list] = {}
        self._swept = float("-inf")

    def feed(self, events: Iterable[Event]) -> None:
        # The hot loop of a ten-million-record log: plain tuple indexing, locals, no attribute lookups.
        calls = self._open
        final = FINAL
        seen = 0
        for event in events:
            call = event[0]
            pending = calls.get(call)
            if pending is None:
                calls[call] = [event]
            else:
                pending.append(event)
            if event[2] in final:
                self._walk(calls.pop(call))
            seen += 1
            if not seen & _SWEEP_EVERY:
                self._sweep(event[1])

    def _sweep(self, now: float) -> None:
        """Walk the calls silent for `_IDLE` seconds of log time: logs with no record that ends a call
        (Connect flow logs, Studio steps cut off) would otherwise hold every call until the end."""
        if abs(now - self._swept) < _IDLE / 4:  # abs: a later file may start earlier in time
            return
        self._swept = now
        idle = [call for call, events in self._open.items() if now - events[-1][1] > _IDLE]
        for call in idle:
            self._walk(self._open.pop(call))

    def add_counts(self, rows: Iterable[tuple[str, str, str, str, int]]) -> None:
        """Counts made elsewhere (readers/aggregate.py): added as they are, the design's names resolved."""
        for state, name, event, key, calls in rows:
            count = self._count(state)
            if event == "calls":
                count.calls += calls
                continue
            if event == "to_person":
                count.to_person[min(_MAX_SECONDS, int(key or 0))] += calls
                continue
            node_id = self.names.node(name) if name else None
            if node_id is None or node_id not in self._targets:
                if name and node_id is None:
                    self.unknown[name] += calls
                continue
            menu = count.menu(node_id)
            if event == "key":
                menu.keys[key] += calls
            else:
                field_name = _COUNTED[event]
                setattr(menu, field_name, getattr(menu, field_name) + calls)

    def finish(self) -> dict[str, StateCount]:
        """Walk the calls the log left open (no final record), add up the shapes, and return the counts."""
        for events in self._open.values():
            self._walk(events)
        self._open.clear()
        for entry in self._deltas.values():
            if entry[1]:
                self._apply(entry[0], entry[1])
                entry[1] = 0
        return self.states

    def _walk(self, events: list[Event]) -> None:
        """Count one finished call. Calls that did the same things (nearly all do) share one walk:
        its result is kept by the call's shape (kinds, names, keys; not its times), and the calls of
        each shape are counted, to be added up once at the end. Only the seconds to a person differ."""
        self.records += len(events)
        if len(events) > 1:
            events.sort(key=_TIME)
        shape = tuple(map(_SHAPE, events))
        entry = self._deltas.get(shape)
        if entry is not None:
            entry[1] += 1
            delta = entry[0]
        else:
            delta = self._compile(events)
            if len(self._deltas) < _SHAPES:
                self._deltas[shape] = [delta, 1]
            else:
                self._apply(delta, 1)
        agent = delta[4]
        if agent is not None:
            self._count(delta[0]).to_person[min(_MAX_SECONDS, max(0, round(events[agent][1] - events[0][1])))] += 1

    def _count(self, state: str) -> StateCount:
        count = self.states.get(state)
        if count is None:
            count = self.states[state] = StateCount()
        return count

    def _apply(self, delta: tuple, calls: int) -> None:
        """Add what `calls` calls of one shape did (all but their seconds to a person)."""
        state, menus, undesigned, unknown, _ = delta
        count = self._count(state)
        count.calls += calls
        for menu_id, visits, keys, timeouts, invalids, hangups, lost in menus:
            into = count.menu(menu_id)
            into.visits += visits * calls
            into.timeouts += timeouts * calls
            into.invalids += invalids * calls
            into.hangups += hangups * calls
            into.lost += lost * calls
            for key, n in keys:
                into.keys[key] += n * calls
        for move, n in undesigned:
            count.undesigned[move] += n * calls
        for name, n in unknown:
            self.unknown[name] += n * calls

    def _compile(self, events: list[Event]) -> tuple:
        """Walk one call against the design into a scratch count: what any call of its shape adds."""
        path = []
        state = None
        for event in events:
            if event[2] == STATE and event[4] in (OPEN, CLOSED):
                state = state or event[4]
            path.append((event, self.names.node(event[3]) if event[3] else None))
        scratch = StateCount()
        walk = Walk(self.menu, self._targets, scratch)
        walk.run(path)
        menus = tuple((menu_id, m.visits, tuple(m.keys.items()), m.timeouts, m.invalids, m.hangups, m.lost)
                      for menu_id, m in scratch.menus.items())
        return (state or (self._closed(path) if self._switch else OPEN), menus,
                tuple(scratch.undesigned.items()), tuple(self._unknown(path).items()), walk.agent)

    def _unknown(self, path: list[tuple[Event, str | None]]) -> Counter:
        """Names the design has no node for, except steps between two nodes the design joins directly:
        those are the pass-through blocks an importer folds away (a Connect Set attributes block, a
        Studio Set variables widget), not drift."""
        found: Counter = Counter()
        known = [(at, node_id) for at, (_, node_id) in enumerate(path) if node_id is not None]
        for at, (event, node_id) in enumerate(path):
            if not event[3] or node_id is not None:
                continue
            before = next((n for i, n in reversed(known) if i < at), None)
            after = next((n for i, n in known if i > at), None)
            if before is None or after is None or not self._joined(before, after):
                found[event[3]] += 1
        return found

    def _joined(self, source: str, target: str) -> bool:
        node = self.menu.nodes.get(source)
        return source == target or target in next_of(node) or target in self._targets.get(source, {})

    def _closed(self, path: list[tuple[Event, str | None]]) -> str:
        """Closed when the call took a route only the closed state has, else open."""
        nodes = [node_id for _, node_id in path if node_id is not None]
        return CLOSED if any((a, b) in self._switch for a, b in zip(nodes, nodes[1:])) else OPEN


def _closed_moves(menu: Menu) -> set[tuple[str, str]]:
    """Moves only a call in the closed state makes: an hours branch's closed case, a person's `closed:`."""
    found = set()
    for node_id, node in menu.nodes.items():
        if node.closed is not None:
            found.add((node_id, node.closed.ref))
        if node.type is NodeType.BRANCH and node.on == "hours":
            found |= {(node_id, target.ref) for value, target in node.cases if value == CLOSED}
    return found
