"""Schedules: every `hours:` a node names must exist; time ranges are checked, overnight ones accepted."""

import textwrap

import pytest

from ivrcheck.reading import menu_text

LINE = """
entry: main
{top}
nodes:
  main:
    prompt: To speak to an advisor, press 0.
    options:
      "0": {{label: Advisor, goto: advisor}}
  advisor: {{type: agent, hours: {name}, closed: callback}}
  callback: {{type: callback, confirmation: sms}}
"""


def load(top: str, name: str = "office"):
    return menu_text(textwrap.dedent(LINE.format(top=top, name=name)).lstrip(), "m.ivr.yaml")


def test_a_misspelt_schedule_is_an_error_at_the_value_with_a_did_you_mean() -> None:
    menu, (finding,) = load('hours:\n  office: {mon-fri: "08:00-17:00"}', name="ofice")
    assert menu is None and finding.code == "F011"
    assert (finding.span.line, finding.span.column) == (9, 33)
    assert finding.message == "`hours: ofice` of node `advisor` names no schedule"
    assert finding.help == 'did you mean "office"?'


def test_a_schedule_named_with_no_top_level_hours_is_an_error() -> None:
    menu, (finding,) = load("")
    assert menu is None and finding.code == "F011"
    assert "the file declares none" in finding.message and "add a top-level `hours:`" in finding.help


def test_a_declared_schedule_loads() -> None:
    menu, findings = load('hours:\n  office: {mon-fri: "08:00-17:00"}')
    assert menu is not None and findings == []


@pytest.mark.parametrize("times", ["17:00-09:00", "22:00-06:00, 07:00-08:00", "00:00-24:00"])
def test_overnight_ranges_cross_midnight_and_24_00_ends_a_day(times: str) -> None:
    menu, findings = load(f'hours:\n  office: {{mon-fri: "{times}"}}')
    assert menu is not None and findings == []


@pytest.mark.parametrize("times, why", [("25:00-26:00", "not a time range"), ("08:00-24:30", "not a time range"),
                                        ("09:00-09:00", "opens and closes at the same time")])
def test_impossible_ranges_are_refused_with_the_reason(times: str, why: str) -> None:
    menu, (finding,) = load(f'hours:\n  office: {{mon-fri: "{times}"}}')
    assert menu is None and finding.code == "F011" and why in finding.message
