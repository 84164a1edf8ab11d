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
