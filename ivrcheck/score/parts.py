"""The four parts of the clarity score, each from what callers live through (docs/score.md).

Every part is a sum of measures, each worth a fixed number of points and earning a share of
them between 0 and 1. Measures are shares and averages, never counts, so a line does not
lose points for being large. Findings of a part's rules that no measure already covers
count as the share of the part's items (options, prompts, menus, nodes) they land on.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import field, replace
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from ivrcheck.findings import Finding, Severity
from ivrcheck.records import record
from ivrcheck.score.facts import Facts, MenuFacts, item_of

if TYPE_CHECKING:
    from ivrcheck.callers import Journey

PART_POINTS = 25.0
#: Weight of an item's worst finding in a share: an error counts fully.
SEVERITY_WEIGHT = {Severity.ERROR: 1.0, Severity.WARNING: 0.6, Severity.INFO: 0.2}
#: A part's finding share is multiplied by this before it is taken from 1: a fifth of the
#: items with warnings (weighted share 0.12) already costs a quarter of what it is worth.
SHARE_SLOPE = 2.0
#: Codes whose defect a measure already counts: their findings explain that measure.
MEASURED = {
    "navigation": {"S105": "presses", "S106": "breadth"},
    "human_access": {"H201": "reach", "H202": "reach", "H205": "reach", "H203": "zero-out"},
    "wording": {},
    "robustness": {"R501": "timeout", "R502": "invalid", "R503": "retries", "S103": "dead ends",
                   "S104": "traps"},
}
#: Weight of each schedule state in human access when a line has hours.
STATE_WEIGHT = {"open": 0.7, "closed": 0.3}
ONE_THIRD = PART_POINTS / 3
#: A promise of a person later earns this share of what a person now earns, by state: outside
#: hours a callback is the best a line can offer and a voicemail less (the GetHuman standard asks
#: for a callback, a message only without one); while open it stands in for a person who should be there.
PROMISE_CREDIT = {"closed": {"callback": 1.0, "voicemail": 0.8}, "open": {"callback": 0.5, "voicemail": 0.4}}


@record
class Measure:
    """One line of `ivrcheck score --explain`: what was measured and what it earned."""

    name: str
    value: str
    points: float
    out_of: float
    #: Finding codes that explain the value, with how many of each.
    codes: tuple[tuple[str, int], ...] = ()


@record
class Cap:
    """A severe defect that limits a part, and the whole score, whatever else is good."""

    reason: str
    part_limit: float
    total_limit: float


@record
class Part:
    name: str
    measures: tuple[Measure, ...]
    caps: tuple[Cap, ...] = field(default=())

    @property
    def raw(self) -> float:
        earned = sum(m.points for m in self.measures)
        return min([earned, *(c.part_limit for c in self.caps)])


def mean(items: Sequence[MenuFacts], credit: Callable[[MenuFacts], float]) -> float:
    """Half the plain mean over the menus, half the mean weighted by the callers who pass
    through each: every menu counts, and the main menu, which every caller hears, counts most."""
    if not items:
        return 1.0
    plain = sum(credit(m) for m in items) / len(items)
    traffic = sum(m.traffic for m in items)
    if traffic <= 0:
        return plain
    return 0.5 * plain + 0.5 * sum(m.traffic * credit(m) for m in items) / traffic


def ramp(value: float, good: float, bad: float, floor: float = 0.0) -> float:
    """1 up to `good`, falling linearly to `floor` at `bad` and staying there."""
    if value <= good:
        return 1.0
    if value >= bad:
        return floor
    return 1.0 - (1.0 - floor) * (value - good) / (bad - good)


class Shares:
    """The findings of one part, by the item each lands on, with each item's worst severity."""

    def __init__(self, findings: Iterable[Finding], facts: Facts, part: str) -> None:
        self.codes: dict[str, int] = defaultdict(int)
        self.worst: dict[str, float] = {}
        measured = MEASURED[part]
        for finding in findings:
            self.codes[finding.code] += 1
            if finding.code in measured:
                continue
            item = item_of(facts, finding.node_id, finding.span)
            self.worst[item] = max(self.worst.get(item, 0.0), SEVERITY_WEIGHT[finding.severity])

    def about(self, *codes: str) -> tuple[tuple[str, int], ...]:
        return tuple((c, self.codes[c]) for c in codes if self.codes.get(c))

    def unmeasured(self, part: str) -> tuple[tuple[str, int], ...]:
        return tuple(sorted((c, n) for c, n in self.codes.items() if c not in MEASURED[part]))

    def measure(self, name: str, items: int, points: float, part: str) -> Measure:
        """Points for the items no finding lands on. The count of items depends on the line
        only, never on the findings, so removing a finding can only raise the points."""
        items = max(items, 1)
        share = min(1.0, sum(self.worst.values()) / items)
        earned = points * max(0.0, 1.0 - SHARE_SLOPE * share)
        flagged = len(self.worst)
        return Measure(name, f"{flagged} of {items} flagged, weighted share {share:.0%}", earned, points,
                       self.unmeasured(part))


