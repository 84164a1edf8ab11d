"""P401: a silent key that leads where an announced key of the same menu leads only informs."""

import pytest

from ivrcheck.language import load_language
from tests.conftest import lint

#: (language, a prompt offering 1 and 2 in its words, a second offer of 2 in another function)
PROMPTS = [
    ("en", "For cards, press 1. For anything else, press 2.", "For Spanish, press 2."),
    ("fi", "Korteista paina 1. Muissa asioissa paina 2.", "Ruotsiksi paina 2."),
    ("sv", "För kort, tryck 1. För övriga ärenden, tryck 2.", "För finska, tryck 2."),
    ("es", "Para tarjetas, pulse 1. Para cualquier otra consulta, pulse 2.", "Para inglés, pulse 2."),
]


def line(language: str, prompt: str, zero_to: str = "advisor", three: str = "") -> str:
    return f"""
language: {language}
entry: main
nodes:
  main:
    prompt: "{prompt}"
    options:
      "1": {{label: Cards, goto: cards}}
      "2": {{label: Other, goto: advisor}}
      "0": {{label: Person, goto: {zero_to}}}{three}
  cards: {{type: self_service}}
  advisor: {{type: agent, queue: general}}
  desk: {{type: agent, queue: general}}
  other_desk: {{type: agent, queue: urgent}}
"""


@pytest.mark.parametrize("language,prompt,_", PROMPTS)
def test_a_silent_0_to_the_place_of_an_announced_key_only_informs(language: str, prompt: str, _: str) -> None:
    """Before: "never announced" in the line's first menu. The announced 2 reaches the same adviser:
    the silent 0 is a catch for habit presses, not a hidden choice."""
    (finding,) = lint(line(language, prompt), select="P401")
    assert finding.severity.value == "info" and 'where the announced "2" leads' in finding.message


@pytest.mark.parametrize("language,prompt,_", PROMPTS)
def test_a_silent_0_to_a_person_of_the_same_queue_only_informs(language: str, prompt: str, _: str) -> None:
    (finding,) = lint(line(language, prompt, zero_to="desk"), select="P401")
    assert finding.severity.value == "info"


@pytest.mark.parametrize("language,prompt,_", PROMPTS)
def test_defect_a_silent_0_to_a_place_no_announced_key_reaches_still_warns(language: str, prompt: str,
                                                                           _: str) -> None:
    (finding,) = lint(line(language, prompt, zero_to="other_desk"), select="P401")
    assert finding.severity.value == "warning" and "never announced" in finding.message


@pytest.mark.parametrize("language,prompt,_", PROMPTS)
def test_near_miss_a_silent_key_with_a_task_of_its_own_still_warns(language: str, prompt: str, _: str) -> None:
    """Key 3 "Moving" leads where 2 leads, but it is a task callers cannot know of."""
    text = line(language, prompt, three='\n      "3": {label: Moving house, goto: advisor}')
    found = {f.span.line: f.severity.value for f in lint(text, select="P401")}
    assert sorted(found.values()) == ["info", "warning"]


@pytest.mark.parametrize("language,prompt,twice", PROMPTS)
def test_near_miss_a_prompt_offering_one_key_twice_is_not_excused(language: str, prompt: str, twice: str) -> None:
    """"For a librarian, press 9. For Swedish, press 9": the prompt misnumbered something, perhaps the 0."""
    (finding,) = lint(line(language, f"{prompt} {twice}"), select="P401")
    assert finding.severity.value == "warning"


@pytest.mark.parametrize("prompt,key", [
    ("Si es un moretón o cansancio, marcá 1 y te atiende una enfermera del equipo.", "1"),
    ("Para turnos, pulsá 2.", "2"),
    ("Si querés hablar con alguien, presioná 0.", "0"),
    ("Elegí la opción 3 para pagar.", "3"),
    ("Para repetir, apretá asterisco.", "*"),
])
def test_voseo_imperatives_offer_a_key(prompt: str, key: str) -> None:
    """Before: "never announced"; Rioplatense prompts say "marcá", "pulsá", "presioná"."""
    assert [o.key for o in load_language("es").offers(prompt)] == [key]


def test_near_miss_a_voseo_verb_before_a_quantity_offers_nothing() -> None:
    assert load_language("es").offers("Marcá tu número de cuatro dígitos.") == ()


def test_a_voseo_offer_is_read_in_a_menu() -> None:
    text = line("es", "Para tarjetas, marcá 1. Para cualquier otra consulta, marcá 2. Para una persona, marcá 0.")
    assert lint(text, select="P401") == []


#: A greeting offering 1 for the patrol, then the main menu; (language, greeting, main menu prompt).
GREETINGS = [
    ("en", "Welcome. If someone is injured, press 1 for the patrol.", "For tickets, press 2."),
    ("fi", "Tervetuloa. Jos joku on loukkaantunut, paina 1.", "Lipuista paina 2."),
    ("sv", "Välkommen. Om någon är skadad, tryck 1.", "För biljetter, tryck 2."),
    ("es", "Bienvenido. Si alguien está herido, pulse 1.", "Para entradas, pulse 2."),
]


def greeting_line(language: str, greeting: str, prompt: str, one_to: str = "patrol") -> str:
    return f"""
language: {language}
entry: greeting
nodes:
  greeting:
    prompt: "{greeting}"
    options:
      "1": {{label: Patrol, goto: patrol}}
    on_timeout: main
    on_invalid: main
    after_retries: main
  main:
    prompt: "{prompt}"
    options:
      "2": {{label: Tickets, goto: tickets}}
      "1": {{label: Patrol, goto: {one_to}}}
  patrol: {{type: agent}}
  tickets: {{type: self_service}}
  other: {{type: agent}}
"""


@pytest.mark.parametrize("language,greeting,prompt", GREETINGS)
def test_a_key_the_greeting_offers_for_the_same_place_only_informs(language: str, greeting: str,
                                                                   prompt: str) -> None:
    """Before: "never announced" on the main menu's silent 1, a fallback for callers who pressed late."""
    (finding,) = lint(greeting_line(language, greeting, prompt), select="P401")
    assert finding.severity.value == "info" and '"greeting", which callers hear first' in finding.message


@pytest.mark.parametrize("language,greeting,prompt", GREETINGS)
def test_near_miss_the_same_key_to_another_place_still_warns(language: str, greeting: str, prompt: str) -> None:
    (finding,) = lint(greeting_line(language, greeting, prompt, one_to="other"), select="P401")
    assert finding.severity.value == "warning"
