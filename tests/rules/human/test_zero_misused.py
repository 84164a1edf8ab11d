"""H204 zero-misused: 0 bound to something other than a person."""

import pytest

from tests.conftest import At, codes_at, lint

MISUSED = """
entry: main
nodes:
  main:
    prompt: For an advisor, press 1. For more, press 0.
    options:
      "1": {label: Advisor, goto: advisor}
      "0": {label: More, goto: more}
  more: {type: message, prompt: Nothing more., next: main}
  advisor: {type: agent}
"""

CASES = [
    ("0 to a message", MISUSED, [At("H204", 7, 7)]),
    ("0 to a person", MISUSED.replace('"0": {label: More, goto: more}', '"0": {label: Advisor, goto: advisor}'), []),
    ("near miss: 0 to a message that connects to a person counts as a person", MISUSED.replace(
        "next: main}", "next: advisor}"), []),
    ("near miss: 0 to an hours branch whose open case is a person", MISUSED.replace(
        "goto: more}", "goto: route}") + '  route: {type: branch, on: hours, hours: office, cases: {open: advisor, closed: cb}}\n'
        "  cb: {type: callback}\nhours: {office: {mon-fri: \"09:00-17:00\"}}\n", []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_zero_misused(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="H204")) == expected


def test_message_names_the_menu_and_where_zero_leads_instead() -> None:
    (finding,) = lint(MISUSED, select="H204")
    assert finding.message == '"0" in menu "main" leads to "more", not to a person'
    (repeat,) = lint(MISUSED.replace("goto: more}", "goto: repeat}"), select="H204")
    assert "leads to this menu again" in repeat.message