def navigation(facts: Facts, findings: Sequence[Finding]) -> Part:
    shares = Shares(findings, facts, "navigation")
    if facts.task_means is not None:
        seconds, within, mean_presses = facts.task_means
    else:  # no menu, or only universal keys: nothing to navigate
        seconds, within, mean_presses = 0.0, 1.0, 0.0
    menus = [m for m in facts.interactive if m.is_menu]
    breadth = mean(menus, lambda m: _breadth_credit(m.task_options, facts))
    widest = max((m.task_options for m in menus), default=0)
    return Part("navigation", (
        Measure("time to a task", f"{seconds:.1f} s on average",
                8 * ramp(seconds, 30, 120), 8),
        Measure("key presses to a task", f"{mean_presses:.1f} on average, credit {within:.0%} "
                f"(full up to {facts.max_depth})", 7 * within, 7, shares.about("S105")),
        Measure("task options per menu", f"at most {widest}; credit {breadth:.0%} (full up to {facts.max_options})",
                6 * breadth, 6, shares.about("S106")),
        shares.measure("other navigation findings", len(menus), 4, "navigation"),
    ))


def _breadth_credit(options: int, facts: Facts) -> float:
    if options <= facts.max_options:
        return 1.0
    return 0.5 if options <= facts.error_above else 0.0


def human_access(facts: Facts, findings: Sequence[Finding]) -> Part:
    shares = Shares(findings, facts, "human_access")
    weights = {s.state: (STATE_WEIGHT[s.state] if facts.has_hours else 1.0) for s in facts.states}
    measures: list[Measure] = []
    unknown: list[Measure] = []  # a state whose only way on is a hand-off of unknown answerer
    caps: list[Cap] = []
    for state in facts.states:
        weight = weights[state.state]
        when = f" ({state.state})" if facts.has_hours else ""
        if state.person_unknown:
            unknown.append(Measure(f"reaching a person{when}", state.describe(), 0.0, 21 * weight))
            continue
        credit, value = _reach(state, facts.max_steps)
        measures.append(Measure(f"reaching a person{when}", value, 10 * weight * credit, 10 * weight,
                                shares.about("H201", "H202", "H205")))
        # A state where no way at all leads to a person or a promise earns none of its points.
        nobody = state.reaches is None and state.hidden is None and not state.people
        coverage, menus = (0.0, 0) if nobody else state.zero_out_coverage(facts.scope)
        measures.append(Measure(f"zero-out coverage{when}", f"{coverage:.0%} of {menus} menus",
                                6 * weight * coverage, 6 * weight, shares.about("H203")))
        chosen, value = (0.0, "nobody to reach") if nobody else _chosen(state)
        measures.append(Measure(f"people reached by choosing{when}", value, 5 * weight * chosen, 5 * weight))
    measures.append(shares.measure("other human-access findings", facts.human_items, 4, "human_access"))
    measures += _neutral(measures, unknown)
    opened = next(s for s in facts.states if s.state == "open")
    if opened.person is None and not opened.person_unknown:
        caps.append(Cap("no person can be reached by any announced key", ONE_THIRD, 50))
    return Part("human_access", tuple(measures), tuple(caps))


