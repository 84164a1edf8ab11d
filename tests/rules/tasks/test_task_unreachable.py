"""T601 task-unreachable: a task's expected node cannot be reached by choosing."""

import pytest

from tests.conftest import At, codes_at, lint

BASE = """entry: main
nodes:
  main:
    prompt: For hours, press 1. For an advisor, press 0.
    options:
      "1": {{label: Opening hours, goto: {one}}}
      "0": {{label: Advisor, goto: advisor}}
    on_timeout: {timeout}
  hours_info: {{type: message, prompt: Nine to five., next: main}}
  survey: {{type: message, prompt: Rate this call., next: advisor}}
  advisor: {{type: agent}}
tasks:
  - say: rate this call
    expect: {expect}
"""


def menu(one: str = "hours_info", expect: str = "survey", timeout: str = "repeat") -> str:
    return BASE.format(one=one, expect=expect, timeout=timeout)


CASES = [
    ("no option leads to the survey", menu(), [At("T601", 14, 13)]),
    ("an option leads there", menu(one="survey"), []),
    ("only waiting out the menu leads there", menu(timeout="survey"), [At("T601", 14, 13)]),
    ("near miss: one of several expected nodes is reachable", menu(expect="[survey, hours_info]"), []),
    ("near miss: an undefined node is S101's", menu(expect="nowhere"), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_task_unreachable(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="T601")) == expected


def test_message_says_why() -> None:
    (finding,) = lint(menu(timeout="survey"), select="T601")
    assert finding.message == ('task "rate this call" expects "survey", which no caller can choose their way to: '
                               "only callers who press nothing or press wrong keys get there")


GREETING = """entry: greeting
language: en
nodes:
  greeting:
    prompt: Welcome to Keystone. Para continuar en español, oprima 9.
    options:
      "9": {{label: Español, goto: es_main, language: es}}
    on_timeout: main
    on_invalid: {invalid}
  main:
    prompt: For your balance, press 1. To speak to an advisor, press 0.
    options:
      "1": {{label: Balance, goto: balance}}
      "0": {{label: Advisor, goto: advisor}}
  es_main:
    language: es
    prompt: Para hablar con un asesor, oprima 0.
    options:
      "0": {{label: Asesor, goto: advisor}}
  balance: {{type: message, prompt: Your balance is read out now., next: main}}
  advisor: {{type: agent}}
tasks:
  - say: When is my next payment due
    expect: balance
"""


def test_waiting_at_a_greeting_that_only_offers_another_language_is_how_callers_go_on() -> None:
    assert lint(GREETING.format(invalid="main"), select="T601") == []


def test_waiting_at_a_greeting_whose_silence_and_wrong_keys_go_on_counts_as_choosing() -> None:
    text = GREETING.format(invalid="main").replace('"9": {label: Español, goto: es_main, language: es}',
                                                  '"9": {label: Lost or stolen card, goto: advisor}')
    assert "Lost or stolen card" in text
    assert lint(text.replace("Para continuar en español, oprima 9.", "For a lost or stolen card, press 9."),
                select="T601") == []


def test_near_miss_a_menu_that_only_falls_through_after_wrong_keys_is_still_reported() -> None:
    text = menu(timeout="repeat").replace("    on_timeout: repeat\n",
                                          "    on_timeout: repeat\n    after_retries: survey\n")
    assert codes_at(lint(text, select="T601")) == [At("T601", 15, 13)]
