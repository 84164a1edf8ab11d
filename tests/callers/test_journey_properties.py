"""Properties of the one journey on generated lines (tests/test_score_lines.py's generator, and
benchmarks/linegen.py's realistic lines): the score follows the damage, and its facts are the metrics."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from benchmarks.linegen import realistic_line
from ivrcheck.findings import FileResult
from tests.callers.test_journey import assert_facts_are_the_metrics
from tests.conftest import check
from tests.test_score_lines import build, line_spec, score

#: The properties need lines of a certain shape (a menu with 0; two menus that wait for the caller);
#: the generator makes them often but not always, so filtering is expected, not a sign of trouble.
SLOW = settings(max_examples=30, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def part(result: FileResult, name: str) -> float:
    """A part's points before whole-point rounding (apportioning can move a part by one point)."""
    assert result.clarity is not None
    details = next(p for p in result.clarity.details if p.name == name)
    return max(0.0, min(25.0, details.raw))


def menus_of(data: dict[str, Any]) -> list[str]:
    return [n for n, v in data["nodes"].items() if "options" in v]


@SLOW
@given(line_spec, st.data())
def test_removing_a_zero_never_raises_human_access(spec: dict[str, Any], data: st.DataObject) -> None:
    line = build(spec)
    with_zero = [m for m in menus_of(line) if "0" in line["nodes"][m]["options"]]
    assume(with_zero)
    menu = data.draw(st.sampled_from(with_zero))
    fewer = copy.deepcopy(line)
    del fewer["nodes"][menu]["options"]["0"]
    assert part(score(fewer), "human_access") <= part(score(line), "human_access") + 1e-9


@SLOW
@given(line_spec)
def test_adding_a_silent_trap_never_raises_robustness(spec: dict[str, Any]) -> None:
    line = build(spec)
    reached = len(spec["main"]["topics"])  # the main menu's keys 1..n open the first n submenus
    waiting = [m for m in menus_of(line) if line["nodes"][m].get("on_timeout")
               and (m.startswith("main") or int(m[3:].split("_")[0]) < reached)]
    assume(len(waiting) >= 2)
    trapped = copy.deepcopy(line)
    first, second = waiting[:2]  # a caller who presses nothing goes first -> second -> first for ever
    trapped["nodes"][first]["on_timeout"] = second
    trapped["nodes"][second]["on_timeout"] = first
    after = score(trapped)
    assert any(f.code == "S104" for f in after.findings)
    assert part(after, "robustness") <= min(part(score(line), "robustness"), 25 / 3) + 1e-9


@SLOW
@given(line_spec)
def test_the_scores_facts_are_the_json_metrics(spec: dict[str, Any]) -> None:
    assert_facts_are_the_metrics(score(build(spec)))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(line_spec, st.sampled_from(["self_service", "voicemail", "transfer"]), st.booleans())
def test_a_line_with_no_person_scores_at_most_50_in_every_state(spec: dict[str, Any], stand_in: str,
                                                                 hours: bool) -> None:
    line = build(spec)
    for node_id, node in line["nodes"].items():
        if node.get("type") == "agent":  # a transfer without `human:` is no person either
            line["nodes"][node_id] = {"type": stand_in, **({"number": "+15550100"} if stand_in == "transfer" else {})}
    if hours:  # open and closed states: the same line behind a branch on the office hours
        line["hours"] = {"office": {"mon-fri": "08:00-18:00"}}
        line["nodes"]["when"] = {"type": "branch", "on": "hours", "hours": "office",
                                 "cases": {"open": line["entry"], "closed": line["entry"]}}
        line["entry"] = "when"
    result = score(line)
    assert result.score is not None and result.score <= 50
    assert part(result, "human_access") <= 25 / 3 + 1e-9
    assert_facts_are_the_metrics(result)
    states = (result.metrics or {}).get("by_state") or {"open": result.metrics}
    assert all(values["person"] is None for values in states.values())


def test_realistic_lines_facts_are_their_metrics() -> None:
    for nodes in (40, 160):
        result = check(realistic_line(nodes, task_every=40))
        assert_facts_are_the_metrics(result)
        assert result.metrics is not None and result.metrics["by_state"]["closed"]["promise"] is not None

