"""S109 duplicate-key: one key bound twice in a menu."""

import pytest

from tests.conftest import At, codes_at, lint

DUP = """
entry: main
nodes:
  main:
    prompt: For cards, press 1. For loans, press 2.
    options:
      "1": {label: Cards, goto: advisor}
      "2": {label: Loans, goto: advisor}
      2: {label: Savings, goto: advisor}
  advisor: {type: agent}
"""

CASES = [
    ("2 and \"2\"", DUP, [At("S109", 8, 7)]),
    ("fixed", DUP.replace("      2: {label: Savings", '      "3": {label: Savings'), []),
    ("near miss: the same key in two menus is fine", """
        entry: main
        nodes:
          main:
            prompt: For more, press 1.
            options: {"1": {label: More, goto: sub}}
          sub:
            prompt: For an advisor, press 1.
            options: {"1": {label: Advisor, goto: advisor}}
          advisor: {type: agent}
        """, []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_duplicate_key(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="S109")) == expected


def test_message_points_at_the_first() -> None:
    (finding,) = lint(DUP, select="S109")
    assert finding.message == 'key "2" is bound twice in menu "main"; previously defined at line 7, column 7'
