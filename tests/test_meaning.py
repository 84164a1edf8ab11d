"""The meaning model: verdicts per kind of confusion (en, fi), each with a near miss, and its sources."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from ivrcheck.language import load_language, meaning, morph, relate, scent, wordnet
from ivrcheck.language.labels import LabelWords
from ivrcheck.language.lexicon import read_data
from tests.conftest import lint

CONFUSABLE = (meaning.SAME, meaning.CONTAINS)

# (kind of confusion, language, a pair a caller confuses, a near miss that must not fire)
KINDS = [
    ("synonyms without shared letters", "en", ("Faults", "Breakdowns"), ("Faults", "Breakdown cover")),
    ("synonyms without shared letters", "en", ("Quotes", "Prices"), ("Car insurance quotes", "Car insurance claims")),
    ("synonyms without shared letters", "fi", ("Lainat", "Luotot"), ("Lainat", "Säästötilit")),
    ("paraphrase", "en", ("Account closure", "Cancel your account"), ("Account closure", "Open an account")),
    ("paraphrase", "en", ("Top up", "Add credit"), ("Top up", "Data allowance")),
    ("paraphrase", "fi", ("Numeron siirto", "Oman numeron säilyttäminen"), ("Numeron siirto", "Liittymän hinnat")),
    ("inflection and derivation", "fi", ("Irtisanominen", "Sopimuksen päättäminen"),
     ("Irtisanominen", "Sopimuksen tekeminen")),
    ("inflection and derivation", "en", ("Renew your policy", "Policy renewals"), ("Renew your policy", "Policy claims")),
    ("compounds", "fi", ("Sopimukset", "Sähkösopimukset"), ("Sähkösopimukset", "Kaukolämpösopimukset")),
    ("compounds", "fi", ("Laskutusasiat", "Laskut"), ("Laskujen maksaminen", "Laskun kopio")),
    ("compounds", "en", ("Bill queries", "Invoice questions"), ("Bill payments", "Invoice copies")),
    ("one contains the other", "en", ("Overdrafts", "Borrowing"), ("Mortgages", "Personal loans")),
    ("one contains the other", "fi", ("Henkivakuutus", "Henkilövakuutukset"), ("Henkivakuutus", "Autovakuutus")),
]


@pytest.mark.parametrize("kind, code, confused, near_miss", KINDS, ids=[f"{k[1]} {k[0]}: {k[2][0]}" for k in KINDS])
def test_each_kind_of_confusion_fires_and_its_near_miss_does_not(kind, code, confused, near_miss) -> None:
    assert relate(*confused, code).confusable, relate(*confused, code)
    assert not relate(*near_miss, code).confusable, relate(*near_miss, code)


@pytest.mark.parametrize("code, alike, apart", [
    ("en", ("Connections", "Collections"), ("Connections", "Complaints")),
    ("en", ("Claims", "Clams"), ("Claims", "Quotes")),
    ("fi", ("Muutto", "Muutokset"), ("Muutto", "Sopimukset")),
])
def test_near_homophones_sound_alike_and_their_near_miss_does_not(code, alike, apart) -> None:
    assert relate(*alike, code).sound_alike
    assert not relate(*apart, code).confusable


def test_one_alike_word_among_labels_that_each_name_more_is_no_confusion() -> None:
    """Each label names more that differs; "camino" and "cambios" alone do not make them sound alike."""
    verdict = relate("Accidente o asistencia en el camino", "Tarjeta de seguro o cambios en su póliza", "es")
    assert not verdict.sound_alike and not verdict.confusable
    # Near misses: the alike word is all that sets one label apart.
    assert relate("Card statements", "Card settlements", "en").sound_alike
    assert relate("Statements", "Card settlements", "en").sound_alike


def test_a_new_case_and_an_existing_one_are_related_not_the_same() -> None:
    verdict = relate("Apply for a mortgage", "Mortgage application status", "en")
    assert verdict.kind == meaning.RELATED and not verdict.confusable
    assert relate("New claims", "Existing claims", "en").kind == meaning.RELATED


def test_a_phrase_is_more_than_its_own_word() -> None:
    assert not relate("Pay your bill", "Understand your bill", "en").confusable
    assert relate("Billing", "Pay your bill", "en").kind == meaning.CONTAINS


def test_a_verdict_names_the_words_that_decide_it() -> None:
    first, second = "Faults", "Breakdowns"
    verdict = relate(first, second, "en")
    assert verdict.kind == meaning.SAME
    assert verdict.explain(first, second) == '"faults" ~ "breakdowns" mean the same to a caller'
    verdict = relate("Card payments", "Card activation", "en")
    assert verdict.kind == meaning.RELATED
    assert verdict.explain("Card payments", "Card activation") == \
        'share "card", but "payments" and "activation" name different tasks'
    verdict = relate("Cards", "Card payments", "en")
    assert (verdict.kind, verdict.inner) == (meaning.CONTAINS, 0)
    assert verdict.explain("Cards", "Card payments") == '"Card payments" covers everything "Cards" says'


def test_relate_takes_a_language_object_or_a_code() -> None:
    language = load_language("fi-FI")
    assert relate("Laskut", "Laskutus", language) == relate("Laskut", "Laskutus", "fi")
    assert language.relate("Laskut", "Laskutus").kind == meaning.SAME


def test_scent_scores_how_well_a_callers_words_fit_a_label() -> None:
    assert scent("I lost my credit card", "Cards", "en") == 1.0
    assert 0 < scent("I lost my credit card", "Card payments", "en") < 1.0
    assert scent("I lost my credit card", "Moving home", "en") == 0.0
    assert scent("Haluan irtisanoa sopimukseni", "Sopimuksen päättäminen", "fi") == 1.0
    assert scent("", "Cards", "en") == 0.0


def test_universal_functions_are_read_from_labels() -> None:
    words = load_language("en").label_words
    assert words.asks_for("Speak to an advisor") == "person"
    assert words.asks_for("Repeat these options") == "repeat"
    assert words.asks_for("Main menu") == "main menu"
    assert words.asks_for("Repeat prescription") is None
    fi = load_language("fi").label_words
    assert fi.asks_for("Asiakaspalvelija") == "person"
    assert fi.asks_for("Henkilöasiakkaat") is None


def test_every_lexicon_group_cites_sources_that_the_file_defines() -> None:
    for code in ("en", "fi"):
        data = read_data(code)
        assert len(data["groups"]) >= 180, code
        ids = {g["id"] for g in data["groups"]}
        for group in data["groups"]:
            assert group["source"] and set(group["source"]) <= set(data["sources"]), group["id"]
            assert set(group.get("broader", ())) <= ids, group["id"]
        assert {i for pair in data.get("contrasts", ()) for i in pair} <= ids
        assert {i for names in data["functions"].values() for i in names} <= ids


def test_lookups_go_through_an_index_built_once() -> None:
    lexicon = load_language("en").label_words.lexicon
    assert "fault" in lexicon.lookup("fault")
    assert lexicon is load_language("en").label_words.lexicon


def test_user_synonyms_from_the_config_join_the_lexicon() -> None:
    text = """
        language: en
        entry: main
        nodes:
          main:
            prompt: For renewables, press 1. For green energy, press 2.
            options:
              "1": {label: Renewables, goto: one}
              "2": {label: Green energy, goto: two}
          one: {type: self_service}
          two: {type: self_service}
        """
    assert lint(text, select="L301") == []
    (finding,) = lint(text, select="L301", synonyms={"en": [["renewables", "green energy"]]})
    assert '"renewables" ~ "green energy" mean the same' in finding.message
    assert lint(text, select="L301", synonyms={"fi": [["renewables", "green energy"]]}) == []


def test_the_language_package_imports_without_a_cycle() -> None:
    for module in ("ivrcheck.language.labels", "ivrcheck.language.meaning", "ivrcheck.language"):
        run = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True, check=False)
        assert run.returncode == 0, run.stderr


# --- Finnish morphology: Voikko when installed, the Snowball reading otherwise ---------------------

needs_voikko = pytest.mark.skipif(not morph.voikko_available() or bool(os.environ.get(morph.NO_VOIKKO)),
                                  reason=morph.voikko_missing_reason())


def fallback() -> LabelWords:
    from importlib import resources

    import yaml

    data = yaml.safe_load(resources.files("ivrcheck.language").joinpath("fi.yaml").read_text(encoding="utf-8"))
    return LabelWords.from_data(data["labels"], "fi", read_data("fi"), voikko=False)


@needs_voikko
def test_voikko_gives_lemmas_and_compound_parts() -> None:
    reader = morph.analyser("fi", "finnish")
    assert reader.name == "voikko"
    assert relate("Lainat ja vakuudet", "Vakuutukset", "fi").sound_alike
    assert reader.read("henkilöasiakkaat").parts == ("henkilö", "asiakas")
    assert reader.read("asiakaspalvelijalle").parts == ("asiakas", "palvelija")
    assert reader.read("irtisanominen").lemma == "irtisanoa"
    assert reader.read("sopimuksen").lemma == "sopimus"


@needs_voikko
def test_voikko_joins_a_verbal_noun_and_its_verb() -> None:
    assert relate("Irtisanominen", "Irtisano sopimus", "fi").confusable


def test_without_voikko_the_snowball_reading_still_takes_compounds_apart() -> None:
    words = fallback()
    assert words.analyser.name == "snowball"
    for pair in [("Laskut", "Laskutus"), ("Sopimukset", "Sähkösopimukset"), ("Asuntolainat", "Lainat"),
                 ("Irtisanominen", "Sopimuksen päättäminen")]:
        assert relate(*pair, words).confusable, pair
    for pair in [("Sähkösopimukset", "Kaukolämpösopimukset"), ("Yksityisasiakkaat", "Yritysasiakkaat"),
                 ("Henkilöasiakkaat", "Asiakaspalvelija")]:
        assert not relate(*pair, words).confusable, pair


def test_without_voikko_a_weak_grade_is_read_back_to_its_strong_grade() -> None:
    """Consonant gradation: "noudon" is a form of "nouto", "luvan" of "lupa"; a "v" that begins a
    compound's part ("käsittely|vaihe") is no weak grade and is left alone."""
    words = fallback()
    assert words.stem("nouto") in words.readings("noudon").lemmas
    assert words.stem("lupa") in words.readings("luvan").lemmas
    assert words.readings("käsittelyvaihe").lemmas == (words.stem("käsittelyvaihe"),)


