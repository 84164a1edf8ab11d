"""S107 single-option-menu: a menu with one real choice."""

import pytest

from tests.conftest import At, codes_at, lint

ONE = """
entry: main
nodes:
  main:
    prompt: To speak to an advisor, press 0. To hear this again, press star.
    options:
      "0": {label: Advisor, goto: advisor}
      "*": {label: Repeat, goto: repeat}
  advisor: {type: agent}
"""

CASES = [
    ("one choice plus repeat", ONE, [At("S107", 3, 3)]),
    ("two choices", ONE.replace('"*": {label: Repeat, goto: repeat}', '"1": {label: Hours, goto: advisor}'), []),
    ("near miss: two keys to one place are still two choices", ONE.replace(
        '"*": {label: Repeat, goto: repeat}', '"1": {label: Sales, goto: advisor}'), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_single_option_menu(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="S107")) == expected


def test_message_names_the_menu_and_its_only_key() -> None:
    (finding,) = lint(ONE, select="S107")
    assert finding.message == 'menu "main" offers one choice only ("0")'