def _neutral(measured: Sequence[Measure], unknown: Sequence[Measure]) -> list[Measure]:
    """A state whose only way to someone is a hand-off of unknown answerer earns its 21 points at
    the rate the part's other measures earn: it neither rewards nor punishes the line as a person."""
    out_of = sum(m.out_of for m in measured)
    rate = sum(m.points for m in measured) / out_of if out_of else 1.0
    return [replace(m, name=m.name + " (unknown: scored as the rest of the part)", points=m.out_of * rate)
            for m in unknown]


def _reach(state: Journey, max_steps: int) -> tuple[float, str]:
    """Credit for the announced way to a person (or the promise of one), and how it reads."""
    way = state.reaches
    if way is None:
        return (0.15 if state.hidden is not None else 0.0), state.describe()
    steps = ramp(way.steps, max_steps, max_steps + 4, 0.4)
    seconds = ramp(way.seconds, 30, 120, 0.4)
    return min(steps, seconds) * PROMISE_CREDIT[state.state].get(way.who, 1.0), state.describe()


def _chosen(state: Journey) -> tuple[float, str]:
    """Credit for the people a caller reaches by choosing, not only after errors, and how it reads."""
    people, late = len(state.people), len(state.after_errors)
    if not people:
        return 1.0, "no person to reach"
    if not late:
        return 1.0, f"all {people} by choosing"
    names = ", ".join(state.after_errors[:3]) + (" ..." if late > 3 else "")
    return 1.0 - late / people, f"{late} of {people} only after errors ({names})"


def wording(facts: Facts, findings: Sequence[Finding]) -> Part:
    shares = Shares(findings, facts, "wording")
    measure = shares.measure("options and prompts with wording findings", facts.wording_items, 25, "wording")
    if facts.unknown_prompts:  # judged on what is known; say how much was not
        unknown = facts.unknown_prompts
        measure = replace(measure, value=f"{measure.value}; {unknown} prompt{'s' if unknown != 1 else ''} "
                                         "with unknown words not judged")
    return Part("wording", (measure,))


def robustness(facts: Facts, findings: Sequence[Finding]) -> Part:
    shares = Shares(findings, facts, "robustness")
    nodes = facts.interactive
    count = len(nodes)
    timeout = mean(nodes, lambda n: float(n.on_timeout))
    invalid = mean(nodes, lambda n: float(n.on_invalid))
    kept = mean(nodes, lambda n: float(not n.disconnects))
    dead = len(facts.main_dead_ends) + len(facts.other_dead_ends)
    alive = 1.0 - dead / facts.reachable if facts.reachable else 1.0
    caps: list[Cap] = []
    if facts.traps:
        loop = " -> ".join(facts.traps[0])  # cycles are stored closed: a -> b -> a
        caps.append(Cap(f"callers can be trapped ({loop})", ONE_THIRD, 50))
    silent = [c for c in facts.silent_traps if c not in facts.traps]
    if silent:  # a caller who cannot press keys in time is held as surely as one who presses them
        caps.append(Cap(f"callers who press nothing are trapped ({' -> '.join(silent[0])})", ONE_THIRD, 50))
    if facts.main_dead_ends:
        caps.append(Cap(f"a dead end on the main path ({', '.join(facts.main_dead_ends)})", ONE_THIRD, 60))
    return Part("robustness", (
        Measure("menus that handle silence", f"{timeout:.0%} of {count}", 5 * timeout, 5, shares.about("R501")),
        Measure("menus that handle a wrong key", f"{invalid:.0%} of {count}", 5 * invalid, 5, shares.about("R502")),
        Measure("menus that keep callers after errors", f"{kept:.0%} of {count}", 8 * kept, 8,
                shares.about("R503")),
        Measure("nodes that lead on", f"{dead} dead end{'s' if dead != 1 else ''} in {facts.reachable} reachable",
                2 * alive, 2, shares.about("S103", "S104")),
        shares.measure("other robustness findings", facts.nodes, 5, "robustness"),
    ), tuple(caps))


PARTS = {"navigation": navigation, "human_access": human_access, "wording": wording, "robustness": robustness}
