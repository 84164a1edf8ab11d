"""L304 inconsistent-key: one function (a person, repeat, back, main menu) on different keys."""

import pytest

from tests.conftest import At, codes_at, lint


def line(language: str, sub_repeat: str = "*", sub_human: str = "0", human_label: str = "Advisor",
         extra: str = "", sub_main: str = "#") -> str:
    """Three menus; `moving` puts repeat, the person and the main menu on the given keys."""
    return f"""
        language: {language}
        entry: main
        nodes:
          main:
            prompt: For billing, press 1. For moving, press 2. For a person, press 0. Again, press star.
            options:
              "1": {{label: Billing, goto: billing}}
              "2": {{label: Moving, goto: moving}}
              "0": {{label: {human_label}, goto: advisor}}
              "*": {{label: Repeat, goto: repeat}}
          billing:
            prompt: For bills, press 1. For a person, press 0. Again, press star. Back, press hash.
            options:
              "1": {{label: Bills, goto: bills}}
              "0": {{label: {human_label}, goto: advisor}}
              "*": {{label: Repeat, goto: repeat}}
              "#": {{label: Main menu, goto: main}}
          moving:
            prompt: >
              For a move, press 1. For a person, press {sub_human}.
              Again, press {sub_repeat}. Back, press {sub_main}.
            options:
              "1": {{label: Book a move, goto: move}}
              "{sub_human}": {{label: {human_label}, goto: advisor}}
              "{sub_repeat}": {{label: Repeat, goto: repeat}}
              "{sub_main}": {{label: Main menu, goto: main}}{extra}
          bills: {{type: self_service}}
          move: {{type: agent, queue: moving}}
          advisor: {{type: agent}}
        """


