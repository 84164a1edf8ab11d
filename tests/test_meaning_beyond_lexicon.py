"""The meaning model on words its lexicon does not know: Finnish roots, compound first parts, WordNet hypernyms."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from ivrcheck.language import meaning, relate, wordnet
from ivrcheck.language.labels import LabelWords
from ivrcheck.language.roots import root, same_root


def bare(code: str) -> LabelWords:
    """A language's reading with an empty lexicon and no Voikko: only what needs no word list."""
    data = yaml.safe_load(resources.files("ivrcheck.language").joinpath(f"{code}.yaml").read_text(encoding="utf-8"))
    return LabelWords.from_data(data["labels"], code, {}, voikko=False)


@pytest.mark.parametrize("verbal, other", [("ilmoittamin", "ilmoitus"), ("lyhentämin", "lyhennys"),
                                           ("lopettamin", "lopetus")])
def test_a_verbal_noun_shares_its_root_with_the_action_noun(verbal: str, other: str) -> None:
    assert same_root(verbal, other) and same_root(other, verbal)


@pytest.mark.parametrize("first, second", [
    ("palaut", "palautus"),      # feedback and a return: two nouns of one root, two tasks
    ("päättämin", "päätös"),     # ending something and a decision: the root "pät" is too short to trust
    ("muuttamin", "muut"),       # moving and "other"
    ("ilmoittamin", "ilmoittamin"),  # the same stem is the stemmer's business, not a root's
])
def test_near_misses_share_no_root(first: str, second: str) -> None:
    assert not same_root(first, second)


def test_a_root_evens_out_gradation_and_long_sounds() -> None:
    assert root("lyhentä") == root("lyhenn") == "lyhen"
    assert root("til") == ""  # too short to compare


def test_without_any_lexicon_a_verbal_noun_phrase_is_its_compound() -> None:
    """"Muutoksista ilmoittaminen" is "Muutos|ilmoitus" said in two words: the first word names the
    compound's first part (by any of its readings), the rest is compared by root. A written first part
    keeps its genitive ("lainan|lyhennys")."""
    words = bare("fi")
    assert relate("Muutoksista ilmoittaminen", "Muutosilmoitus", words).kind == meaning.SAME
    assert relate("Lainan lyhentäminen", "Lainanlyhennys", words).kind == meaning.SAME
    assert relate("Tilin lopettaminen", "Tilin lopetus", words).kind == meaning.SAME
    # near misses: another task after the same first part, and one task of two different things
    assert not relate("Muutoksista ilmoittaminen", "Muutoshakemus", words).confusable
    assert not relate("Tilin lopettaminen", "Kortin lopetus", words).confusable


wordnet_files = pytest.mark.skipif(not wordnet.available(), reason="WordNet files not found (apt-get install wordnet-base)")


@wordnet_files
def test_wordnet_reads_a_narrower_noun_two_links_up() -> None:
    assert wordnet.narrower("scam", "fraud") and not wordnet.narrower("fraud", "scam")
    assert wordnet.narrower("car", "vehicle")
    assert not wordnet.narrower("train", "bus")  # siblings under one hypernym are not one task
    assert not wordnet.narrower("quote", "claim")


@wordnet_files
def test_labels_one_of_which_is_a_kind_of_the_other_are_confusable_through_wordnet() -> None:
    words = bare("en")
    verdict = relate("Fraud", "Scams", words)
    assert verdict.kind == meaning.CONTAINS and ("fraud", "scams", "broader") in verdict.pairs
    assert relate("Car crash claims", "Vehicle accident claims", words).confusable
    assert not relate("Car insurance quotes", "Car insurance claims", words).confusable  # near miss


def test_a_wordnet_folder_without_data_noun_has_no_hypernyms(tmp_path, monkeypatch) -> None:
    for pos in ("noun", "verb", "adj"):
        (tmp_path / f"index.{pos}").write_text("fraud n 1 0 1 0 00000007\n", encoding="utf-8")
    monkeypatch.setenv("WORDNET_DIR", str(tmp_path))
    cached = (wordnet._files, wordnet._senses, wordnet._exceptions, wordnet._data, wordnet._above, wordnet.narrower)
    for one in cached:
        one.cache_clear()
    monkeypatch.setattr(wordnet, "_PROBES", {})
    try:
        assert wordnet._data() is None and not wordnet.narrower("fraud", "fraud")
        (tmp_path / "data.noun").write_text("not a synset line at all\n", encoding="utf-8")
        wordnet._data.cache_clear()
        assert wordnet._hypernyms(wordnet._data(), "7") == ()
    finally:
        for one in cached:
            one.cache_clear()
