"""R508 no-more-time: a timed answer warns the caller and gives more time (Section 508)."""

import pytest

from tests.conftest import At, codes_at, lint


def menu(handling: str, line: str = "line: {country: US}") -> str:
    return f"""
    entry: main
    {line}
    nodes:
      main:
        type: input
        prompt: Enter your account number.
        digits: 8
        timeout: 5
        on_invalid: repeat
        after_retries: advisor
        next: advisor
        {handling}
      bye: {{type: hangup}}
      advisor: {{type: agent}}
      still_there: {{type: message, prompt: Take your time. I will ask again., next: main}}
    """


def test_silence_hangs_up() -> None:
    (finding,) = lint(menu("on_timeout: bye"), select="R508")
    assert codes_at([finding]) == [At("R508", 12, 17)]
    assert finding.message == ('a caller who has not answered input "main" within 5 s is moved on to "bye" '
                               "without a warning or more time")


def test_asking_again_passes_directly_or_through_a_warning() -> None:
    assert not lint(menu("on_timeout: repeat"), select="R508")
    assert not lint(menu("on_timeout: still_there"), select="R508")


def test_no_retry_left_is_no_more_time() -> None:
    (finding,) = lint(menu("on_timeout: repeat\n        retries: 0"), select="R508")
    assert "retries: 0" in finding.message


def test_a_person_on_silence_is_a_near_miss_and_unaudited_lines_stay_quiet() -> None:
    assert not lint(menu("on_timeout: advisor"), select="R508")
    assert not lint(menu("on_timeout: bye", line=""), select="R508")


AFTER_SERVICE = """
entry: main
line: {country: US}
defaults: {timeout: 6, retries: 2, on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  main:
    prompt: For your balance, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Balance, goto: balance}
      "0": {label: Advisor, goto: advisor}
  balance: {type: self_service, prompt: Your balance is read out., next: after}
  after:
    prompt: To speak to an advisor, press 0. For the main menu, press star. If you're done, you can hang up.
    options:
      "0": {label: Advisor, goto: advisor}
      "*": {label: Main menu, goto: main}
    on_timeout: SILENCE
  bye: {type: hangup}
  advisor: {type: agent}
"""


def test_silence_ending_a_menu_that_winds_the_call_up_is_info() -> None:
    (finding,) = lint(AFTER_SERVICE.replace("SILENCE", "bye"), select="R508")
    assert finding.severity.value == "info" and "winds the call up" in finding.message
    assert not lint(AFTER_SERVICE.replace("SILENCE", "repeat"), select="R508")


def test_silence_ending_a_menu_in_the_middle_of_a_task_stays_a_warning() -> None:
    text = AFTER_SERVICE.replace("SILENCE", "bye").replace("balance: {type: self_service", "balance: {type: message")
    text = text.replace('"*": {label: Main menu, goto: main}', '"1": {label: Pay a bill, goto: pay}')
    text += "  pay: {type: self_service, prompt: Payment taken., next: advisor}\n"
    (finding,) = lint(text, select="R508")
    assert finding.severity.value == "warning"


def test_silence_that_takes_the_way_a_choice_takes_is_the_default_not_a_cut_off() -> None:
    assert not lint(menu("on_timeout: advisor").replace("next: advisor", "next: advisor"), select="R508")
    language = """
    entry: choose
    line: {country: US}
    language: fi
    nodes:
      choose:
        prompt: På svenska, tryck 9. Suomeksi paina 1 tai odota hetki.
        timeout: 5
        on_timeout: fi_menu
        on_invalid: repeat
        after_retries: fi_menu
        options:
          "1": {label: Suomeksi, goto: fi_menu}
          "9": {label: På svenska, goto: sv_menu, language: sv}
      fi_menu: {type: message, prompt: Tervetuloa., next: advisor}
      sv_menu: {type: message, prompt: Välkommen., next: advisor, language: sv}
      advisor: {type: agent}
    """
    assert not lint(language, select="R508")
    # near miss: the option silence copies only hangs up ("already solved? press 1"): still a cut-off
    assert lint(language.replace("fi_menu: {type: message, prompt: Tervetuloa., next: advisor}",
                                 "fi_menu: {type: hangup}"), select="R508")


def test_silence_moving_the_caller_on_to_another_step_is_info() -> None:
    text = menu("on_timeout: by_phone").replace(
        "advisor: {type: agent}", "advisor: {type: agent}\n      by_phone: {type: self_service, prompt: We look you up., next: found}"
        "\n      found: {prompt: For an advisor press 0., options: {'0': {label: Advisor, goto: advisor}},"
        " on_invalid: repeat, on_timeout: repeat, after_retries: advisor}")
    (finding,) = lint(text, select="R508")
    assert finding.severity.value == "info" and "the call goes on there" in finding.message


def test_near_miss_silence_taking_the_way_back_to_the_main_menu_still_loses_the_callers_place() -> None:
    text = AFTER_SERVICE.replace("SILENCE", "main").replace("balance: {type: self_service", "balance: {type: message")
    text = text.replace('"0": {label: Advisor, goto: advisor}\n      "*"', '"1": {label: Pay a bill, goto: pay}\n      "*"')
    text += "  pay: {type: self_service, prompt: Payment taken., next: advisor}\n"
    (finding,) = lint(text, select="R508")
    assert finding.severity.value == "warning" and 'moved on to "main"' in finding.message


