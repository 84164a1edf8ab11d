"""R505 no-repeat: no key to hear the options again."""

import pytest

from tests.conftest import At, codes_at, lint

BASE = """
entry: main
nodes:
  main:
    prompt: For an advisor, press 0.{extra_prompt}
    on_timeout: repeat
    options:
      "0": {label: Advisor, goto: advisor}{extra}
  advisor: {type: agent}
"""



def menu(extra_prompt: str, extra: str) -> str:
    return BASE.replace("{extra_prompt}", extra_prompt).replace("{extra}", extra)


CASES = [
    ("no repeat key (timing out does not count)", menu("", ""), [At("R505", 3, 3)]),
    ("star repeats", menu(" To hear this again, press star.", '\n      "*": {label: Repeat, goto: repeat}'), []),
    ("near miss: a key to the menu's own id repeats too", menu(
        " To hear this again, press 9.", '\n      "9": {label: Again, goto: main}'), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_no_repeat(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="R505")) == expected


def test_message_names_the_menu_without_a_repeat() -> None:
    (finding,) = lint(menu("", ""), select="R505")
    assert finding.message == 'menu "main" offers no way to hear the options again'
