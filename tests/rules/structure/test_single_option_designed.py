"""S107: a confirmation with a way back, and a bridge whose silence reaches its key's place, only inform."""

import pytest

from tests.conftest import lint

PROMPTS = {
    "en": ("The fee cannot be refunded. To continue, press 1. To go back, press 9.",
           "Our reception speaks English. Press 1 to be connected."),
    "fi": ("Maksua ei palauteta. Jatkaaksesi paina 1. Palataksesi paina 9.",
           "Vastaanotto palvelee suomeksi. Paina 1, niin yhdistämme."),
    "sv": ("Avgiften återbetalas inte. För att fortsätta, tryck 1. För att gå tillbaka, tryck 9.",
           "Receptionen talar svenska. Tryck 1 så kopplar vi dig."),
    "es": ("La tasa no se devuelve. Para continuar, pulse 1. Para volver, pulse 9.",
           "La recepción atiende en español. Pulse 1 y le conectamos."),
}

#: A hold: one key, or waiting, to the same place.
HOLD = {
    "en": "Press 1 to be put through, or stay on the line.",
    "fi": "Paina 1, tai pysy linjalla.",
    "sv": "Tryck 1, eller stanna kvar i linjen.",
    "es": "Pulse 1, o permanezca en línea.",
}

def line(language: str, prompt: str, other: str = "", after: str = "advisor", timeout: str = "repeat",
         bridge: bool = False) -> str:
    """A main menu and a one-key `step`; with `bridge`, `step` speaks `language` in a line of another."""
    own = ("fi" if language == "sv" else "sv") if bridge else language
    spoken = f"\n    language: {language}" if bridge else ""
    return f"""
language: {own}
entry: main
defaults: {{on_timeout: repeat, on_invalid: repeat, after_retries: advisor}}
nodes:
  main:
    prompt: "Welcome. {prompt}"
    options:
      "1": {{label: Continue, goto: step}}
      "2": {{label: Other, goto: office}}
  step:{spoken}
    prompt: "{prompt}"
    options:
      "1": {{label: Advisor, goto: advisor}}{other}
    on_timeout: {timeout}
    after_retries: {after}
  advisor: {{type: agent}}
  office: {{type: agent}}
"""


BACK = '\n      "9": {label: Back, goto: back}'
STAR = '\n      "*": {label: Repeat, goto: repeat}'


def step_finding(text: str):
    (finding,) = [f for f in lint(text, select="S107") if f.node_id == "step"]
    return finding


@pytest.mark.parametrize("language", PROMPTS)
def test_a_confirmation_with_a_way_back_only_informs(language: str) -> None:
    """Before: a warning with advice to send the call straight on, past the no-refund warning."""
    finding = step_finding(line(language, PROMPTS[language][0], BACK, after="office"))
    assert finding.severity.value == "info" and "a way back" in finding.message
    assert finding.help.startswith("keep it if the step is meant")


@pytest.mark.parametrize("language", PROMPTS)
def test_a_language_bridge_whose_retries_reach_its_key_only_informs(language: str) -> None:
    """Before: a warning on "Our reception speaks English. Press 1 to be connected" in a Swedish line."""
    finding = step_finding(line(language, PROMPTS[language][1], STAR, bridge=True))
    assert finding.severity.value == "info" and 'silence reaches the same place ("advisor")' in finding.message


@pytest.mark.parametrize("language", PROMPTS)
def test_a_bridge_whose_timeout_reaches_its_key_only_informs(language: str) -> None:
    finding = step_finding(line(language, HOLD[language], timeout="advisor", bridge=True))
    assert finding.severity.value == "info"


@pytest.mark.parametrize("language", PROMPTS)
def test_near_miss_a_hold_in_the_lines_own_language_still_warns(language: str) -> None:
    """"Press 1, or stay on the line", both to the same desk, in the line's own language: the press is
    needless, and a `message` says the same."""
    finding = step_finding(line(language, HOLD[language], timeout="advisor"))
    assert finding.severity.value == "warning"


@pytest.mark.parametrize("language", PROMPTS)
def test_near_miss_same_place_without_a_bridge_or_hold_still_warns(language: str) -> None:
    """In the line's own language, with no word of waiting, the press is plainly needless."""
    finding = step_finding(line(language, PROMPTS[language][1], STAR))
    assert finding.severity.value == "warning"


@pytest.mark.parametrize("language", PROMPTS)
def test_near_miss_a_bridge_whose_silence_goes_elsewhere_still_warns(language: str) -> None:
    finding = step_finding(line(language, PROMPTS[language][1], STAR, after="office", bridge=True))
    assert finding.severity.value == "warning"


@pytest.mark.parametrize("language", PROMPTS)
def test_defect_a_one_key_menu_whose_silence_repeats_it_still_warns(language: str) -> None:
    """Repeat only, and the retries fall back on the menu itself: the planted shape ("To cancel, press 1.
    To hear this again, press star", after_retries to itself)."""
    finding = step_finding(line(language, PROMPTS[language][1], STAR, after="step"))
    assert finding.severity.value == "warning"


@pytest.mark.parametrize("language", PROMPTS)
def test_near_miss_a_repeat_key_is_no_way_back(language: str) -> None:
    """Star to repeat is not a way back: with the retries falling to the main menu, it still warns."""
    finding = step_finding(line(language, PROMPTS[language][0], STAR, after="main"))
    assert finding.severity.value == "warning"