def test_without_voikko_a_verb_is_also_read_as_its_action_noun() -> None:
    """"toimittaa" / "toimitus", "tarkistaa" / "tarkistus", "tilata" / "tilaus": a caller's verb meets a
    label's noun; a verb of another class ("maksaa") is left as it is."""
    words = fallback()
    for verb, noun in [("toimittaa", "toimitus"), ("tarkistaa", "tarkistus"), ("tilata", "tilaus"),
                       ("lähettää", "lähetys")]:
        assert words.stem(noun) in words.readings(verb).lemmas, verb
    assert not any(lemma.endswith(("tus", "tys", "aus")) for lemma in words.readings("maksaa").lemmas)
    assert relate("Toimittaa", "Toimitukset", words).confusable


def test_without_voikko_a_compound_known_whole_shares_its_first_part() -> None:
    """"yritys|asiakas" is in the lexicon whole, yet shares "yritys" with "yritys|nouto": what is
    left is compared on its own (the pickup is named by "noudon")."""
    words = fallback()
    assert relate("yritysasiakas tilata noudon", "Yritysnouto", words).kind == meaning.CONTAINS
    assert not relate("Yritysasiakkaat", "Yritysnouto", words).confusable  # near miss: other heads


def test_voikko_can_be_switched_off_for_a_run(monkeypatch) -> None:
    monkeypatch.setenv(morph.NO_VOIKKO, "1")
    assert morph.analyser("fi", "finnish").name == "snowball"


