"""R506 no-keypad-fallback: speech-only options."""

import pytest

from tests.conftest import At, codes_at, lint

BASE = """
entry: main
nodes:
  main:
    prompt: Say billing, or press 0 for an advisor.
    options:
      billing: {label: Billing, goto: billing, say: [billing]}
      "0": {label: Advisor, goto: advisor}{extra}
  billing: {type: self_service}
  advisor: {type: agent}
"""

CASES = [
    ("speech only", BASE.replace("{extra}", ""), [At("R506", 6, 7)]),
    ("speech on a numbered key", BASE.replace("{extra}", "").replace("billing: {label: Billing", '"1": {label: Billing'), []),
    ("near miss: a key leads to the same place", BASE.replace("{extra}", '\n      "1": {label: Billing, goto: billing}'), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_no_keypad_fallback(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="R506")) == expected


def test_message_names_the_speech_only_option_and_its_menu() -> None:
    (finding,) = lint(BASE.replace("{extra}", ""), select="R506")
    assert finding.message == 'option "billing" in menu "main" can only be spoken'
