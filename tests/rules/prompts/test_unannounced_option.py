"""P401 unannounced-option: an option whose key the prompt never mentions."""

import pytest

from tests.conftest import At, codes_at, lint


def menu(language: str, prompt: str, extra: str = "", extension: bool = False) -> str:
    dial = "\n            dial_by_extension: {digits: 3, goto: advisor}" if extension else ""
    return f"""
        language: {language}
        entry: main
        nodes:
          main:
            prompt: {prompt}{dial}
            options:
              "1": {{label: Cards, goto: cards}}
              "0": {{label: Advisor, goto: advisor}}{extra}
          cards: {{type: self_service}}
          advisor: {{type: agent}}
        """


SPEECH = '\n              agent: {label: Agent, goto: advisor, say: [agent, person]}'

CASES = [
    ("en key never offered", menu("en", "For cards, press 1."), [At("P401", 8, 7)]),
    ("en fixed", menu("en", "For cards, press 1. To speak to an advisor, press 0."), []),
    ("en near miss: keys as words", menu("en", "For cards, press one. For an advisor, press zero."), []),
    ("en near miss: a speech-only option has no key to announce",
     menu("en", "For cards, press 1. For an advisor, press 0.", SPEECH), []),
    ("en dial-by-extension never offered",
     menu("en", "For cards, press 1. For an advisor, press 0.", extension=True), [At("P401", 6, 5)]),
    ("en near miss: dial-by-extension offered in words",
     menu("en", "If you know the extension, dial it now. For cards, press 1. For an advisor, press 0.",
          extension=True), []),
    ("fi near miss: dial-by-extension offered in words",
     menu("fi", "Jos tiedät alanumeron, näppäile se nyt. Korttiasioissa paina 1. Asiakaspalvelijalle paina 0.",
          extension=True), []),
    ("fi key never offered", menu("fi", "Korttiasioissa paina 1."), [At("P401", 8, 7)]),
    ("fi fixed", menu("fi", "Korttiasioissa paina 1. Asiakaspalvelijalle paina 0."), []),
    ("fi near miss: inflected number words",
     menu("fi", "Korttiasioissa paina ykköstä. Asiakaspalvelijalle valitse nolla."), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_unannounced_option(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="P401")) == expected


def test_a_menu_without_a_prompt_announces_nothing() -> None:
    text = menu("en", "For cards, press 1.").replace("            prompt: For cards, press 1.\n", "")
    assert [f.message.split(" is never")[0] for f in lint(text, select="P401")] == [
        'option "1" ("Cards") in "main"', 'option "0" ("Advisor") in "main"']


def test_message_and_help_offer_the_line_to_add_in_the_menus_language() -> None:
    (finding,) = lint(menu("en", "For cards, press 1."), select="P401")
    assert finding.node_id == "main"
    assert 'option "0" ("Advisor") in "main" is never announced' in finding.message
    assert finding.help == 'add "For advisor, press 0." to the prompt, or remove the option'
    (finding,) = lint(menu("fi", "Korttiasioissa paina 1."), select="P401")
    assert finding.help == 'add "Advisor, paina 0." to the prompt, or remove the option'
