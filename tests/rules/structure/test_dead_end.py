"""S103 dead-end: a reachable node that neither ends the call nor leads anywhere."""

import pytest

from tests.conftest import At, codes_at, lint

CASES = [
    ("message without next is a dead end", """
        entry: main
        nodes:
          main:
            prompt: For hours, press 1. For an advisor, press 0.
            options:
              "1": {label: Hours, goto: info}
              "0": {label: Advisor, goto: advisor}
          info: {type: message, prompt: We are open nine to five.}
          advisor: {type: agent}
        """, [At("S103", 8, 3)]),
    ("message with next is fine", """
        entry: main
        nodes:
          main:
            prompt: For hours, press 1. For an advisor, press 0.
            options:
              "1": {label: Hours, goto: info}
              "0": {label: Advisor, goto: advisor}
          info: {type: message, prompt: We are open nine to five., next: main}
          advisor: {type: agent}
        """, []),
    ("menu without options is a dead end", """
        entry: main
        nodes:
          main: {prompt: Welcome.}
        """, [At("S103", 3, 3)]),
    ("near miss: an unreachable message without next is S102's business, not S103's", """
        entry: main
        nodes:
          main:
            prompt: For an advisor, press 0.
            options:
              "0": {label: Advisor, goto: advisor}
          advisor: {type: agent}
          orphan: {type: message, prompt: Never heard.}
        """, []),
    ("near miss: a self-service task with no next ends the call on purpose", """
        entry: main
        nodes:
          main:
            prompt: To pay your bill, press 1. For an advisor, press 0.
            options:
              "1": {label: Pay, goto: pay}
              "0": {label: Advisor, goto: advisor}
          pay: {type: self_service}
          advisor: {type: agent}
        """, []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_dead_end(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="S103")) == expected


def test_message_names_the_node_and_the_fix() -> None:
    (finding,) = lint("""
        entry: main
        nodes:
          main: {prompt: Welcome.}
        """, select="S103")
    assert finding.node_id == "main"
    assert '"main" has no options' in finding.message
    assert "add options" in finding.help
