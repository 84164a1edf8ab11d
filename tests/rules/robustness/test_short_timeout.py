"""R507 short-timeout: too few seconds to answer."""

import pytest

from tests.conftest import At, codes_at, lint


def menu(timeout: float, own: bool = False) -> str:
    where = f"    timeout: {timeout}\n" if own else ""
    default = "" if own else f"defaults: {{timeout: {timeout}}}\n"
    return (f"entry: main\n{default}nodes:\n  main:\n    prompt: For an advisor, press 0.\n{where}"
            "    options:\n      \"0\": {label: Advisor, goto: advisor}\n  advisor: {type: agent}\n")


CASES = [
    ("two seconds in defaults", menu(2), [At("R507", 2, 12)]),
    ("two seconds on the menu", menu(2, own=True), [At("R507", 5, 5)]),
    ("five seconds", menu(5), []),
    ("near miss: exactly the minimum", menu(3), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_short_timeout(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="R507")) == expected


def test_message_and_setting() -> None:
    (finding,) = lint(menu(2, own=True), select="R507")
    assert finding.message == '"main" waits only 2 s for an answer, under the minimum of 3 s'
    assert lint(menu(5), select="R507", rules={"R507": {"min_seconds": 8}})
