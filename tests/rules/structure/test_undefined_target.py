"""S101 undefined-target: a target that names no node."""

import pytest

from tests.conftest import At, codes_at, lint

CASES = [
    ("misspelt goto", """
        entry: main
        nodes:
          main:
            prompt: For an advisor, press 0.
            options:
              "0": {label: Advisor, goto: advisr}
          advisor: {type: agent}
        """, [At("S101", 6, 35)]),
    ("fixed", """
        entry: main
        nodes:
          main:
            prompt: For an advisor, press 0.
            options:
              "0": {label: Advisor, goto: advisor}
          advisor: {type: agent}
        """, []),
    ("entry and next are targets too", """
        entry: mian
        nodes:
          main: {type: message, prompt: Hello., next: nowhere}
        """, [At("S101", 1, 8), At("S101", 3, 47)]),
    ("near miss: repeat, back and another file's node are not undefined", """
        entry: main
        nodes:
          main:
            prompt: For billing, press 1. For an advisor, press 0. Press star to repeat, hash to go back.
            options:
              "1": {label: Billing, goto: billing.ivr.yaml#start}
              "0": {label: Advisor, goto: advisor}
              "*": {label: Repeat, goto: repeat}
              "#": {label: Back, goto: back}
          advisor: {type: agent}
        """, []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_undefined_target(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="S101")) == expected


def test_message_suggests_the_closest_node() -> None:
    (finding,) = lint(CASES[0][1], select="S101")
    assert finding.message == '"main" leads to "advisr", which is no node'
    assert finding.help == 'did you mean "advisor"? Otherwise declare "advisr" under `nodes:`'


def test_a_task_expecting_no_node_is_an_error_at_its_expect_with_a_did_you_mean() -> None:
    text = """
    entry: main
    nodes:
      main:
        prompt: For emergencies, press 1.
        options:
          "1": {label: Emergencies, goto: emergency}
      emergency: {type: agent}
    tasks:
      - say: My pipe burst
        expect: emergnecy
    """
    (finding,) = lint(text, select="S101")
    assert (finding.span.line, finding.span.column) == (10, 13)
    assert finding.message == 'the task "My pipe burst" expects callers at "emergnecy", which is no node'
    assert finding.help.startswith('did you mean "emergency"?')


ENTRY_AT = """
entry: {entry}
nodes:
  main:
    prompt: To speak to an advisor, press 0.
    options:
      "0": {{label: Advisor, goto: advisor}}
  advisor: {{type: agent}}
"""


@pytest.mark.parametrize("word", ["repeat", "back"])
def test_an_entry_naming_a_move_is_no_node_where_a_call_starts(word: str) -> None:
    (finding,) = lint(ENTRY_AT.format(entry=word), select="S101")
    assert (finding.span.line, finding.span.column) == (1, 8) and "a move from a menu" in finding.message


def test_an_entry_naming_a_node_is_fine() -> None:
    assert lint(ENTRY_AT.format(entry="main"), select="S101") == []
