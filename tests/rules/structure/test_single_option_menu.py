"""S107 single-option-menu: a menu with one real choice."""

import pytest

from tests.conftest import At, codes_at, lint

ONE = """
entry: main
nodes:
  main:
    prompt: To speak to an advisor, press 0. To hear this again, press star.
    options:
      "0": {label: Advisor, goto: advisor}
      "*": {label: Repeat, goto: repeat}
  advisor: {type: agent}
"""

CASES = [
    ("one choice plus repeat", ONE, [At("S107", 3, 3)]),
    ("two choices", ONE.replace('"*": {label: Repeat, goto: repeat}', '"1": {label: Hours, goto: advisor}'), []),
    ("near miss: two keys to one place are still two choices", ONE.replace(
        '"*": {label: Repeat, goto: repeat}', '"1": {label: Sales, goto: advisor}'), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_single_option_menu(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="S107")) == expected


def test_message_names_the_menu_and_its_only_key() -> None:
    (finding,) = lint(ONE, select="S107")
    assert finding.message == 'menu "main" offers one choice only ("0")'


CLOSED = """
entry: closed
nodes:
  closed:
    prompt: We are open on weekdays from 8 to 4. To have an advisor call you back tomorrow, press 1.
    options:
      "1": {label: Callback, goto: TARGET}
  callback: {type: callback, prompt: We will call you back tomorrow before noon., promise: tomorrow before noon}
  advisor: {type: agent}
"""


def test_a_single_choice_that_asks_for_a_callback_is_the_callers_request() -> None:
    """Before: reported, with advice to send the call straight on, which would book a callback for
    every caller who only wanted the hours."""
    assert lint(CLOSED.replace("TARGET", "callback"), select="S107") == []


def test_near_miss_a_single_choice_to_an_agent_is_still_reported() -> None:
    assert codes_at(lint(CLOSED.replace("TARGET", "advisor"), select="S107")) == [At("S107", 3, 3)]


def test_near_miss_a_callback_that_silence_books_too_is_still_reported() -> None:
    """The key press asks nothing when silence books the same callback at once: a needless step."""
    text = CLOSED.replace("TARGET", "callback").replace('      "1": {label: Callback, goto: callback}',
                                                       '      "1": {label: Callback, goto: callback}\n'
                                                       '    on_timeout: callback')
    assert codes_at(lint(text, select="S107")) == [At("S107", 3, 3)]


def test_a_callback_the_retries_fall_back_to_is_still_the_callers_request() -> None:
    """A closed message with one opt-in, star to repeat, and the retries falling to the callback: the
    fallback is only a fallback (blind judges called four such warnings on good lines false)."""
    text = CLOSED.replace("TARGET", "callback").replace('      "1": {label: Callback, goto: callback}',
                                                       '      "1": {label: Callback, goto: callback}\n'
                                                       '      "*": {label: Repeat, goto: repeat}\n'
                                                       '    after_retries: callback')
    assert lint(text, select="S107") == []


def test_a_greeting_callers_may_let_pass_is_not_a_single_choice_menu() -> None:
    """"Para español, oprima 9" and the line goes on by itself: the one key is an extra."""
    text = """language: en
entry: greeting
nodes:
  greeting:
    prompt: Welcome to Keystone. Para español, oprima 9.
    timeout: 2
    on_timeout: main
    options:
      "9": {label: Español, goto: es, language: es}
  main: {type: agent}
  es: {type: agent, language: es}
"""
    assert lint(text, select="S107") == []
    # Near miss: silence replays the greeting, so the one key is all there is.
    assert codes_at(lint(text.replace("on_timeout: main", "on_timeout: repeat"), select="S107")) == [At("S107", 4, 3)]


def test_a_single_choice_that_puts_the_caller_through_to_another_service_only_informs() -> None:
    """"If you have severe toothache, press 1 and we will put you through to the on-call dentist": the
    press may be the caller's consent to leave the line, so whether to send everyone on is a guess."""
    dentist = '  dentist: {type: transfer, human: true, number: "+46 8 555 010 00"}'
    text = CLOSED.replace("TARGET", "dentist").replace("  advisor: {type: agent}", f"  advisor: {{type: agent}}\n{dentist}")
    (finding,) = lint(text, select="S107")
    assert finding.severity.value == "info"
    assert finding.message == ('menu "closed" offers one choice only ("1"), a transfer out of the line ("dentist"): '
                               "the key press may be the caller's consent to be put through")
    # The defect stays a warning for the line's own people (the near miss above, an agent).
    (agent,) = lint(CLOSED.replace("TARGET", "advisor"), select="S107")
    assert agent.severity.value == "warning"


OPT_IN = """
entry: blocked
defaults: {timeout: 6, retries: 1, on_invalid: repeat}
nodes:
  blocked:
    prompt: Your card is now blocked. If you saw purchases you do not recognise, press 1 for the fraud desk.
      Otherwise you can hang up.
    options:
      "1": {label: Fraud desk, goto: fraud}
    on_timeout: SILENCE
    after_retries: SILENCE
  fraud: {type: agent}
  bye: {type: message, prompt: Thank you for calling. Goodbye.}
  more: {type: message, prompt: One moment., next: fraud}
"""


def test_one_key_or_finish_is_two_outcomes_not_a_needless_step() -> None:
    """Before: reported, with advice to send the call straight on, which would put every caller whose
    card was blocked through to the fraud desk."""
    assert lint(OPT_IN.replace("SILENCE", "bye"), select="S107") == []


def test_near_miss_silence_that_leads_on_into_the_line_is_still_reported() -> None:
    assert codes_at(lint(OPT_IN.replace("SILENCE", "more"), select="S107")) == [At("S107", 4, 3)]
    # silence asks again, and the retries end somewhere that goes on: the press is still a needless step
    text = OPT_IN.replace("on_timeout: SILENCE", "on_timeout: repeat").replace("SILENCE", "more")
    assert codes_at(lint(text, select="S107")) == [At("S107", 4, 3)]

    assert [f.severity.value for f in lint(text, select="S107")] == ["warning"]


#: "Press 1 for X; for anything else, wait": pressing and waiting are two choices, in four languages.
OR_WAIT = [
    ("en", "If you've lost your card, press 1. For anything else, please hold for the next advisor."),
    ("en", "Lost or stolen card? Press 1. Otherwise just wait and we'll put you through."),
    ("fi", "Jos korttisi on kadonnut, paina 1. Muissa asioissa odota, niin sinut yhdistetään asiakaspalvelijalle."),
    ("sv", "Har du tappat ditt kort, tryck 1. För allt annat, stanna kvar i linjen."),
    ("es", "Si ha perdido su tarjeta, pulse 1. Para cualquier otra consulta, espere y le atenderá un agente."),
]


def or_wait(language: str, prompt: str, silence: str = "advisor") -> str:
    return f"""
language: {language}
entry: main
nodes:
  main:
    prompt: {prompt}
    on_timeout: {silence}
    options:
      "1": {{label: Lost card, goto: cards}}
  cards: {{type: agent, queue: cards}}
  advisor: {{type: agent, queue: general}}
"""


@pytest.mark.parametrize("language, prompt", OR_WAIT, ids=[f"{c[0]}-{i}" for i, c in enumerate(OR_WAIT)])
def test_one_key_or_an_announced_wait_is_two_choices(language: str, prompt: str) -> None:
    """Before: "press 1 for a lost card, or hold for an advisor" was "offers one choice only"."""
    assert lint(or_wait(language, prompt), select="S107") == []


def test_silence_elsewhere_in_words_not_read_only_informs_and_a_repeat_still_warns() -> None:
    (unread,) = lint(or_wait("en", "Lost card? Press 1. Everyone else, someone will be right with you."), select="S107")
    assert unread.severity.value == "info" and 'silence leads elsewhere ("advisor")' in unread.message
    # near misses: silence that only asks again, or goes where the key goes, leaves one choice
    (again,) = lint(or_wait("en", OR_WAIT[0][1], silence="repeat"), select="S107")
    assert again.severity.value == "warning"
    (same,) = lint(or_wait("en", OR_WAIT[0][1], silence="cards"), select="S107")
    assert same.severity.value == "warning"
