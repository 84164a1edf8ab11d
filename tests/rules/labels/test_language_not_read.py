"""L307 language-not-read: words in a language ivrcheck has no word lists for are named, never judged."""

import pytest

from tests.conftest import At, codes_at, lint


def line(language: str, prompt: str, labels: tuple[str, str], sub_language: str | None = None) -> str:
    sub = f"\n        language: {sub_language}" if sub_language else ""
    return f"""
    language: {language}
    entry: main
    defaults: {{on_timeout: repeat, on_invalid: repeat, after_retries: advisor}}
    nodes:
      main:
        prompt: "{prompt}"
        options:
          "1": {{label: {labels[0]}, goto: sub}}
          "0": {{label: {labels[1]}, goto: advisor}}
      sub:{sub}
        type: message
        prompt: "Gracias. / Danke. / Thank you."
        next: advisor
      advisor: {{type: agent, announces_wait: true}}
    """


GERMAN = line("de", "Für Rechnungen, drücken Sie 1. Für einen Mitarbeiter, drücken Sie 0.", ("Rechnungen", "Mitarbeiter"))
SPANISH = line("es", "Para facturas, pulse 1. Para hablar con un agente, pulse 0.", ("Facturas", "Hablar con un agente"))
MEXICAN = line("es-MX", "Para facturas, oprima 1. Para hablar con un agente, marque 0.", ("Facturas", "Agente"))
ENGLISH_WITH_GERMAN = line("en", "For bills, press 1. To speak to an advisor, press 0.", ("Bills", "Speak to an advisor"),
                           sub_language="de")  # "sub" is at line 10

CASES = [
    ("a German line: one finding, no guesses from English words", GERMAN, [At("L307", 5, 3)]),
    ("fixed: Spanish is read", SPANISH, []),
    ("near miss: a region of a language ivrcheck reads", MEXICAN, []),
    ("a German node in an English line: only that node", ENGLISH_WITH_GERMAN, [At("L307", 10, 3)]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_language_not_read(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="L307")) == expected


def test_the_wording_rules_stay_quiet_on_an_unread_language() -> None:
    """Before: read as English, every German option was "never announced" (P401) with an English fix."""
    from ivrcheck.rules import BY_CODE, reads_words

    assert [f.code for f in lint(GERMAN) if reads_words(BY_CODE[f.code]) or f.code == "L307"] == ["L307"]
    assert "R505" in [f.code for f in lint(GERMAN)]  # structure is still checked: no way to hear the options again


def test_the_same_line_read_as_english_would_be_judged() -> None:
    """The guard is the language, not the words: the German prompt in a line that says `en` is judged."""
    assert "P401" in [f.code for f in lint(GERMAN.replace("language: de", "language: en"))]


def test_message_names_the_nodes_and_the_language() -> None:
    (finding,) = lint(GERMAN, select="L307")
    assert finding.message.startswith('the words of 2 nodes ("main", "sub") are in "de", which ivrcheck has no word')
    assert "not checked" in finding.message and "Adding a language" in (finding.help or "")


GERMAN_BRANCH = """
language: en
entry: main
nodes:
  main:
    prompt: For bills, press 1. Für Deutsch, drücken Sie 9.
    options:
      "1": {label: Bills, goto: advisor}
      "9": {label: Auf Deutsch, goto: de_menu}
  de_menu:
    prompt: Für Rechnungen, drücken Sie 1.
    options:
      "1": {label: Rechnungen, goto: advisor}
  advisor: {type: agent}
"""


def test_a_branch_behind_a_choice_of_a_language_ivrcheck_cannot_read_is_not_judged() -> None:
    """Nothing declares `language: de`: the label "Auf Deutsch" chooses it, and the menu behind it speaks it."""
    codes = [(f.code, f.node_id) for f in lint(GERMAN_BRANCH) if f.code in ("L307", "P401")]
    assert codes == [("L307", "de_menu")]
