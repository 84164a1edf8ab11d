"""T601 task-unreachable: a task's expected node cannot be reached by choosing."""

import pytest

from tests.conftest import At, codes_at, lint

BASE = """entry: main
nodes:
  main:
    prompt: For hours, press 1. For an advisor, press 0.
    options:
      "1": {{label: Opening hours, goto: {one}}}
      "0": {{label: Advisor, goto: advisor}}
    on_timeout: {timeout}
  hours_info: {{type: message, prompt: Nine to five., next: main}}
  survey: {{type: message, prompt: Rate this call., next: advisor}}
  advisor: {{type: agent}}
tasks:
  - say: rate this call
    expect: {expect}
"""


def menu(one: str = "hours_info", expect: str = "survey", timeout: str = "repeat") -> str:
    return BASE.format(one=one, expect=expect, timeout=timeout)


CASES = [
    ("no option leads to the survey", menu(), [At("T601", 14, 13)]),
    ("an option leads there", menu(one="survey"), []),
    ("only waiting out the menu leads there", menu(timeout="survey"), [At("T601", 14, 13)]),
    ("near miss: one of several expected nodes is reachable", menu(expect="[survey, hours_info]"), []),
    ("near miss: an undefined node is S101's", menu(expect="nowhere"), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_task_unreachable(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="T601")) == expected


def test_message_says_why() -> None:
    (finding,) = lint(menu(timeout="survey"), select="T601")
    assert finding.message == ('task "rate this call" expects "survey", which no caller can choose their way to: '
                               "only callers who press nothing or press wrong keys get there")


GREETING = """entry: greeting
language: en
nodes:
  greeting:
    prompt: Welcome to Keystone. Para continuar en español, oprima 9.
    options:
      "9": {{label: Español, goto: es_main, language: es}}
    on_timeout: main
    on_invalid: {invalid}
  main:
    prompt: For your balance, press 1. To speak to an advisor, press 0.
    options:
      "1": {{label: Balance, goto: balance}}
      "0": {{label: Advisor, goto: advisor}}
  es_main:
    language: es
    prompt: Para hablar con un asesor, oprima 0.
    options:
      "0": {{label: Asesor, goto: advisor}}
  balance: {{type: message, prompt: Your balance is read out now., next: main}}
  advisor: {{type: agent}}
tasks:
  - say: When is my next payment due
    expect: balance
"""


def test_waiting_at_a_greeting_that_only_offers_another_language_is_how_callers_go_on() -> None:
    assert lint(GREETING.format(invalid="main"), select="T601") == []


def test_waiting_at_a_greeting_whose_silence_and_wrong_keys_go_on_counts_as_choosing() -> None:
    text = GREETING.format(invalid="main").replace('"9": {label: Español, goto: es_main, language: es}',
                                                  '"9": {label: Lost or stolen card, goto: advisor}')
    assert "Lost or stolen card" in text
    assert lint(text.replace("Para continuar en español, oprima 9.", "For a lost or stolen card, press 9."),
                select="T601") == []


def test_near_miss_a_menu_that_only_falls_through_after_wrong_keys_is_still_reported() -> None:
    text = menu(timeout="repeat").replace("    on_timeout: repeat\n",
                                          "    on_timeout: repeat\n    after_retries: survey\n")
    assert codes_at(lint(text, select="T601")) == [At("T601", 15, 13)]


# Issue 30: waiting is a way on where the line makes it one. The default language's whole line
# behind "Suomeksi, odota hetki. På svenska, tryck 2" is reached on purpose, by waiting.
def _waiting_line(language: str, first: str, other: str, label: str, on_timeout: str = "main") -> str:
    return f"""
language: {language}
entry: choose
defaults: {{on_timeout: repeat, on_invalid: repeat, after_retries: desk}}
nodes:
  choose:
    prompt: "{first} {other}"
    timeout: 5
    on_timeout: {on_timeout}
    options:
      "2": {{label: {label}, goto: other_desk}}
  main:
    prompt: "1, 0"
    options:
      "1": {{label: Task, goto: goal}}
      "0": {{label: Desk, goto: desk}}
  goal: {{type: self_service}}
  desk: {{type: agent}}
  other_desk: {{type: agent}}
  bye: {{type: hangup}}
tasks:
  - say: the task
    expect: goal
"""


WAITING_CHOICES = [
    ("fi", "Suomeksi, odota hetki.", "På svenska, tryck 2.", "Svenska"),
    ("sv", "För svenska, vänta.", "Suomeksi, paina 2.", "Suomi"),
    ("en", "For English, please wait.", "Para español, oprima 2.", "Español"),
    ("es", "Para español, espere un momento.", "For English, press 2.", "English"),
]


@pytest.mark.parametrize("language, first, other, label", WAITING_CHOICES)
def test_the_default_language_reached_by_waiting_is_reached_on_purpose(language: str, first: str, other: str,
                                                                        label: str) -> None:
    assert lint(_waiting_line(language, first, other, label), select="T601") == []


def test_near_miss_a_menu_that_is_no_choice_of_language_reached_by_silence_only() -> None:
    """The same wiring, but the first menu offers a task, not a language: silence is no choice there."""
    text = _waiting_line("en", "Welcome.", "For billing, press 2.", "Billing")
    assert [f.code for f in lint(text, select="T601")] == ["T601"]


def test_near_miss_a_choice_of_language_whose_silence_hangs_up() -> None:
    text = _waiting_line("fi", "Tervetuloa.", "På svenska, tryck 2.", "Svenska", on_timeout="bye")
    assert [f.code for f in lint(text, select="T601")] == ["T601"]


def test_a_hold_menu_that_speaks_of_waiting_in_words_not_read_is_a_way_on() -> None:
    """A queue menu ("You are in the queue; or press 2 ...") whose silence leads on is a way there."""
    text = _waiting_line("en", "You are in the queue for the next adviser.", "Or press 2 for a callback.", "Callback")
    assert lint(text, select="T601") == []


PIN = """entry: main
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: agent}
nodes:
  main:
    prompt: For your payments, press 1.
    options:
      "1": {label: Payments, goto: pin}
  pin:
    type: input
    prompt: PROMPT
    digits: 4
    collects: pin
    on_invalid: pin_help
    next: payments
  pin_help:
    prompt: To have a new PIN mailed to you, press 1.
    options:
      "1": {label: Mail me a new PIN, goto: pin_reset}
  pin_reset: {type: self_service, changes: true}
  payments: {type: self_service}
  agent: {type: agent}
tasks:
  - {say: "I forgot my PIN", expect: pin_reset}
"""


@pytest.mark.parametrize("language, prompt", [
    ("en", "Now enter your four digit PIN. If you've forgotten it, press star."),
    ("fi", "Näppäile nelinumeroinen PIN-koodisi. Jos olet unohtanut sen, paina tähteä."),
    ("sv", "Slå din fyrsiffriga pinkod. Har du glömt den, tryck fyrkant."),
    ("es", "Marque su PIN de cuatro cifras. Si lo ha olvidado, pulse asterisco."),
])
def test_the_star_an_input_offers_is_a_way_callers_choose(language: str, prompt: str) -> None:
    """Issue 30 (corpus-n, a blind judge: "both PIN inputs say press star, and star goes to pin_help,
    whose 1 is Mail me a new PIN; the route is announced and chosen")."""
    text = f"language: {language}\n" + PIN.replace("PROMPT", f'"{prompt}"')
    assert lint(text, select="T601") == []


def test_near_miss_an_input_that_offers_no_key_leaves_the_task_to_wrong_keys() -> None:
    (finding,) = lint(PIN.replace("PROMPT", '"Now enter your four digit PIN."'), select="T601")
    assert "only callers who press nothing or press wrong keys get there" in finding.message
