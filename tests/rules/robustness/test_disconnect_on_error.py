"""R503 disconnect-on-error: retries running out drop the call."""

import pytest

from tests.conftest import At, codes_at, lint

BASE = """
entry: main
defaults: {timeout: 5, retries: 3, on_timeout: repeat, on_invalid: repeat{after}}
nodes:
  main:
    prompt: For an advisor, press 0.
    options:
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent}
  sorry: {type: message, prompt: Sorry. Goodbye., next: bye}
  bye: {type: hangup}
"""

CASES = [
    ("no after_retries", BASE.replace("{after}", ""), [At("R503", 4, 3)]),
    ("to a person", BASE.replace("{after}", ", after_retries: advisor"), []),
    ("to a goodbye that hangs up", BASE.replace("{after}", ", after_retries: sorry"), [At("R503", 2, 91)]),
    ("near miss: back to the main menu keeps the caller", BASE.replace("{after}", ", after_retries: main"), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_disconnect_on_error(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="R503")) == expected


def test_message_and_closed_state() -> None:
    (finding,) = lint(BASE.replace("{after}", ""), select="R503")
    assert finding.message == 'callers who run out of retries in "main" are disconnected'
    (closed,) = lint("""
        entry: main
        hours: {office: {mon-fri: "09:00-17:00"}}
        defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
        nodes:
          main:
            prompt: For an advisor, press 0.
            options:
              "0": {label: Advisor, goto: advisor}
          advisor: {type: agent, hours: office, closed: bye}
          bye: {type: hangup}
        """, select="R503")
    assert closed.state == "closed"
