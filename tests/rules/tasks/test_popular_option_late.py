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


def menu4(w1: float, w2: float, w3: float, w4: float) -> str:
    """The menu with a fourth task option, "Parking" (key 4), offered last."""
    text = menu(w1, w2, w3).replace(" To speak", " For parking, press 4. To speak")
    return text.replace('      "0":', f'      "4": {{label: Parking, goto: advisor, weight: {w4}}}\n      "0":')


@pytest.mark.parametrize("weights, severity", [
    ((0.05, 0.1, 0.2, 0.55), "warning"),  # defect: shares rise along the prompt, the commonest errand last
    ((0.2, 0.6, 0.1, 0.05), "info"),      # near miss: one option (an urgent one) put first, then by demand
    ((0.1, 0.6, 0.2, 0.05), "info"),      # near miss: mixed
    ((0.25, 0.15, 0.3, 0.3), "info"),     # near miss: an urgent option first, the two last tie
    ((0.3, 0.1, 0.2, 0.4), "info"),       # near miss: an urgent option first, then rising (tau 2/3 overall)
    ((0.1, 0.3, 0.6), "info"),            # near miss: three options, one pair after the first is no trend
    ((0.3, 0.3, 0.4), "info"),            # near miss: the lost-card team first on purpose, then a near tie
])
def test_a_menu_against_demand_is_a_warning_a_mere_saving_is_info(weights: tuple[float, ...], severity: str) -> None:
    (finding,) = lint(menu4(*weights) if len(weights) == 4 else menu(*weights), select="T603")
    assert finding.severity.value == severity
    assert ("rising order of demand" in finding.message) == (severity == "warning")


def test_near_miss_two_options_against_demand_stay_info() -> None:
    """A helpline before a callback: two options say nothing of an order against demand."""
    text = menu(0.2, 0.7, 0.1).replace('      "3": {label: New bookings, goto: advisor, weight: 0.1}\n', "")
    (finding,) = lint(text.replace(" For new bookings, press 3.", ""), select="T603")
    assert finding.severity.value == "info"
