"""R501 no-timeout-handling and R502 no-invalid-handling share their shape; R501 here."""

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
    ("missing", BASE.replace("{defaults}", ""), [At("R501", 3, 3)]),
    ("from defaults", BASE.replace("{defaults}", "defaults: {on_timeout: repeat}\n"), []),
    ("near miss: on_invalid alone does not handle silence", BASE.replace("{defaults}", "defaults: {on_invalid: repeat}\n"),
     [At("R501", 4, 3)]),
    ("an input collects digits too", """
        entry: account
        nodes:
          account: {type: input, prompt: Enter your account number., digits: 8, next: advisor}
          advisor: {type: agent}
        """, [At("R501", 3, 3)]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_no_timeout_handling(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="R501")) == expected


def test_message_names_the_menu_and_the_missing_field() -> None:
    (finding,) = lint(BASE.replace("{defaults}", ""), select="R501")
    assert finding.message == 'menu "main" has no `on_timeout`'
