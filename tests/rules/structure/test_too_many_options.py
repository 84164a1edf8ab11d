"""S106 too-many-options: more than 5 choices (an error above 9)."""

import pytest

from ivrcheck.findings import Severity
from tests.conftest import At, codes_at, lint


def menu(keys: str) -> str:
    options = "\n".join(f'      "{k}": {{label: Topic {k}, goto: advisor}}' for k in keys)
    return f"entry: main\nnodes:\n  main:\n    prompt: Choose.\n    options:\n{options}\n  advisor: {{type: agent}}\n"


CASES = [
    ("six options", menu("123450"), [At("S106", 5, 5)]),
    ("five options", menu("12340"), []),
    ("near miss: one key bound twice is S109, not a sixth choice", menu("12340").replace(
        '      "0"', '      1: {label: Again, goto: advisor}\n      "0"'), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_too_many_options(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="S106")) == expected


def test_severity_rises_above_nine_and_message_counts() -> None:
    (warning,) = lint(menu("123450"), select="S106")
    assert warning.severity is Severity.WARNING
    assert warning.message == 'menu "main" offers 6 choices, over the limit of 5'
    (error,) = lint(menu("1234567890"), select="S106")
    assert error.severity is Severity.ERROR
    assert lint(menu("123450"), select="S106", rules={"S106": {"max_options": 6}}) == []