def test_silence_ending_a_menu_after_an_information_the_caller_chose_is_info() -> None:
    """Before: "Aceptamos efectivo y tarjeta... Si desea hablar con recepción, oprima 0. Si no, puede
    colgar": the prices were the errand, chosen with a key, and silence after them means done."""
    text = AFTER_SERVICE.replace("SILENCE", "bye").replace("balance: {type: self_service", "balance: {type: message")
    (finding,) = lint(text, select="R508")
    assert finding.severity.value == "info" and "winds the call up" in finding.message
    # the information heard again ("1" replays it) is nothing new either
    replay = text.replace('"*": {label: Main menu, goto: main}', '"1": {label: Hear it again, goto: balance}')
    assert [f.severity.value for f in lint(replay, select="R508")] == ["info"]


def test_near_miss_a_menu_after_a_message_nobody_chose_still_warns() -> None:
    """A welcome message that leads into a menu (no key pressed) is no errand done."""
    text = AFTER_SERVICE.replace("SILENCE", "bye").replace("entry: main", "entry: hello")
    text = text.replace("nodes:\n", "nodes:\n  hello: {type: message, prompt: Welcome., next: after}\n", 1)
    findings = lint(text, select="R508")
    assert [f.severity.value for f in findings] == ["warning"]


ANNOUNCED = """
entry: number
line: {country: US}
nodes:
  number:
    type: input
    language: LANG
    prompt: PROMPT
    digits: 9
    timeout: 8
    on_timeout: main
    on_invalid: repeat
    after_retries: main
    next: main
  main:
    prompt: For bookings, press 1. To speak to an agent, press 0.
    options:
      "1": {label: Bookings, goto: bookings}
      "0": {label: Agent, goto: agent}
  bookings: {type: self_service}
  agent: {type: agent}
"""


@pytest.mark.parametrize("language, prompt", [
    ("en", "Please key in your membership number. If you don't have it to hand, just wait and we'll carry on."),
    ("fi", "Näppäile jäsennumerosi. Jos sinulla ei ole sitä käsillä, odota, niin jatketaan."),
    ("sv", "Slå ditt medlemsnummer. Om du inte har det till hands, vänta kvar så går vi vidare."),
    ("es", "Marque su número de socio. Si no lo tiene a mano, espere y continuaremos."),
])
def test_silence_the_prompt_announces_as_a_way_on_is_info(language: str, prompt: str) -> None:
    """Before: "just wait and we'll carry on", then silence to the main menu, was "moved on without a
    warning": the move was the announced path."""
    (finding,) = lint(ANNOUNCED.replace("LANG", language).replace("PROMPT", f'"{prompt}"'), select="R508")
    assert finding.severity.value == "info" and "waiting is a way on" in finding.message


def test_near_miss_silence_to_the_main_menu_unannounced_still_warns() -> None:
    text = ANNOUNCED.replace("LANG", "en").replace("PROMPT", '"Please key in your membership number."')
    (finding,) = lint(text, select="R508")
    assert finding.severity.value == "warning"


#: An answer in the menu's own prompt, then one more choice: its silence and its retries both end the call.
ANSWERED = """
language: {language}
entry: main
line: {{consumers: true}}
defaults: {{timeout: 6, on_timeout: repeat, on_invalid: repeat, after_retries: agent}}
nodes:
  main:
    prompt: "{main}"
    options:
      "1": {{label: Outage, goto: known}}
      "0": {{label: Agent, goto: agent}}
  known:
    type: {kind}
    prompt: "{known}"
    {body}
    on_timeout: bye
    after_retries: {retries}
  text: {{type: self_service, prompt: "OK.", next: bye}}
  agent: {{type: agent}}
  bye: {{type: hangup}}
"""
WORDS = {
    "en": ("For a power cut, press 1. To speak to someone, press 0.",
           "We know about the outage in your area. For a text when power is back, press 1."),
    "fi": ("Sähkökatkoista paina 1. Asiakaspalveluun paina 0.",
           "Alueellasi on tiedossa oleva sähkökatko. Tekstiviestin saat painamalla 1."),
    "sv": ("Vid strömavbrott, tryck 1. För kundtjänst, tryck 0.",
           "Vi känner till avbrottet i ditt område. För ett sms när strömmen är tillbaka, tryck 1."),
    "es": ("Para un corte de luz, pulse 1. Para hablar con un asesor, pulse 0.",
           "Ya sabemos que no hay luz en su zona. Para recibir un mensaje cuando vuelva, pulse 1."),
}


def answered(language: str, retries: str = "bye", kind: str = "menu") -> str:
    body = 'options: {"1": {label: Text, goto: text}}' if kind == "menu" else "digits: 4\n    next: text"
    main, known = WORDS[language]
    return ANSWERED.format(language=language, main=main, known=known, kind=kind, body=body, retries=retries)


@pytest.mark.parametrize("language", sorted(WORDS))
def test_silence_ending_a_menu_whose_retries_end_there_too_only_informs(language: str) -> None:
    """Before: a warning ("the prompt says 'Si no, puede colgar': after hearing the outage estimate,
    silence means the caller is done"). Silence and wrong keys both end it: the designer's close."""
    (finding,) = lint(answered(language), select="R508")
    assert finding.severity.value == "info" and "designer's close" in finding.message


@pytest.mark.parametrize("language", sorted(WORDS))
def test_near_miss_an_input_or_a_menu_whose_retries_keep_the_caller_still_warns(language: str) -> None:
    assert [f.severity.value for f in lint(answered(language, kind="input"), select="R508")] == ["warning"]
    assert [f.severity.value for f in lint(answered(language, retries="agent"), select="R508")] == ["warning"]