# --- English WordNet: read from local files when installed ------------------------------------------

@pytest.mark.skipif(not wordnet.available(), reason="WordNet files not found (apt-get install wordnet-base)")
def test_wordnet_synonyms_come_from_the_local_files() -> None:
    assert wordnet.synonyms("bill", "invoice")
    assert not wordnet.synonyms("bill", "parcel")


@pytest.mark.skipif(not wordnet.available(), reason="WordNet files not found (apt-get install wordnet-base)")
def test_wordnet_search_remembers_its_first_probes_without_changing_answers() -> None:
    """The first steps of every binary search are kept per file; later searches find the same lemmas."""
    noun = wordnet._files()["noun"]  # type: ignore[index]
    first = [wordnet._offsets(noun, word) for word in ("bill", "zebra", "aardvark", "c123")]
    assert wordnet._PROBES[id(noun)]
    assert [wordnet._offsets(noun, word) for word in ("bill", "zebra", "aardvark", "c123")] == first
    assert first[0] and first[1] and first[2] and not first[3]


def test_wordnet_is_off_without_its_files(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(wordnet, "_PLACES", ())
    monkeypatch.setenv("WORDNET_DIR", str(tmp_path))
    assert wordnet.folder() is None


def test_a_libvoikko_that_cannot_start_falls_back_without_a_traceback(monkeypatch) -> None:
    """libvoikko installed by pip but libvoikko1 missing: Snowball is used, nothing printed at exit."""
    libvoikko = pytest.importorskip("libvoikko")

    def no_native_library(self, language, path=None):
        raise OSError("libvoikko.so.1: cannot open shared object file")

    monkeypatch.setattr(libvoikko.Voikko, "__init__", no_native_library)
    morph._voikko.cache_clear()
    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    try:
        assert morph._voikko() is None
        import gc

        gc.collect()
        assert unraisable == []
    finally:
        morph._voikko.cache_clear()


def test_without_voikko_a_finnish_imperative_reads_as_its_verb() -> None:
    """Labels say "Toista", "Ilmoita": Snowball took them for partitives ("tois"), so "Toista vaihtoehdot"
    was no repeat option. The doubled-vowel reading (`stem_also` in fi.yaml) finds the infinitive."""
    words = fallback()
    assert words.asks_for("Toista vaihtoehdot") == "repeat"
    assert words.in_group("Ilmoita vika", "report")
    assert words.asks_for("Toistuvat korttimaksut") is None  # near miss: a participle, not the verb


@pytest.mark.parametrize("code, positive, negative", [
    ("en", "Urgent appointments", "Appointments that are not urgent"),
    ("sv", "Brådskande ärende", "Tid som inte är brådskande"),
    ("fi", "Kiireellinen asia", "Asia ei kiireellinen"),
    ("es", "Cita urgente", "Cita no urgente"),
])
def test_a_negated_word_is_the_opposite_not_the_same(code, positive, negative) -> None:
    assert not relate(positive, negative, code).confusable, relate(positive, negative, code)
    assert relate(positive, positive, code).confusable  # near miss: without the negation, the same


def test_a_negator_that_begins_a_known_phrase_stays_in_it() -> None:
    """"No internet" is the lexicon's internet fault, not the opposite of internet; "can't" is "can not"."""
    from ivrcheck.language import load_language

    reading = load_language("en").label_words
    (unit,) = reading.units("No internet")
    assert "internet-fault" in unit.concepts
    assert [u.text for u in reading.units("I can't make it")] == ["not make"]


@pytest.mark.parametrize("code, apart, covered", [
    # Refilling is one task on a prescription: it and checking on one are two tasks on one thing.
    ("en", ("Refill a prescription", "Check on a prescription"), ("Prescriptions", "Repeat prescriptions")),
    # Income support is one benefit: families are another case of benefits, not covered by it.
    ("fi", ("Toimeentulotuki", "Lapsiperheet ja lastensuojelu"), ("Etuudet", "Toimeentulotuki")),
])
def test_a_task_on_a_thing_is_a_case_of_it_not_the_thing(code, apart, covered) -> None:
    assert not relate(*apart, code).confusable, relate(*apart, code)
    assert relate(*covered, code).kind == meaning.CONTAINS  # near miss: the thing covers its case
