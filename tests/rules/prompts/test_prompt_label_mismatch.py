"""P406 prompt-label-mismatch: the prompt announces one function for a key, the option's label another."""

import pytest

from tests.conftest import At, codes_at, lint


def menu(language: str, prompt: str, first: str, second: str) -> str:
    return f"""
        language: {language}
        entry: main
        nodes:
          main:
            prompt: {prompt}
            options:
              "1": {{label: {first}, goto: one}}
              "2": {{label: {second}, goto: two}}
          one: {{type: self_service}}
          two: {{type: self_service}}
        """


CASES = [
    ("en the prompt offers another task on the key",
     menu("en", "To renew your policy, press 1. To make a claim, press 2.", "Make a payment", "Make a claim"),
     [At("P406", 7, 20)]),
    ("en fixed", menu("en", "To make a payment, press 1. To make a claim, press 2.", "Make a payment", "Make a claim"),
     []),
    ("en near miss: other words, one meaning",
     menu("en", "If you have lost your card, press 1. To report a fault, press 2.", "Lost or stolen cards",
          "Breakdowns"), []),
    ("en near miss: a word the lexicon does not know is not judged",
     menu("en", "For the Riverside depot, press 1. To make a claim, press 2.", "Northgate office", "Make a claim"),
     []),
    ("en an elliptical list: the second key is read too",
     menu("en", "Press 1 for claims, or 2 for quotes.", "Claims", "Renewals"), [At("P406", 8, 20)]),
    ("fi the prompt offers another task on the key",
     menu("fi", "Vikailmoitukset, paina 1. Laskutus, paina 2.", "Muuttoilmoitus", "Laskutus"), [At("P406", 7, 20)]),
    ("fi fixed", menu("fi", "Muuttoilmoitus, paina 1. Laskutus, paina 2.", "Muuttoilmoitus", "Laskutus"), []),
    ("fi near miss: an inflected form and a synonym",
     menu("fi", "Sopimuksen päättäminen, paina 1. Laskuasioissa paina 2.", "Irtisanominen", "Laskutus"), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_prompt_label_mismatch(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="P406")) == expected


def test_message_quotes_the_prompt_and_the_label() -> None:
    (finding,) = lint(menu("en", "To renew your policy, press 1. To make a claim, press 2.", "Make a payment",
                           "Make a claim"), select="P406")
    assert finding.node_id == "main"
    assert ('offers key "1" for "To renew your policy" but its option is labelled "Make a payment"'
            in finding.message)
    assert "change the prompt, the label, or the key" in finding.help


def test_swapped_keys_are_named() -> None:
    (first, second) = lint(menu("en", "To make a claim, press 1. To make a payment, press 2.", "Make a payment",
                                "Make a claim"), select="P406")
    assert 'while they fit option "2" ("Make a claim"): are the keys swapped?' in first.message
    assert 'option "1" ("Make a payment")' in second.message


def severities(text: str) -> list[str]:
    return [f.severity.value for f in lint(text, select="P406")]


def test_swapped_keys_warn_and_a_mismatch_read_by_the_meaning_model_alone_informs() -> None:
    """Severity follows evidence: swapped keys (the prompt's words fit another option) and another
    language are facts of the menu; "the label names another task" alone is the model's reading,
    which on lines written blind was a paraphrase every time (the rule page gives the numbers)."""
    swapped = menu("en", "To make a claim, press 1. To make a payment, press 2.", "Make a payment", "Make a claim")
    assert severities(swapped) == ["warning", "warning"]
    languages = menu("fi", "Palvelu ruotsiksi, paina 1. Palvelu suomeksi, paina 2.", "Palvelu suomeksi",
                     "Palvelu ruotsiksi")
    assert severities(languages) == ["warning", "warning"]
    fixed = menu("en", "To make a payment, press 1. To make a claim, press 2.", "Make a payment", "Make a claim")
    assert severities(fixed) == []
    # near miss: another task by the model's reading, fitting no other option: shown, at info
    read = menu("en", "To renew your policy, press 1. To make a claim, press 2.", "Make a payment", "Make a claim")
    (finding,) = lint(read, select="P406")
    assert finding.severity.value == "info"
    assert "a paraphrase can read so too" in finding.message


@pytest.mark.parametrize("prompt, label", [
    ("To have us call you back when we open, press 1.", "Request a callback"),
    ("If it's still not working, and you'd like to speak to a technician, press 1.", "Still not working"),
])
def test_a_paraphrase_the_model_reads_as_another_task_is_no_warning(prompt: str, label: str) -> None:
    """Written blind, judged the same by a designer; the model cannot tell, so it only informs."""
    text = menu("en", prompt + " To make a payment, press 2.", label, "Make a payment")
    assert "warning" not in severities(text)


def announced(language: str, prompt: str) -> list[str]:
    from ivrcheck.language import load_language

    return [o.function(prompt) for o in load_language(language).offers(prompt)]


@pytest.mark.parametrize("language, prompt, functions", [
    # Before: "vehicle or cover" (cut at the first comma), "stay on the line or", and "or".
    ("en", "To update your address, vehicle or cover, press 1.", ["To update your address, vehicle or cover"]),
    ("en", "To speak to an agent, stay on the line or press 0.", ["To speak to an agent"]),
    ("en", "Please hold, or press 1 for a callback within 30 minutes.", ["for a callback within 30 minutes"]),
    # Near misses: a greeting clause before the function stays out of it.
    ("en", "Welcome to Acme, for cards, press 1.", ["for cards"]),
    ("sv", "För att ändra adress, bil eller försäkring, tryck 1.", ["För att ändra adress, bil eller försäkring"]),
    ("es", "Para cambiar su dirección, vehículo o póliza, pulse 1.", ["Para cambiar su dirección, vehículo o póliza"]),
    # Before: what happens next ("now and you'll go straight through") was read as the key's function.
    ("en", "If water is flooding a home, a road, or anywhere dangerous, press 1 now and you'll go straight "
           "through to our fault team.", ["If water is flooding a home, a road, or anywhere dangerous"]),
    ("sv", "Om du har en vattenläcka, tryck 1 så kopplas du direkt.", ["Om du har en vattenläcka"]),
    # Near misses: a key-first offer keeps its function after the key; "and 2" continues the list.
    ("en", "Press 1 now for billing, and 2 for faults.", ["now for billing", "for faults"]),
])
def test_the_announced_function_is_the_whole_clause(language: str, prompt: str, functions: list[str]) -> None:
    assert announced(language, prompt) == functions


def test_a_list_in_the_prompt_is_not_a_mismatch() -> None:
    """Before: "vehicle or cover" was compared with "Update your address" and reported."""
    text = menu("en", "To update your address, vehicle or cover, press 1. To make a claim, press 2.",
                "Update your address", "Make a claim")
    assert lint(text, select="P406") == []


def test_a_finnish_compound_names_the_task_of_its_head() -> None:
    """Without Voikko, "Vesilasku" and "Verkkomaksut" are known by their heads (a bill, payments)."""
    text = menu("fi", "Vesilaskut, paina 1. Vikailmoitukset, paina 2.", "Vesivuoto", "Vikailmoitukset")
    assert codes_at(lint(text, select="P406")) == [At("P406", 7, 20)]
    near_miss = menu("fi", "Vesilaskut, paina 1. Vikailmoitukset, paina 2.", "Laskut", "Vikailmoitukset")
    assert lint(near_miss, select="P406") == []


@pytest.mark.parametrize("prompt, label", [
    ("To check the progress of a claim you have already made, press 1.", "Check on a claim"),
    ("To hear your balance and next payment date, press 1.", "Balance and due date"),
])
def test_a_label_that_shortens_what_the_prompt_says_is_no_mismatch(prompt: str, label: str) -> None:
    """Before: both were reported; the label adds no task of its own ("on", "due")."""
    assert lint(menu("en", prompt + " To make a claim, press 2.", label, "Make a claim"), select="P406") == []


@pytest.mark.parametrize("prompt, label", [
    ("To make a new claim, press 1.", "Check on a claim"),          # new against existing
    ("For home insurance, press 1.", "Travel insurance"),           # each phrase names its own task
    ("For card payments, press 1.", "Card activation"),             # "activation" is a task by itself
])
def test_near_miss_a_label_that_adds_a_task_is_still_reported(prompt: str, label: str) -> None:
    text = menu("en", prompt + " To make a claim, press 2.", label, "Make a claim")
    assert codes_at(lint(text, select="P406")) == [At("P406", 7, 20)]


def test_a_prompt_that_announces_another_language_than_the_label_is_a_mismatch() -> None:
    text = menu("fi", "Palvelu ruotsiksi, paina 1. Palvelu suomeksi, paina 2.", "Palvelu suomeksi", "Palvelu ruotsiksi")
    assert codes_at(lint(text, select="P406")) == [At("P406", 7, 20), At("P406", 8, 20)]
    near_miss = menu("fi", "På svenska, tryck 1. Suomeksi paina 2.", "Ruotsiksi", "Suomeksi")  # one language, two names
    assert lint(near_miss, select="P406") == []


@pytest.mark.parametrize("language, prompt, label", [
    ("en", "To change or cancel one you already have, press 1.", "Change or cancel an appointment"),
    ("en", "If your order arrived broken, or hasn't arrived at all, press 1.", "Damaged or missing order"),
    ("fi", "Toimituspäivän tai noutopisteen vaihtamiseen paina 1.", "Toimituksen muutos"),
    ("fi", "Laskujen maksamiseen tai tilaamiseen paina 1.", "Maksaminen ja tilaus"),
])
def test_a_label_that_adds_an_unrivalled_word_is_no_mismatch(language: str, prompt: str, label: str) -> None:
    """Before: the label's own task word ("existing", "missing", "muutos") was a mismatch by itself,
    though the prompt names the same errand and no rival task of that topic."""
    second = "Make a claim" if language == "en" else "Laskutus"
    rest = " To make a claim, press 2." if language == "en" else " Laskutus, paina 2."
    assert lint(menu(language, prompt + rest, label, second), select="P406") == []


def test_near_miss_nothing_in_common_but_a_verb_is_still_a_mismatch() -> None:
    """"make" is shared, but a claim and a payment are different errands."""
    text = menu("en", "To make a claim, press 1. To report a fault, press 2.", "Make a payment", "Report a fault")
    assert codes_at(lint(text, select="P406")) == [At("P406", 7, 20)]


def test_near_miss_a_listed_prompt_whose_task_excludes_the_label_is_still_reported() -> None:
    """A list passes as the label naming one of its members, but not a task the label excludes."""
    text = menu("en", "To make a new claim or add photos to it, press 1. To make a payment, press 2.",
                "Check on a claim", "Make a payment")
    assert codes_at(lint(text, select="P406")) == [At("P406", 7, 20)]


def test_spanish_volver_a_plus_a_verb_means_again_not_back() -> None:
    """"Para volver a escuchar las opciones" is how Spanish lines offer repeat: "volver a" + a verb
    is "again"; "volver al menú anterior" is back, and a label "Repetir" on it is still reported."""
    again = menu("es", "Para facturas, pulse 1. Para volver a escuchar las opciones, pulse 2.", "Facturas", "Repetir")
    assert lint(again, select="P406") == []
    back = menu("es", "Para facturas, pulse 1. Para volver al menú anterior, pulse 2.", "Facturas", "Repetir")
    assert [f.code for f in lint(back, select="P406")] == ["P406"]


def test_a_word_the_prompt_says_inside_its_phrase_is_not_added_by_the_label() -> None:
    """"Check" is said in "check on a claim"; "already filed" and "existing" name one claim."""
    text = menu("en", "To make a new claim, press 1. To check on a claim you've already filed, press 2.",
                "Make a new claim", "Check on an existing claim")
    assert lint(text, select="P406") == []
    # Near miss: a label that adds a task the prompt does not say is still reported.
    text = menu("en", "To make a new claim, press 1. To check on a claim you've already filed, press 2.",
                "Make a new claim", "Make a payment")
    assert [f.span.line for f in lint(text, select="P406")] == [8]


BACK = """
    language: sv
    entry: start
    nodes:
      start:
        prompt: För teknisk support, tryck 1. För fakturor, tryck 2.
        options:
          "1": {{label: Teknisk support, goto: teknik}}
          "2": {{label: Fakturor, goto: {other}}}
      fakturor:
        prompt: Tryck fyrkant för att gå tillbaka.
        options:
          "#": {{label: Huvudmenyn, goto: start}}
      teknik:
        prompt: För mobilen, tryck 1. Tryck fyrkant för att gå tillbaka.
        options:
          "1": {{label: Mobilen, goto: mobil}}
          "#": {{label: Huvudmenyn, goto: {back}}}
      mobil: {{type: agent}}
    """


def test_go_back_on_an_option_to_the_main_menu_passes_where_back_is_the_main_menu() -> None:
    assert lint(BACK.format(other="fakturor", back="start"), select="P406") == []


def test_go_back_on_an_option_to_the_main_menu_is_reported_where_back_is_elsewhere() -> None:
    """Near miss: in "fakturor", "#" labelled the main menu leads to "teknik", not back where the caller came from."""
    text = BACK.format(other="fakturor", back="start").replace("\"#\": {label: Huvudmenyn, goto: start}\n      teknik",
                                                                "\"#\": {label: Huvudmenyn, goto: teknik}\n      teknik")
    found = lint(text, select="P406")
    assert len(found) == 1 and '"fakturor"' in found[0].message


def test_a_finnish_compound_sharing_its_first_part_with_the_prompt_is_no_mismatch() -> None:
    """Before: "Yritysnouto" against "Jos olet yritysasiakas ja haluat tilata noudon" was reported without
    Voikko: "yritysasiakas" (known whole) was never split, and "noudon" was not read as "nouto"."""
    prompt = "Jos olet yritysasiakas ja haluat tilata noudon, paina 1. Laskutus, paina 2."
    assert lint(menu("fi", prompt, "Yritysnouto", "Laskutus"), select="P406") == []


def test_near_miss_a_shared_first_part_with_another_head_is_still_reported() -> None:
    """Sharing "yritys" is not enough: a business bill is not the business pickup the prompt offers."""
    prompt = "Jos olet yritysasiakas ja haluat tilata noudon, paina 1. Vikailmoitukset, paina 2."
    assert codes_at(lint(menu("fi", prompt, "Yrityslaskutus", "Vikailmoitukset"), select="P406")) == [
        At("P406", 7, 20)]


def test_keys_are_not_called_swapped_when_the_prompt_says_what_happens_after_the_key() -> None:
    """Before: "press 1 now and you'll go straight through to our fault team" was read as 1's function,
    and "Flooding or danger" on 1 was called swapped with "No water" on 3, advice that would have
    broken the line."""
    text = menu("en", "If water is flooding a home, press 1 now and you'll go straight through to our fault team. "
                      "If you have no water at all, press 2.", "Flooding or danger", "No water")
    assert lint(text, select="P406") == []


def test_keys_whose_clauses_each_fit_the_other_label_better_are_swapped() -> None:
    """Before: a swap was named only when the prompt's words were "one task" with the other label;
    "Si perdió su tarjeta" is only related to "Robo o extravío", and the swap went unreported."""
    swapped = menu("es", "Si perdió su tarjeta o se la robaron, marque 1. Para que un ejecutivo le llame, marque 2.",
                   "Que me llamen", "Robo o extravío")
    assert severities(swapped) == ["warning", "warning"]
    assert "are the keys swapped?" in lint(swapped, select="P406")[0].message
    fixed = menu("es", "Si perdió su tarjeta o se la robaron, marque 1. Para que un ejecutivo le llame, marque 2.",
                 "Robo o extravío", "Que me llamen")
    assert severities(fixed) == []


TARGETS = """
language: fi
entry: main
nodes:
  main:
    prompt: Suomeksi paina 1. For English, press 9.
    options:
      "1": {label: Suomeksi, goto: ajanvaraus, language: fi}
      "9": {label: English, goto: en_menu, language: en}
  en_menu:
    language: en
    prompt: For appointments, press 2. For wards and patients' relatives, press 3.
    options:
      "2": {label: Appointments, goto: en_wards}
      "3": {label: Wards and relatives, goto: en_appointments}
  ajanvaraus: {type: agent}
  en_wards: {type: agent, languages: [en]}
  en_appointments: {type: agent, languages: [en]}
"""


def test_options_whose_targets_each_bear_the_others_name_are_reported_as_swapped() -> None:
    (finding,) = lint(TARGETS, select="P406")
    assert finding.severity.value == "warning" and "are the targets swapped?" in finding.message
    fixed = TARGETS.replace("goto: en_wards}", "goto: X}").replace("goto: en_appointments}", "goto: en_wards}") \
        .replace("goto: X}", "goto: en_appointments}")
    assert lint(fixed, select="P406") == []
    # Near miss: names that say nothing of either task are no evidence of a swap.
    opaque = TARGETS.replace("en_wards", "team_a").replace("en_appointments", "team_b")
    assert lint(opaque, select="P406") == []


#: The second key's words name the first task as context ("if you already reported a claim"), while the
#: prompt describes the first key in words that fit its own label: no swap, in each language.
CONTEXT = [
    ("en", "To report a new claim, press 1. If you already reported a claim and want an update, press 2.",
     "New claim", "Claim status"),
    ("fi", "Uuden vahingon ilmoittamiseen paina 1. Jos olet jo ilmoittanut vahingon ja haluat kysyä sen "
           "käsittelystä, paina 2.", "Vahinkoilmoitus", "Käsittelyn tila"),
]


@pytest.mark.parametrize("language, prompt, first, second", CONTEXT, ids=[c[0] for c in CONTEXT])
def test_the_other_task_named_as_context_is_no_swap(language: str, prompt: str, first: str, second: str) -> None:
    """Before: "are the keys swapped?" as a warning, on a good menu whose key 2 only recalled key 1's task."""
    findings = lint(menu(language, prompt, first, second), select="P406")
    assert all(f.severity.value == "info" and "swapped" not in f.message for f in findings)


def test_near_miss_a_key_whose_words_fit_another_option_not_described_still_warns() -> None:
    text = menu("en", "To make a claim, press 1.", "Make a payment", "Make a claim")
    (finding,) = lint(text, select="P406")
    assert finding.severity.value == "warning" and "are the keys swapped?" in finding.message


def test_a_replay_option_is_never_the_other_half_of_a_swap() -> None:
    """"Uuden varauksen teet painamalla 2" with 2 "Uusi varaus" and * "Toista": no "are the keys swapped?"
    naming the replay key, which serves no task (a blind judge called that advice harmful)."""
    text = """
language: fi
entry: alku
nodes:
  alku:
    prompt: Onnettomuusasioissa paina 1. Uuden varauksen teet painamalla 2.
    options:
      "1": {label: Onnettomuus, goto: hinaus}
      "2": {label: Uusi varaus, goto: varaus}
      "*": {label: Toista, goto: repeat}
  hinaus: {type: agent}
  varaus: {type: agent}
"""
    assert not [f for f in lint(text, select="P406") if "swapped" in f.message]


def three(language: str, prompt: str, first: str, zero: str, second: str = "") -> str:
    """A menu of 1, 0 and optionally 2, for clauses read against a label the prompt may not offer."""
    two = f'\n              "2": {{label: {second}, goto: one}}' if second else ""
    return f"""
        language: {language}
        entry: main
        nodes:
          main:
            prompt: {prompt}
            options:
              "1": {{label: {first}, goto: one}}{two}
              "0": {{label: {zero}, goto: two}}
          one: {{type: self_service}}
          two: {{type: agent}}
        """


@pytest.mark.parametrize("language, prompt, first, zero, defect", [
    ("fi", "Jos mittarin näytössä on virheilmoitus, paina 1. Muissa mittariasioissa paina 0.", "Mittarivika",
     "Asiakaspalvelu", ("Vikailmoitukset, paina 0. Muissa laskutusasioissa paina 1.", "Vikailmoitukset", "Laskutus")),
    ("en", "If your meter shows an error, press 1. For other meter questions, press 0.", "Meter fault",
     "Customer service", ("To report a meter fault, press 0. For other meter questions, press 1.", "Meter fault",
                         "Customer service")),
    ("es", "Si su contador muestra un error, marque 1. Para otras consultas del contador, marque 0.",
     "Avería del contador", "Atención al cliente",
     ("Para averías del contador, marque 0. Para otras consultas del contador, marque 1.", "Avería del contador",
      "Atención al cliente")),
])
def test_a_clause_naming_the_rest_is_no_swap(language: str, prompt: str, first: str, zero: str,
                                             defect: tuple[str, str, str]) -> None:
    """Before: "Muissa mittariasioissa paina 0" (other meter matters) on "Asiakaspalvelu" was called
    swapped with "Mittarivika" on 1, advice a judge called harmful: the rest of a topic is what the
    other keys do not cover, so it never fits them."""
    assert "warning" not in severities(three(language, prompt, first, zero))
    # the defect: the specific task announced on the key of the other option is still a swap
    assert "are the keys swapped?" in lint(three(language, *defect), select="P406")[0].message


@pytest.mark.parametrize("language, prompt, first, zero, second", [
    ("fi", "Jos tulosi ovat muuttuneet, ilmoita muutoksesta verkkoasioinnissa; puhelimessa neuvoja auttaa, "
           "paina 1. Hakemisesta paina 2.", "Muutoksen ilmoittaminen", "Neuvoja", "Hakeminen"),
    ("en", "If your income has changed, report the change online; an advisor can help you by phone, press 1. "
           "To apply, press 2.", "Report a change", "Advisor", "Apply"),
])
def test_words_cut_from_a_sentence_that_fits_the_label_are_no_swap(language: str, prompt: str, first: str,
                                                                   zero: str, second: str) -> None:
    """Before: only the words after the semicolon ("puhelimessa neuvoja auttaa") were read for key 1,
    and 1 was called swapped with "Neuvoja" on 0; the whole sentence says to report a change, which
    is 1's label. The key is shown at most as info."""
    assert "warning" not in severities(three(language, prompt, first, zero, second))
    # the defect: the sentence names the advisor alone, so key 1 does fit the option on 0
    person = "Neuvojalle paina 1. Hakemisesta paina 2." if language == "fi" else \
        "To speak to an advisor, press 1. To apply, press 2."
    assert "warning" in severities(three(language, person, first, zero, second))
