"""H206 callback-unconfirmed: a callback with no confirmation."""

import pytest

from tests.conftest import At, codes_at, lint

BASE = """
entry: main
nodes:
  main:
    prompt: For an advisor, press 0. For a callback, press 1.
    options:
      "0": {label: Advisor, goto: advisor}
      "1": {label: Callback, goto: cb}
  advisor: {type: agent}
  cb: {type: callback{confirm}}
"""

CASES = [
    ("missing", BASE.replace("{confirm}", ""), [At("H206", 9, 3)]),
    ("none", BASE.replace("{confirm}", ", confirmation: none"), [At("H206", 9, 24)]),
    ("sms", BASE.replace("{confirm}", ", confirmation: sms"), []),
    ("near miss: voicemail is not judged", BASE.replace("{type: callback{confirm}}", "{type: voicemail}"), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_callback_unconfirmed(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="H206")) == expected


def test_message_names_the_callback_that_does_not_confirm() -> None:
    (finding,) = lint(BASE.replace("{confirm}", ""), select="H206")
    assert finding.message == 'callback "cb" does not confirm the booking to the caller'
