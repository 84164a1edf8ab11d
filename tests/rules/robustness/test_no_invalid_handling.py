"""R502 no-invalid-handling: a wrong key gets no answer."""

import pytest

from tests.conftest import At, codes_at, lint

BASE = """
entry: main
{defaults}nodes:
  main:
    prompt: For an advisor, press 0.
    options:
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent}
"""

CASES = [
    ("missing", BASE.replace("{defaults}", ""), [At("R502", 3, 3)]),
    ("from defaults", BASE.replace("{defaults}", "defaults: {on_invalid: repeat}\n"), []),
    ("near miss: on_timeout alone does not handle wrong keys", BASE.replace("{defaults}", "defaults: {on_timeout: repeat}\n"),
     [At("R502", 4, 3)]),
    ("near miss: a menu's own on_invalid beats missing defaults", BASE.replace("{defaults}", "").replace(
        "    options:", "    on_invalid: repeat\n    options:"), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_no_invalid_handling(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="R502")) == expected


def test_message_names_the_menu_and_the_missing_field() -> None:
    (finding,) = lint(BASE.replace("{defaults}", ""), select="R502")
    assert finding.message == 'menu "main" has no `on_invalid`'
