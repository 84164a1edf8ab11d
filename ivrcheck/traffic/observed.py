"""What the counts say per menu and option: shares, timeout/invalid/zero-out/hang-up rates, drift."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ivrcheck.model import Menu
from ivrcheck.traffic.events import Skipped
from ivrcheck.traffic.counts import MenuCount, StateCount

ALL = "all"


@dataclass(frozen=True)
class OptionShare:
    """One option (or a key the design lacks) of one menu: how many callers chose it."""

    key: str
    label: str | None
    target: str | None
    chosen: int
    #: Share of the menu's choices (what `weight:` means).
    share: float
    #: Whether the design offers this key.
    designed: bool


@dataclass(frozen=True)
class MenuShare:
    """One menu in one state: its callers, what they chose and how many got lost."""

    menu: str
    visits: int
    options: tuple[OptionShare, ...]
    timeouts: int
    invalids: int
    hangups: int
    #: Callers lost here in any way, each once.
    lost: int = 0

    def rate(self, count: int) -> float:
        return count / self.visits if self.visits else 0.0

    @property
    def zero_outs(self) -> int:
        return next((o.chosen for o in self.options if o.key == "0"), 0)

    @property
    def choices(self) -> int:
        return sum(o.chosen for o in self.options)

    def option(self, key: str) -> OptionShare | None:
        return next((o for o in self.options if o.key == key), None)


@dataclass(frozen=True)
class StateTraffic:
    """A schedule state (or "all") of the line as callers used it."""

    state: str
    calls: int
    menus: dict[str, MenuShare]
    #: Whole seconds from the start of a call to a person answering -> calls.
    to_person: Counter
    #: Moves the design lacks: (from, to or "key N") -> calls.
    undesigned: Counter

    @property
    def reached_person(self) -> int:
        return sum(self.to_person.values())

    def person_seconds(self, quantile: float = 0.5) -> float | None:
        """A quantile of the seconds to a person (the median by default); None when nobody reached one."""
        total = self.reached_person
        if not total:
            return None
        wanted, running = quantile * total, 0
        for second in sorted(self.to_person):
            running += self.to_person[second]
            if running >= wanted:
                return float(second)
        return None

    @property
    def mean_person_seconds(self) -> float | None:
        total = self.reached_person
        return sum(s * n for s, n in self.to_person.items()) / total if total else None


@dataclass(frozen=True)
class Traffic:
    """The line's observed traffic: per state and over all states, with what the reading skipped."""

    path: str
    logs: tuple[str, ...]
    records: int
    states: dict[str, StateTraffic]
    #: Log names the design has no node for -> records naming them.
    unknown: Counter
    skipped: Skipped = field(default_factory=Skipped)

    @property
    def all(self) -> StateTraffic:
        return self.states[ALL]

    def unused(self, state: str = ALL) -> list[tuple[str, str]]:
        """(menu, key) of design options that no caller chose, in menus callers did reach."""
        return [(m.menu, o.key) for m in self.states[state].menus.values() if m.visits
                for o in m.options if o.designed and o.chosen == 0]


def build(menu: Menu, counts: dict[str, StateCount], records: int, unknown: Counter, skipped: Skipped,
          logs: tuple[str, ...]) -> Traffic:
    """Shares and rates from the tally, per state and summed over all states."""
    total = StateCount()
    for count in counts.values():
        total.calls += count.calls
        for menu_id, menu_count in count.menus.items():
            total.menu(menu_id).add(menu_count)
        total.to_person.update(count.to_person)
        total.undesigned.update(count.undesigned)
    states = {state: _state(menu, state, count)  # open hours first, as everywhere else
              for state, count in sorted(counts.items(), key=lambda item: (item[0] != "open", item[0]))}
    states[ALL] = _state(menu, ALL, total)
    return Traffic(menu.path, logs, records, states, unknown, skipped)


def _state(menu: Menu, state: str, count: StateCount) -> StateTraffic:
    menus = {menu_id: _menu(menu, menu_id, count.menus[menu_id]) for menu_id in menu.nodes if menu_id in count.menus}
    return StateTraffic(state, count.calls, menus, count.to_person, count.undesigned)


def _menu(menu: Menu, menu_id: str, count: MenuCount) -> MenuShare:
    node = menu.nodes[menu_id]
    choices = sum(count.keys.values())
    options = [OptionShare(o.key, o.label, o.target.ref if o.target else None, count.keys.get(o.key, 0),
                           count.keys.get(o.key, 0) / choices if choices else 0.0, True) for o in node.options]
    designed = {o.key for o in node.options}
    options += [OptionShare(key, None, None, n, n / choices, False) for key, n in sorted(count.keys.items())
                if key not in designed]
    return MenuShare(menu_id, count.visits, tuple(options), count.timeouts, count.invalids, count.hangups, count.lost)


def to_dict(traffic: Traffic) -> dict[str, Any]:
    """The JSON shape of `ivrcheck traffic --format json` (docs/traffic.md)."""
    return {
        "path": traffic.path, "logs": list(traffic.logs), "records": traffic.records,
        "skipped": dict(traffic.skipped), "unknown_nodes": dict(traffic.unknown.most_common()),
        "states": {name: _state_dict(state, traffic) for name, state in traffic.states.items()},
    }


def _state_dict(state: StateTraffic, traffic: Traffic) -> dict[str, Any]:
    return {
        "calls": state.calls,
        "to_person": {"calls": state.reached_person, "median_seconds": state.person_seconds(),
                      "mean_seconds": _round(state.mean_person_seconds), "p90_seconds": state.person_seconds(0.9)},
        "menus": {m.menu: {
            "visits": m.visits, "timeout_rate": _round(m.rate(m.timeouts)), "invalid_rate": _round(m.rate(m.invalids)),
            "zero_out_rate": _round(m.rate(m.zero_outs)), "hangup_rate": _round(m.rate(m.hangups)),
            "lost_rate": _round(m.rate(m.lost)),
            "options": [{"key": o.key, "label": o.label, "target": o.target, "chosen": o.chosen,
                         "share": _round(o.share), "designed": o.designed} for o in m.options],
        } for m in state.menus.values()},
        "undesigned": [{"from": a, "to": b, "calls": n} for (a, b), n in state.undesigned.most_common()],
        "unused_options": [{"menu": m, "key": k} for m, k in traffic.unused(state.state)],
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
