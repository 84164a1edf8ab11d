"""T603 popular-option-late: a weighted menu offers its most popular option late."""

import pytest

from tests.conftest import At, codes_at, lint

BASE = """entry: main
nodes:
  main:
    prompt: For opening hours, press 1. For changes to a booking, press 2. For new bookings, press 3. To speak to an advisor, press 0.
    options:
      "1": {{label: Opening hours, goto: advisor, weight: {w1}}}
      "2": {{label: Changes to a booking, goto: advisor, weight: {w2}}}
      "3": {{label: New bookings, goto: advisor, weight: {w3}}}
      "0": {{label: Speak to an advisor, goto: advisor}}
  advisor: {{type: agent}}
"""


def menu(w1: float, w2: float, w3: float) -> str:
    return BASE.format(w1=w1, w2=w2, w3=w3)


CASES = [
    ("the popular option is offered last", menu(0.1, 0.2, 0.6), [At("T603", 4, 5)]),
    ("most popular first", menu(0.6, 0.2, 0.1), []),
    ("near miss: equal shares save nothing", menu(0.3, 0.3, 0.3), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_popular_option_late(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="T603")) == expected


def test_message_gives_the_saving_and_the_order() -> None:
    (finding,) = lint(menu(0.1, 0.2, 0.6), select="T603")
    assert finding.help == ("offer them as 1 New bookings (60%), 2 Changes to a booking (20%), "
                            "3 Opening hours (10%), then 0")
    assert "s more than with the most popular first" in finding.message


@pytest.mark.parametrize("weights, severity", [
    ((0.1, 0.2, 0.6), "warning"),   # defect: shares rise along the prompt, the commonest errand last
    ((0.2, 0.6, 0.1), "info"),      # near miss: one option (an urgent one) put first, then by demand
    ((0.1, 0.6, 0.2), "info"),      # near miss: mixed, tau 1/3
    ((0.2, 0.4, 0.4), "info"),      # near miss: an urgent option first, the two after it tie (tau 2/3)
    ((0.1, 0.3, 0.6), "warning"),   # defect: rising after the first option too
])
def test_a_menu_against_demand_is_a_warning_a_mere_saving_is_info(weights: tuple[float, ...], severity: str) -> None:
    (finding,) = lint(menu(*weights), select="T603")
    assert finding.severity.value == severity
    assert ("rising order of demand" in finding.message) == (severity == "warning")


def test_near_miss_two_options_against_demand_stay_info() -> None:
    """A helpline before a callback: two options say nothing of an order against demand."""
    text = menu(0.2, 0.7, 0.1).replace('      "3": {label: New bookings, goto: advisor, weight: 0.1}\n', "")
    (finding,) = lint(text.replace(" For new bookings, press 3.", ""), select="T603")
    assert finding.severity.value == "info"
