"""H212 person-language-mismatch: the person reached must serve the language the caller chose."""

from tests.conftest import At, codes_at, lint


def menu(languages: str, line_language: str = "es") -> str:
    return f"""
    entry: main
    language: {line_language}
    defaults: {{on_timeout: repeat, on_invalid: repeat, after_retries: advisor}}
    nodes:
      main:
        prompt: Para atención en castellano, pulse 1. Per atenció en català, premeu 2.
        options:
          "1": {{label: Castellano, goto: advisor, language: es}}
          "2": {{label: Català, goto: advisor, language: ca}}
      advisor: {{type: agent, languages: {languages}}}
    """


def test_catalan_chosen_but_only_spanish_served() -> None:
    (finding,) = lint(menu("[es]"), select="H212")
    assert codes_at([finding]) == [At("H212", 10, 26)]
    assert finding.message == 'callers who choose ca (key "2" in "main") reach "advisor", whose people serve es'


def test_both_languages_served_pass_and_regions_count_as_their_language() -> None:
    assert not lint(menu("[es-ES, CA]"), select="H212")


def test_unknown_languages_stay_quiet() -> None:
    assert not lint(menu("[es, ca]").replace(", languages: [es, ca]", ""), select="H212")


def test_without_a_choice_the_line_language_must_be_served() -> None:
    text = """
    entry: main
    language: fi
    defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
    nodes:
      main:
        prompt: Asiakaspalveluun pääset painamalla 0.
        options:
          "0": {label: Asiakaspalvelu, goto: advisor}
      advisor: {type: agent, languages: [sv]}
    """
    (finding,) = lint(text, select="H212")
    assert finding.message == 'the line speaks fi, but the people at "advisor" serve sv'
    assert not lint(text.replace("[sv]", "[fi, sv]"), select="H212")


def test_another_organisations_number_that_does_not_serve_the_choice_only_informs() -> None:
    """A transfer dials out to people the line cannot choose (a national nurse line): an info that
    says what callers meet. The line's own agent that leaves out the choice stays a warning (near miss)."""
    text = menu("[es]").replace("advisor: {type: agent,", 'advisor: {type: transfer, number: "112", human: true,')
    (finding,) = lint(text, select="H212")
    assert finding.severity.value == "info" and "which languages" in finding.help
    (kept,) = lint(menu("[es]"), select="H212")
    assert kept.severity.value == "warning"


NOTE = """
entry: main
language: LINE
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: nurse}
nodes:
  main:
    prompt: PROMPT
    options:
      "1": {label: FIRST, goto: nurse, language: LINE}
      "9": {label: OTHER, goto: note, language: CHOSEN}
  note: {type: message, language: CHOSEN, prompt: "SAID", next: nurse}
  nurse: {type: agent, languages: [LINE]}
"""

NOTES = [
    ("en", "fi", "For a nurse, press 1. Suomeksi, paina 9.", "Nurse", "Suomeksi",
     "Sairaanhoitajamme vastaavat englanniksi; voit pyytää tulkkia."),
    ("fi", "sv", "Hoitajalle paina 1. På svenska, tryck 9.", "Hoitaja", "Svenska",
     "Våra sjuksköterskor svarar på finska. Du kan be om tolk."),
    ("sv", "en", "Till sjuksköterskan, tryck 1. For English, press 9.", "Sjuksköterska", "English",
     "Our nurses answer in Swedish; please ask for an interpreter if you need one."),
    ("es", "en", "Para hablar con enfermería, pulse 1. For English, press 9.", "Enfermería", "English",
     "Our nurses speak Spanish; an interpreter can join the call."),
]


def _noted(line: str, chosen: str, prompt: str, first: str, other: str, said: str) -> str:
    return NOTE.replace("LINE", line).replace("CHOSEN", chosen).replace("PROMPT", prompt).replace(
        "FIRST", first).replace("OTHER", other).replace("SAID", said)


def test_a_note_in_the_chosen_language_naming_the_language_spoken_only_informs() -> None:
    """Issue 30 (trust corpus, a blind judge: "the note tells callers in their language, before the
    transfer, that the nurses speak English; the clinic's only nurse team is the right route")."""
    for case in NOTES:
        (finding,) = lint(_noted(*case), select="H212")
        assert finding.severity.value == "info" and 'the note "note" before it tells them so' in finding.message


def test_a_note_in_a_language_ivrcheck_does_not_read_is_given_the_doubt() -> None:
    text = _noted("en", "mi", "For a nurse, press 1. Mō te reo Māori, pēhia te iwa.", "Nurse", "Te reo Māori",
                  "Ka kōrero Pākehā ā mātou tapuhi; ka taea te tono kaiwhakamāori.")
    (finding,) = lint(text, select="H212")
    assert finding.severity.value == "info" and "may tell them so" in finding.message


def test_a_note_that_names_no_language_still_warns() -> None:
    """Near miss: the note only says the call is being put through; callers learn nothing of the language."""
    text = _noted("en", "fi", "For a nurse, press 1. Suomeksi, paina 9.", "Nurse", "Suomeksi",
                  "Yhdistämme puhelusi sairaanhoitajalle. Odota hetki.")
    (finding,) = lint(text, select="H212")
    assert finding.severity.value == "warning"
