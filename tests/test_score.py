"""The clarity score measures what callers live through: a person by announced keys, task times, shares, caps."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ivrcheck.cli import app
from ivrcheck.engine import check_file
from ivrcheck.findings import Finding, Severity, Span
from ivrcheck.score import PARTS, clarity, part_of
from tests.conftest import MENUS, check

WELL_MADE = ("acme-bank", "energia", "clinic-hours", "auto-attendant")


@pytest.mark.parametrize("name", WELL_MADE)
def test_the_well_made_example_menus_score_100(name: str) -> None:
    result = check_file(MENUS / f"{name}.ivr.yaml")
    assert result.score == 100
    assert result.breakdown == dict.fromkeys(PARTS, 25)


def test_the_bad_example_menu_stays_low() -> None:
    assert check_file(MENUS / "bad-everything.ivr.yaml").score <= 45


def test_parts_add_up_to_the_score() -> None:
    for path in MENUS.glob("*.ivr.yaml"):
        result = check_file(path)
        assert sum(result.breakdown.values()) == result.score


HIDDEN_ZERO = """
    entry: main
    nodes:
      main:
        prompt: For balances, press 1. For payments, press 2.
        on_timeout: repeat
        on_invalid: repeat
        after_retries: agent
        options:
          "1": {label: Balances, goto: balances}
          "2": {label: Payments, goto: payments}
          "0": {label: Agent, goto: agent}
      balances: {type: self_service, next: main}
      payments: {type: self_service, next: main}
      agent: {type: agent}
    """

ANNOUNCED_ZERO = HIDDEN_ZERO.replace("For payments, press 2.", "For payments, press 2. To speak to an agent, press 0.")


def test_a_person_behind_an_unannounced_key_caps_the_score_at_50() -> None:
    hidden, announced = check(HIDDEN_ZERO), check(ANNOUNCED_ZERO)
    assert hidden.score <= 50
    assert hidden.breakdown["human_access"] <= 25 / 3
    assert announced.score >= 90


def test_a_person_only_by_running_out_of_retries_caps_the_score_at_50() -> None:
    fallback_only = check(HIDDEN_ZERO.replace('          "0": {label: Agent, goto: agent}\n', ""))
    assert fallback_only.score <= 50
    assert fallback_only.breakdown["human_access"] <= 25 / 3


WITH_HOURS = """
    entry: main
    hours:
      office: {mon-fri: "09:00-17:00"}
    nodes:
      main:
        prompt: For balances, press 1.{offer}
        on_timeout: repeat
        on_invalid: repeat
        after_retries: agent
        options:
          "1": {label: Balances, goto: balances}
          "0": {label: Agent, goto: agent}
      balances: {type: self_service, next: main}
      agent: {type: agent, hours: office, closed: {closed}}
      callback: {type: callback, confirmation: sms}
      closed_message: {type: message, prompt: We are closed., next: bye}
      bye: {type: hangup}
    """


def with_hours(offer: str, closed: str) -> str:
    return WITH_HOURS.replace("{offer}", offer).replace("{closed}", closed)


@pytest.mark.parametrize("closed", ["callback", "closed_message"])
def test_no_announced_person_caps_the_score_in_the_open_and_closed_states(closed: str) -> None:
    result = check(with_hours("", closed))
    assert result.score <= 50
    assert result.breakdown["human_access"] <= 25 / 3
    states = {m.name for m in result.clarity.details[1].measures}
    assert "reaching a person (open)" in states and "reaching a person (closed)" in states


def test_a_closed_line_that_offers_a_callback_beats_one_that_hangs_up() -> None:
    offer = " To speak to an agent, press 0."
    callback, hang_up = check(with_hours(offer, "callback")), check(with_hours(offer, "closed_message"))
    assert callback.breakdown["human_access"] > hang_up.breakdown["human_access"]
    assert hang_up.clarity.cap is None  # a person is announced while open: no cap on the total


def test_stay_on_the_line_announces_the_way_to_a_person() -> None:
    waiting = check("""
        entry: main
        nodes:
          main:
            prompt: For balances, press 1. To speak to an agent, please stay on the line.
            on_invalid: repeat
            after_retries: agent
            options:
              "1": {label: Balances, goto: balances}
            on_timeout: agent
          balances: {type: self_service, next: main}
          agent: {type: agent}
        """)
    assert waiting.clarity.cap is None
    assert waiting.breakdown["human_access"] > 25 / 3


def test_an_extension_directory_is_no_way_to_a_person_for_a_caller_who_knows_no_one() -> None:
    directory = check("""
        entry: main
        nodes:
          main:
            prompt: If you know the extension, dial it now.
            dial_by_extension: {digits: 3, goto: staff}
            on_timeout: repeat
            on_invalid: repeat
            after_retries: repeat
          staff: {type: transfer, human: true}
        """)
    assert directory.score <= 50


TRAP = """
    entry: main
    nodes:
      main:
        prompt: For opening hours, press 1. To speak to an agent, press 0.
        on_timeout: repeat
        on_invalid: repeat
        after_retries: agent
        options:
          "1": {label: Opening hours, goto: hours_menu}
          "0": {label: Agent, goto: agent}
      hours_menu:
        prompt: For weekday hours, press 1.
        on_timeout: repeat
        on_invalid: repeat
        after_retries: hours_menu
        options:
          "1": {label: Weekday hours, goto: weekday}
      weekday: {type: message, prompt: We are open nine to five., next: hours_menu}
      agent: {type: agent}
    """


def test_a_trap_caps_robustness_and_the_score() -> None:
    trapped = check(TRAP)
    assert trapped.breakdown["robustness"] <= 25 / 3
    assert trapped.score <= 50
    assert "trapped" in trapped.clarity.cap.reason


def test_a_dead_end_on_the_main_path_caps_the_score_at_60() -> None:
    dead = check(ANNOUNCED_ZERO.replace("balances: {type: self_service, next: main}",
                                        "balances: {type: message, prompt: Your balance is ready.}"))
    assert dead.score <= 60
    assert dead.breakdown["robustness"] <= 25 / 3


def test_several_severe_defects_lower_the_cap_further() -> None:
    both = check(TRAP.replace('prompt: For opening hours, press 1. To speak to an agent, press 0.',
                              'prompt: For opening hours, press 1.'))
    assert both.score <= 40


def test_wording_counts_the_share_of_items_not_the_number_of_findings() -> None:
    def menu(topics: list[str]) -> str:
        options = {str(k): {"label": w.capitalize(), "goto": "end"} for k, w in enumerate(topics, 1)}
        offers = " ".join(f"For {w}, press {k}." for k, w in enumerate(topics, 1))
        main = {"prompt": f"{offers} For anything else, press 9. To speak to an agent, press 0.",
                "on_timeout": "repeat", "on_invalid": "repeat", "after_retries": "agent",
                "options": {**options, "9": {"label": "Other", "goto": "end"}, "0": {"label": "Agent", "goto": "agent"}}}
        return yaml.safe_dump({"entry": "main", "nodes": {"main": main, "end": {"type": "self_service"},
                                                          "agent": {"type": "agent"}}}, sort_keys=False)
    few, many = check(menu(["balances", "branches"])), check(menu(["balances", "branches", "statements"]))
    def wording(result):
        return [f.code for f in result.findings if part_of(f.code) == "wording"]
    assert wording(few) == wording(many) == ["L302"]
    assert many.breakdown["wording"] > few.breakdown["wording"]


def test_each_finding_counts_against_its_rules_part() -> None:
    assert part_of("S105") == "navigation"
    assert part_of("H202") == "human_access"
    assert part_of("L301") == part_of("P404") == "wording"
    assert part_of("S104") == part_of("R503") == part_of("F013") == "robustness"


FACTS = check_file(MENUS / "acme-bank.ivr.yaml").clarity.facts
NODES = sorted(FACTS.scope)
CODES = ["S101", "S102", "S107", "S108", "H204", "H206", "H207", "L301", "L302", "P401", "P403", "R504", "R505",
         "F013"]
findings_lists = st.lists(st.builds(
    lambda code, severity, node, line: Finding("m.ivr.yaml", code, "x", severity, "msg", "", Span(line, 1), node),
    st.sampled_from(CODES), st.sampled_from(list(Severity)), st.sampled_from([*NODES, None]), st.integers(1, 120),
), max_size=40)


@given(findings_lists, st.data())
def test_removing_any_one_finding_never_lowers_the_score(found: list[Finding], data: st.DataObject) -> None:
    if not found:
        return
    index = data.draw(st.integers(0, len(found) - 1))
    fixed = found[:index] + found[index + 1:]
    assert clarity(fixed, FACTS).total >= clarity(found, FACTS).total


@given(findings_lists)
def test_the_score_stays_between_0_and_100_and_its_parts_add_up(found: list[Finding]) -> None:
    result = clarity(found, FACTS)
    assert 0 <= result.total <= 100
    assert result.total == sum(result.parts.values())


@settings(max_examples=30)
@given(findings_lists)
def test_a_more_severe_finding_never_costs_less(found: list[Finding]) -> None:
    for finding in found:
        worse = [replace(f, severity=Severity.ERROR) if f is finding else f for f in found]
        assert clarity(worse, FACTS).total <= clarity(found, FACTS).total


def test_score_explain_shows_each_measure_its_findings_and_the_cap(tmp_path) -> None:
    path = tmp_path / "hidden.ivr.yaml"
    path.write_text(HIDDEN_ZERO.replace("\n    ", "\n").lstrip(), encoding="utf-8")
    out = CliRunner().invoke(app, ["score", "--explain", str(path)])
    assert out.exit_code == 0, out.output
    assert "capped at 50: no person can be reached by any announced key" in out.output
    assert "reaching a person: no announced key; only by a key the prompts never offer" in out.output
    assert "[P401 x1]" in out.output
    data = json.loads(CliRunner().invoke(app, ["score", "--explain", "--format", "json", str(path)]).output)
    explain = data["files"][0]["explain"]
    assert explain["total_cap"]["limit"] == 50
    assert explain["parts"]["human_access"]["measures"][0]["points"] < 5


def test_an_importer_note_f020_costs_no_point_but_other_load_findings_do():
    from pathlib import Path

    from ivrcheck import engine
    from ivrcheck.findings import Span
    from ivrcheck.load.codes import load_finding
    from ivrcheck.score import clarity

    result = engine.check_file(Path(__file__).parent / "importers" / "fixtures" / "connect" / "documented.json")
    facts, plain = result.clarity.facts, [f for f in result.findings if f.code != "F020"]
    # A node with no finding yet (set order varies between runs): one more finding there must count.
    node = next(n for n in sorted(facts.scope) if not any(f.node_id == n for f in plain))
    note = load_finding("x", "F020", Span(1, 1), "a step whose outcome is not in the export", "", node)
    other = load_finding("x", "F014", Span(1, 1), "an info finding about the file", "", node)
    assert clarity([*plain, note], facts).parts == clarity(plain, facts).parts
    raw = {p.name: p.raw for p in clarity([*plain, other], facts).details}
    assert raw["robustness"] < {p.name: p.raw for p in clarity(plain, facts).details}["robustness"]


HAND_OFF = """
    entry: main
    defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: sales}
    nodes:
      main:
        prompt: For sales, press 1. For anything else, press 2. To repeat, press star.
        options:
          "1": {label: Sales, goto: sales}
          "2": {label: Anything else, goto: sales}
          "*": {label: Repeat, goto: repeat}
      sales: {type: transfer, human: HUMAN}
    """


def test_a_hand_off_of_unknown_answerer_is_neither_rewarded_nor_punished_as_a_person() -> None:
    unknown, nobody = check(HAND_OFF.replace("HUMAN", "unknown")), check(HAND_OFF.replace("HUMAN", "false"))
    assert nobody.clarity.cap is not None and nobody.breakdown["human_access"] <= 25 / 3  # no person: capped
    assert unknown.clarity.cap is None
    human = unknown.clarity.details[1]
    (neutral,) = [m for m in human.measures if m.name.startswith("reaching a person")]
    rest = [m for m in human.measures if m is not neutral]
    # It earns at the rate the rest of the part earns: the part reads as if it were not there.
    assert neutral.points == pytest.approx(neutral.out_of * sum(m.points for m in rest) / sum(m.out_of for m in rest))
    assert neutral.value.startswith('unknown: a hand-off whose answerer is unknown ("sales")')
    assert unknown.metrics["steps_to_human"] is None and unknown.metrics["person_unknown"]["node"] == "sales"
    assert nobody.metrics["person_unknown"] is None


def test_the_score_adds_up_the_parts_the_rules_name_in_their_order() -> None:
    """score.PARTS is read from the score's own part functions, so reading a kept result imports no rules."""
    from ivrcheck import rules

    assert PARTS == rules.PARTS
    assert {rule.PART for rule in rules.ALL_RULES} <= set(PARTS)
