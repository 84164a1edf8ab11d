"""P405 long-greeting: more than 8 s before the first option is offered."""

import pytest

from tests.conftest import At, codes_at, lint

EN_NOTICE = "Thank you for calling Acme Energy, where your comfort is our priority. Calls may be recorded."
FI_NOTICE = ("Kiitos, että soitit Kotienergian asiakaspalveluun. "
             "Puhelusi voidaan nauhoittaa laadun varmistamiseksi ja koulutusta varten.")
CHANGED = "Please note that our options have changed. For cards, press 1. For an advisor, press 0."


def line(language: str, prompt: str, message: str | None = None) -> str:
    entry = "hello" if message else "main"
    hello = f'\n          hello: {{type: message, prompt: "{message}", next: main}}' if message else ""
    return f"""
        language: {language}
        entry: {entry}
        nodes:{hello}
          main:
            prompt: "{prompt}"
            options:
              "1": {{label: Cards, goto: cards}}
              "0": {{label: Advisor, goto: advisor}}
          cards:
            prompt: "{EN_NOTICE} {EN_NOTICE} For card help, press 1."
            options:
              "1": {{label: Card help, goto: advisor}}
          advisor: {{type: agent}}
        """


CASES = [
    ("en a preamble before the options",
     line("en", f"{EN_NOTICE} Please listen carefully, as our menu has changed. "
                "For cards, press 1. For an advisor, press 0."),
     [At("P405", 5, 13)]),
    ("en a message and a preamble add up", line("en", CHANGED, EN_NOTICE),
     [At("P405", 6, 13)]),
    ("en fixed", line("en", "Acme Energy. For cards, press 1. For an advisor, press 0.", "Hello."), []),
    ("en near miss: a submenu's preamble is not a greeting",
     line("en", "For cards, press 1. For an advisor, press 0."), []),
    ("en near miss: the function phrase of the first option counts as offering it",
     line("en", "Welcome to Acme. For anything to do with your debit or credit cards, including lost, stolen or "
                "damaged cards, press 1. For an advisor, press 0."), []),
    ("fi a notice before the options", line("fi", "Korttiasioissa paina 1. Asiakaspalvelijalle paina 0.", FI_NOTICE),
     [At("P405", 6, 13)]),
    ("fi fixed", line("fi", "Tervetuloa Kotienergiaan. Korttiasioissa paina 1. Asiakaspalvelijalle paina 0."), []),
    ("fi near miss: a short welcome message", line("fi", "Korttiasioissa paina 1. Asiakaspalvelijalle paina 0.",
                                                   "Tervetuloa Kotienergiaan."), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_long_greeting(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="P405")) == expected


def test_each_schedule_state_has_its_own_first_menu() -> None:
    text = f"""
        entry: start
        hours:
          office: {{mon-fri: "08:00-16:00"}}
        nodes:
          start: {{type: branch, on: hours, hours: office, cases: {{open: main, closed: night}}}}
          main:
            prompt: For cards, press 1.
            options:
              "1": {{label: Cards, goto: advisor}}
          night:
            prompt: "{EN_NOTICE} We are open from eight to four, Monday to Friday. To leave a message, press 1."
            options:
              "1": {{label: Leave a message, goto: voicemail}}
          advisor: {{type: agent, hours: office, closed: voicemail}}
          voicemail: {{type: voicemail}}
        """
    (finding,) = lint(text, select="P405")
    assert (finding.node_id, finding.state) == ("night", "closed")


def test_limit_is_a_setting() -> None:
    text = line("en", CHANGED, EN_NOTICE)
    assert lint(text, select="P405", rules={"P405": {"max_seconds": 15}}) == []


def test_message_names_the_messages_and_the_wait() -> None:
    (finding,) = lint(line("en", CHANGED, EN_NOTICE), select="P405")
    assert finding.node_id == "main"
    assert finding.message.startswith('callers wait about 9 s (message "hello", then the prompt of "main")')
    assert "(limit 8 s)" in finding.message


def test_a_greeting_longer_than_a_whole_menu_prompt_is_a_warning() -> None:
    """9 s is info (a sentence too many); four notices before the options, about 24 s, are a warning."""
    (edge,) = lint(line("en", CHANGED, EN_NOTICE), select="P405")
    assert edge.severity.value == "info"
    (long,) = lint(line("en", CHANGED, " ".join([EN_NOTICE] * 4)), select="P405")
    assert long.severity.value == "warning"
    (setting,) = lint(line("en", CHANGED, " ".join([EN_NOTICE] * 4)), select="P405", rules={"P405": {"warn_above": 60}})
    assert setting.severity.value == "info"
