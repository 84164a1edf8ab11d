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


@pytest.mark.parametrize("language, prompt, fix", [
    ("en", "For an advisor, press 0.", '`"*": {label: Repeat these options, goto: repeat}` and say so in the prompt: '
     '"To repeat these options, press star."'),
    ("es", "Para hablar con un agente, pulse 0.", '`"*": {label: Repetir las opciones, goto: repeat}` and say so in '
     'the prompt: "Para repetir las opciones, pulse asterisco."'),
    ("sv", "För rådgivning, tryck 0.", '`"*": {label: Upprepa alternativen, goto: repeat}` and say so in the '
     'prompt: "För att upprepa alternativen, tryck stjärna."'),
])
def test_the_fix_is_in_the_language_of_the_menu(language: str, prompt: str, fix: str) -> None:
    """Before: "Repeat these options" was suggested in Finnish, Swedish and Spanish menus alike."""
    text = f"language: {language}\n" + menu("", "").replace("For an advisor, press 0.", prompt)
    (finding,) = lint(text, select="R505")
    assert finding.help == "add " + fix
