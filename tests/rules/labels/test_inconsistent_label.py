"""L303 inconsistent-label: one label leading to different places in different menus."""

import pytest

from tests.conftest import At, codes_at, lint


def line(language: str, label: str, there: str, second_label: str | None = None) -> str:
    """A main menu and a submenu that both offer `label`; in the submenu it goes to `there`."""
    return f"""
        language: {language}
        entry: main
        nodes:
          main:
            prompt: For one, press 1. For more, press 2. For a person, press 0.
            options:
              "1": {{label: {label}, goto: billing}}
              "2": {{label: Moving home, goto: moving}}
              "0": {{label: Advisor, goto: advisor}}
          moving:
            prompt: For one, press 1. For a person, press 0. To go back, press hash.
            options:
              "1": {{label: {second_label or label}, goto: {there}}}
              "0": {{label: Advisor, goto: moving_team}}
              "#": {{label: Back, goto: back}}
          billing: {{type: self_service}}
          final_bill: {{type: self_service}}
          advisor: {{type: agent}}
          moving_team: {{type: agent, queue: moving}}
        """


CASES = [
    ("en same label, different place", line("en", "Billing", "final_bill"), [At("L303", 13, 20)]),
    ("en case and stop words do not make a new label",
     line("en", "Your billing", "final_bill", second_label="billing"), [At("L303", 13, 20)]),
    ("en fixed: a different label for a different place",
     line("en", "Billing", "final_bill", second_label="Final bill"), []),
    ("en fixed: the same place", line("en", "Billing", "billing"), []),
    ("en near miss: a different label sharing a stem",
     line("en", "Billing", "final_bill", second_label="Your bill"), []),
    ("fi same label, different place", line("fi", "Laskutus", "final_bill"), [At("L303", 13, 20)]),
    ("fi fixed: a different label", line("fi", "Laskutus", "final_bill", second_label="Loppulasku"), []),
    ("fi near miss: inflected forms are different labels",
     line("fi", "Laskutus", "final_bill", second_label="Laskutusasiat"), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_inconsistent_label(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="L303")) == expected


def test_repeat_and_back_are_the_same_function_everywhere() -> None:
    text = """
        entry: main
        nodes:
          main:
            prompt: For cards, press 1. To hear this again, press star.
            options:
              "1": {label: Cards, goto: cards}
              "*": {label: Repeat, goto: repeat}
          cards:
            prompt: For help, press 1. To hear this again, press star. To go back, press hash.
            options:
              "1": {label: Card help, goto: advisor}
              "*": {label: Repeat, goto: cards}
              "#": {label: Back, goto: back}
          advisor: {type: agent}
        """
    assert lint(text, select="L303") == []


def test_a_person_label_reaching_two_teams_of_people_is_consistent() -> None:
    """Every case above has "Advisor" going to the general queue from main, the moving team from moving."""
    findings = lint(line("en", "Billing", "final_bill"), select="L303")
    assert [f.node_id for f in findings] == ["moving"] and "Advisor" not in findings[0].message


def test_unreachable_menus_are_left_out() -> None:
    text = line("en", "Billing", "final_bill").replace('"2": {label: Moving home, goto: moving}',
                                                         '"2": {label: Moving home, goto: billing}')
    assert lint(text, select="L303") == []


def test_message_names_both_places() -> None:
    (finding,) = lint(line("en", "Billing", "final_bill"), select="L303")
    assert finding.node_id == "moving"
    assert 'label "Billing" leads to "final_bill" in "moving" but to "billing" in "main"' in finding.message
    assert "different labels" in finding.help


DRILL_DOWN = """
entry: main
nodes:
  main:
    prompt: For faults, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Faults, goto: faults}
      "0": {label: Advisor, goto: advisor}
  faults:
    prompt: To report a fault, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Faults, goto: report}
      "0": {label: Advisor, goto: advisor}
  report: {type: self_service}
  advisor: {type: agent}
"""


def test_a_drill_down_with_the_same_label_is_no_broken_promise() -> None:
    assert lint(DRILL_DOWN, select="L303") == []
    elsewhere = DRILL_DOWN.replace('      "0": {label: Advisor, goto: advisor}\n  faults:',
                                   '      "2": {label: Billing, goto: billing}\n      "0": {label: Advisor, goto: advisor}\n'
                                   '  billing:\n    prompt: For faults, press 1.\n    options:\n'
                                   '      "1": {label: Faults, goto: advisor}\n  faults:')
    assert [(f.code, f.node_id) for f in lint(elsewhere, select="L303")] == [("L303", "billing")]