CASES = [
    ("en repeat on another key", line("en", sub_repeat="9"), [At("L304", 25, 7)]),
    ("en a person on another key", line("en", sub_human="9"), [At("L304", 24, 7)]),
    ("en fixed: the same keys everywhere; Book a move (1) ends with a person but is a task", line("en"), []),
    ("en near miss: the usual key is offered as well",
     line("en", sub_repeat="9", extra='\n              "*": {label: Repeat, goto: repeat}'), []),
    ("fi toista on another key", line("fi", sub_repeat="9", human_label="Asiakaspalvelija"), [At("L304", 25, 7)]),
    ("fi asiakaspalvelija on another key", line("fi", sub_human="9", human_label="Asiakaspalvelija"),
     [At("L304", 24, 7)]),
    ("fi fixed", line("fi", human_label="Asiakaspalvelija"), []),
    ("fi near miss: a person option not labelled as one (Myynti) is a task",
     line("fi", sub_human="9", human_label="Myynti"), []),
    ("en near miss: a task that names a person is not the person key",
     line("en", extra='\n              "2": {label: Add a person to your policy, goto: advisor}'), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_inconsistent_key(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="L304")) == expected


def test_the_main_menu_is_a_function_too() -> None:
    findings = lint(line("en", sub_main="9"), select="L304")
    assert [(f.node_id, f.message.split(" is on")[0]) for f in findings] == [("moving", "the main menu")]


def test_message_names_the_usual_key_and_where_it_is_used() -> None:
    (finding,) = lint(line("en", sub_repeat="9"), select="L304")
    assert finding.node_id == "moving"
    assert 'repeat is on key "9" in "moving" but on "*" in "main", "billing"' in finding.message
    assert 'use "*" for repeat in every menu' in finding.help


def test_back_on_different_keys() -> None:
    text = line("en", sub_main="9").replace("goto: main}", "goto: back}")
    (finding,) = lint(text, select="L304")
    assert finding.node_id == "moving" and finding.message.startswith('back is on key "9"')


POLICY = """
entry: main
nodes:
  main:
    prompt: For policies, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Policies, goto: policies}
      "0": {label: Speak to an advisor, goto: advisor}
  policies:
    prompt: To add a person to your policy, press 2. To speak to an advisor, press 0.
    options:
      "2": {label: Add a person to your policy, goto: specialists}
      "0": {label: Speak to an advisor, goto: advisor}
  specialists: {type: agent, queue: policy-changes}
  advisor: {type: agent}
"""


def test_a_task_that_names_a_person_is_not_the_person_key() -> None:
    """ "Add a person to your policy" reaches a team, but callers choose it for the task."""
    assert lint(POLICY, select="L304") == []
    without_zero = POLICY.replace("To speak to an advisor, press 0.\n    options:\n      \"2\"", "\n    options:\n      \"2\"")
    without_zero = without_zero.replace('      "2": {label: Add a person to your policy, goto: specialists}\n      "0": {label: Speak to an advisor, goto: advisor}',
                                        '      "2": {label: Add a person to your policy, goto: specialists}')
    assert lint(without_zero, select="L304") == []


def test_a_person_key_asked_for_in_say_phrases_counts() -> None:
    text = POLICY.replace('"0": {label: Speak to an advisor, goto: advisor}\n  specialists',
                          '"9": {label: Help, say: [agent, representative], goto: advisor}\n  specialists')
    (finding,) = lint(text, select="L304")
    assert finding.message.startswith('a person is on key "9" in "policies" but on "0" in "main"')


# Issue 30, pattern 1: roles asked for by name (a nurse) are person options, each its own convention.
ROLES = """
entry: main
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: reception}
nodes:
  main:
    prompt: For appointments, press 1. For results, press 3. To speak to a nurse, press 2. For reception, press 0.
    options:
      "1": {label: Appointments, goto: appts}
      "3": {label: Results, goto: results}
      "2": {label: Speak to a nurse, goto: nurse}
      "0": {label: Reception, goto: reception}
  appts:
    prompt: To book, press 1. To speak to a nurse, press 2. For reception, press 0.
    options:
      "1": {label: Book, goto: reception}
      "2": {label: Speak to a nurse, goto: nurse}
      "0": {label: Reception, goto: reception}
  results:
    prompt: For test results, press 1. To speak to a nurse, press NURSE. For reception, press 0.
    options:
      "1": {label: Results, goto: reception}
      "NURSE": {label: Nurse, goto: nurse}
      "0": {label: Reception, goto: reception}
  nurse: {type: agent}
  reception: {type: agent}
"""


def test_a_role_on_another_key_is_reported_as_that_role() -> None:
    (finding,) = lint(ROLES.replace("NURSE", "3"), select="L304")
    assert finding.message.startswith('a nurse is on key "3" in "results" but on "2" in "main", "appts"')


def test_a_role_and_reception_on_their_own_keys_are_two_conventions() -> None:
    """Near miss: reception on 0 in the other menus and the nurse on 2 in the results menu are
    two conventions kept: L304 does not ask to move the nurse to 0 (H203 names the missing 0)."""
    text = ROLES.replace("NURSE", "2").replace(" For reception, press 0.\n    options:\n      \"1\": {label: Results",
                                               "\n    options:\n      \"1\": {label: Results")
    text = text.replace('      "0": {label: Reception, goto: reception}\n  nurse:', "  nurse:")
    text = text.replace('      "2": {label: Speak to a nurse, goto: nurse}\n', "")
    assert "Speak to a nurse" not in text and lint(text, select="L304") == []
    assert [f.node_id for f in lint(text, select="H203")] == ["results"]


def closing(main_key: str) -> str:
    """The line above, with an "anything else" menu heard once the bill is paid."""
    return line("en").replace("bills: {type: self_service}", f"""bills: {{type: self_service, next: anything_else}}
          anything_else:
            prompt: For anything else, press {main_key}. Otherwise you can hang up.
            options:
              "{main_key}": {{label: Main menu, goto: main}}""")


def test_a_closing_menu_with_the_main_menu_on_a_number_is_info_and_sets_no_convention() -> None:
    """Defect in a task menu is a warning (above); in a menu that winds the call up it is info, and the
    closing menu's 1 is not counted as the usual key, so the task menus on # are not reported."""
    (finding,) = lint(closing("1"), select="L304")
    assert (finding.node_id, finding.severity.value) == ("anything_else", "info")
    assert 'on "#" in "billing", "moving"' in finding.message
    assert lint(closing("#"), select="L304") == []


def test_a_task_menu_with_the_main_menu_on_a_number_and_the_usual_key_unbound_informs() -> None:
    """Before: a warning. A caller who presses the learnt "#" there hears the menu again: a retry lost,
    not a wrong turn (blind judges called both such person-key warnings false or arguable)."""
    (finding,) = lint(line("en", sub_main="1").replace('"1": {label: Book a move, goto: move}',
                                                          '"2": {label: Book a move, goto: move}'), select="L304")
    assert (finding.node_id, finding.severity.value) == ("moving", "info")
    assert '"#" does nothing else here' in finding.message


def test_near_miss_the_learnt_key_bound_to_something_else_is_still_a_warning() -> None:
    """Star and hash swapped: a caller who presses the learnt key is thrown somewhere else."""
    text = line("en", sub_repeat="9", extra='\n              "*": {label: Book a move, goto: move}')
    (finding,) = [f for f in lint(text, select="L304") if f.node_id == "moving"]
    assert finding.severity.value == "warning"
