"""R507 short-timeout: callers rushed by timeouts, digit timeouts or a fast speaking rate."""

import pytest

from tests.conftest import At, codes_at, lint


def line(defaults: str = "timeout: 5", main: str = "", account: str = "", language: str = "en") -> str:
    return f"""
    language: {language}
    entry: main
    defaults: {{{defaults}, on_timeout: repeat, on_invalid: repeat, after_retries: advisor}}
    nodes:
      main:
        prompt: For your balance, press 1. To speak to an advisor, press 0.
        options:
          "1": {{label: Balance, goto: account}}
          "0": {{label: Advisor, goto: advisor}}
        {main or "description: main menu"}
      account:
        type: input
        prompt: Please enter your account number.
        digits: 10
        {account or "description: account number"}
        next: advisor
      advisor: {{type: agent}}
    """


CASES = [
    ("short timeout from defaults, reported once", line("timeout: 3"), [At("R507", 3, 12)]),
    ("a node's own short timeout", line(main="timeout: 2"), [At("R507", 10, 5)]),
    ("short digit timeout", line(account="digit_timeout: 1.5"), [At("R507", 15, 5)]),
    ("a prompt declared fast", line(main="speaking_rate: 190"), [At("R507", 10, 5)]),
    ("a Finnish prompt declared fast", line(main="speaking_rate: 5.5", language="fi"), [At("R507", 10, 5)]),
    ("fixed", line("timeout: 6", account="digit_timeout: 4"), []),
    ("near miss: exactly the limits", line("timeout: 5", main="speaking_rate: 165", account="digit_timeout: 3"), []),
    ("near miss: a Finnish rate is in syllables a second", line(main="speaking_rate: 4.8", language="fi"), []),
    ("near miss: a rate on a node without a prompt",
     line().replace("advisor: {type: agent}", "advisor: {type: agent, speaking_rate: 300}"), []),
    ("near miss: silence puts the caller through to a person ('We'll now connect you')",
     line(main="timeout: 3\n        on_timeout: advisor"), []),
    ("silence that only hangs up is still a cut-off",
     line(main="timeout: 3\n        on_timeout: bye").replace("advisor: {type: agent}",
                                                           "advisor: {type: agent}\n      bye: {type: hangup}"),
     [At("R507", 10, 5)]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_short_timeout(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="R507")) == expected


def test_settings_move_the_limits() -> None:
    text = line("timeout: 5", main="speaking_rate: 160", account="digit_timeout: 3")
    codes = lint(text, select="R507", rules={"short-timeout": {"min_timeout": 6, "min_digit_timeout": 4,
                                                               "max_rate_percent": 100}})
    assert len(codes) == 3


def test_messages() -> None:
    (defaults,) = lint(line("timeout: 3"), select="R507")
    assert defaults.message.startswith("`defaults` give 2 menus and inputs 3 s to answer, under 5 s")
    (digits,) = lint(line(account="digit_timeout: 1"), select="R507")
    assert "callers copying 10 digits" in digits.message
    (rate,) = lint(line(main="speaking_rate: 180"), select="R507")
    assert rate.message.startswith('the prompt of "main" is played at 180 words a minute, 120% of the 150 usual for en')


LANGUAGE_CHOICE = """
language: fi
entry: kieli
nodes:
  kieli:
    prompt: På svenska, tryck 9. Suomeksi paina 1 tai odota hetki.
    timeout: 3
    on_timeout: paa
    options:
      "9": {label: Svenska, goto: sv_paa, language: sv}
      "1": {label: Suomeksi, goto: paa}
  paa: {type: agent}
  sv_paa: {type: agent, language: sv}
"""


def test_a_short_wait_that_chooses_the_default_language_is_not_a_cut_off() -> None:
    assert lint(LANGUAGE_CHOICE, select="R507") == []


def test_a_short_wait_in_a_choice_of_language_that_leads_elsewhere_is_reported() -> None:
    """Near miss: silence sends the caller somewhere no language option goes."""
    text = LANGUAGE_CHOICE.replace("on_timeout: paa", "on_timeout: bye") + "  bye: {type: hangup}\n"
    assert codes_at(lint(text, select="R507")) == [At("R507", 6, 5)]


def test_a_short_wait_that_plays_the_choice_of_language_again_is_reported() -> None:
    """Near miss: silence repeats the menu (as a `*` option does); it chooses no language."""
    text = LANGUAGE_CHOICE.replace("on_timeout: paa", "on_timeout: repeat").replace(
        '"1": {label: Suomeksi, goto: paa}', '"1": {label: Suomeksi, goto: paa}\n      "*": {label: Uudelleen, goto: repeat}')
    assert codes_at(lint(text, select="R507")) == [At("R507", 6, 5)]


def test_a_short_wait_at_a_greeting_callers_let_pass_is_not_a_cut_off() -> None:
    """"Para español, oprima 9" and the English menu after 2 s: waiting is how English callers go on."""
    text = """language: en
entry: greeting
nodes:
  greeting:
    prompt: Welcome. Para español, oprima 9.
    timeout: 2
    on_timeout: main
    options:
      "9": {label: Español, goto: es, language: es}
  main: {type: agent}
  es: {type: agent, language: es}
"""
    assert lint(text, select="R507") == []
    replays = text.replace("on_timeout: main", "on_timeout: repeat")
    assert codes_at(lint(replays, select="R507")) == [At("R507", 6, 5)]
