"""S102 unreachable-node: a node no call reaches."""

import pytest

from tests.conftest import At, codes_at, lint

BASE = """
entry: main
nodes:
  main:
    prompt: For an advisor, press 0.
    options:
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent}
  info: {type: message, prompt: Nine to five., next: main}
"""

CASES = [
    ("orphan message", BASE, [At("S102", 8, 3)]),
    ("linked from a menu", BASE.replace('"0": {label', '"1": {label: Hours, goto: info}\n      "0": {label'), []),
    ("near miss: reached only through a timeout still counts", BASE.replace(
        "    options:", "    on_timeout: info\n    options:"), []),
    ("near miss: reached only outside hours still counts", """
        entry: main
        hours: {office: {mon-fri: "09:00-17:00"}}
        nodes:
          main:
            prompt: For an advisor, press 0.
            options:
              "0": {label: Advisor, goto: advisor}
          advisor: {type: agent, hours: office, closed: callback}
          callback: {type: callback, confirmation: sms}
        """, []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_unreachable_node(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="S102")) == expected


def test_message_names_the_node() -> None:
    (finding,) = lint(BASE, select="S102")
    assert finding.message == 'no call can reach message "info" from the entry'
    assert finding.node_id == "info"


OPENING_BRANCH = """
hours: {office: {mon-fri: "08:00-20:00"}}
entry: start
nodes:
  start:
    type: branch
    "on": hours
    hours: office
    cases: {open: main, closed: shut}
  main:
    prompt: For a new connection, press 1.
    options:
      "1": {label: New connection, goto: team}
  team: {type: agent, hours: office, closed: team_callback}
  team_callback: {type: callback, confirmation: sms, prompt: We will call you back tomorrow.}
  bye: {type: hangup}
  shut: {type: message, prompt: We are closed., next: bye}
"""


def test_the_closed_target_of_a_person_reached_only_in_open_hours_is_not_unreachable() -> None:
    """The line branches on hours at the start; the team's callback catches callers as it closes."""
    assert lint(OPENING_BRANCH, select="S102") == []


def test_a_closed_target_of_a_person_no_call_reaches_is_unreachable() -> None:
    """Near miss: with the menu option gone, neither the team nor its callback is reached."""
    text = OPENING_BRANCH.replace('"1": {label: New connection, goto: team}', '"1": {label: New connection, goto: bye}')
    assert sorted(f.node_id for f in lint(text, select="S102")) == ["team", "team_callback"]
