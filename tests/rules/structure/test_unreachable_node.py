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
