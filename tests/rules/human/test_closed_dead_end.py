"""H205 closed-dead-end: a person with hours and no good closed target."""

import pytest

from tests.conftest import At, codes_at, lint

BASE = """
entry: main
hours: {office: {mon-fri: "09:00-17:00"}}
nodes:
  main:
    prompt: For an advisor, press 0.
    options:
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent, hours: office{closed}}
  shut: {type: message, prompt: We are closed. Goodbye., next: bye}
  bye: {type: hangup}
  cb: {type: callback, confirmation: sms}
  after: 
    prompt: We are closed. For a callback, press 1.
    options: {"1": {label: Callback, goto: cb}}
"""

CASES = [
    ("no closed target", BASE.replace("{closed}", ""), [At("H205", 8, 3)]),
    ("closed target hangs up", BASE.replace("{closed}", ", closed: shut"), [At("H205", 8, 49)]),
    ("closed target is a callback", BASE.replace("{closed}", ", closed: cb"), []),
    ("near miss: a closed menu with choices is fine", BASE.replace("{closed}", ", closed: after"), []),
    ("near miss: a human without hours needs no closed target", BASE.replace(", hours: office{closed}", ""), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_closed_dead_end(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="H205")) == expected


def test_message_and_state() -> None:
    (finding,) = lint(BASE.replace("{closed}", ", closed: shut"), select="H205")
    assert finding.message == 'outside hours, "advisor" sends callers to "shut", which hangs up'
    assert finding.state == "closed"
