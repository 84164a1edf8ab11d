"""S110 unconventional-key: a reserved key does something other than its conventional job."""

import pytest

from tests.conftest import At, codes_at, lint


def menu(star: str, hash_target: str = "main") -> str:
    return f"""entry: main
nodes:
  main:
    prompt: For cards, press 1.
    options:
      "1": {{label: Cards, goto: cards}}
      "*": {{label: Star, goto: {star}}}
  cards:
    prompt: For a new card, press 1.
    options:
      "1": {{label: New card, goto: advisor}}
      "#": {{label: Hash, goto: {hash_target}}}
  advisor: {{type: agent}}
  goodbye: {{type: hangup}}
"""


CASES = [
    ("star reaches a person", menu("advisor"), [At("S110", 7, 7)]),
    ("star repeats", menu("repeat"), []),
    ("near miss: hash goes back to the menu that led here", menu("repeat", "main"), []),
    ("hash hangs up", menu("repeat", "goodbye"), [At("S110", 12, 7)]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_unconventional_key(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="S110")) == expected


def test_keys_are_a_setting_and_the_message_names_the_job() -> None:
    iso = {"S110": {"keys": ["*=back", "#=none"]}}
    found = lint(menu("repeat"), select="S110", rules=iso)
    assert [f.message for f in found] == [
        'key "*" in "main" (Star) should go back',
        'key "#" in "cards" (Hash) should not be a menu option (it ends input)',
    ]
