"""The lexicons' stored indexes (ivrcheck/language/index.py): used only when current, and equal to a fresh build."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from ivrcheck.language import index, load_language, morph
from ivrcheck.language.labels import LabelWords
from ivrcheck.language.lexicon import Lexicon, read_data

FOLDER = Path(index.__file__).parent
CODES = sorted(p.stem.removeprefix("lexicon-") for p in FOLDER.glob("lexicon-*.yaml"))
MADE_WITH = json.loads((FOLDER / index.file_name("en")).read_text(encoding="utf-8")).get("made_with")
# The shipped indexes are made with the newest Snowball release; the lowest-version run (docs/dependencies.md)
# has an older one, which stems some words otherwise: there the start-up probe rejects them, as it should.
pytestmark = pytest.mark.skipif(MADE_WITH != index.snowball_release(),
                                reason=f"the stored indexes are made with {MADE_WITH}, not {index.snowball_release()}")


def snowball(code: str) -> LabelWords:
    """A language's label reading as the stored indexes are made: Snowball, whether or not Voikko is installed."""
    return replace(load_language(code).label_words, voikko=False)


def same(first: Lexicon, second: Lexicon) -> bool:
    # Phrases of one length may come in either order (they are sorted from a set), as in any build.
    return (first.groups == second.groups and first.single == second.single
            and {k: set(v) for k, v in first.phrases.items()} == {k: set(v) for k, v in second.phrases.items()})


@pytest.mark.parametrize("code", CODES)
def test_every_lexicon_ships_an_up_to_date_index(code: str) -> None:
    kept = FOLDER / index.file_name(code)
    assert kept.exists(), f"run python scripts/gen_language_data.py ({kept.name} is missing)"
    assert kept.read_text(encoding="utf-8") == index_text(code), (
        f"run python scripts/gen_language_data.py ({kept.name} is stale)")


def index_text(code: str) -> str:
    return index.index_text(snowball(code), read_data(code))


@pytest.mark.parametrize("code", CODES)
def test_the_stored_index_gives_the_lexicon_a_fresh_build_gives(code: str) -> None:
    words, data = snowball(code), read_data(code)
    kept = index.stored(words, data)
    assert kept is not None
    assert same(Lexicon.build(data, words.term_keys, stored=kept), Lexicon.build(data, words.term_keys))
    # The user's synonym groups are read on top of the stored index, as on top of a built one.
    extra = (("pay", "settle up"), ("tilaus", "ostoskori"))
    assert same(Lexicon.build(data, words.term_keys, extra, kept), Lexicon.build(data, words.term_keys, extra))
    assert kept == index.stored(words, data)  # reading the user's groups left the stored index as it was


def test_an_edited_lexicon_is_indexed_afresh_not_from_the_stored_index() -> None:
    words, data = snowball("en"), read_data("en")
    edited = json.loads(json.dumps(data))
    edited["groups"][0]["terms"].append("zanzibar")
    assert index.stored(words, edited) is None
    built = replace(words, lexicon_data=lambda: edited).lexicon
    assert edited["groups"][0]["id"] in built.lookup(words.term_keys("zanzibar")[0][0])
    assert index.stored(words, data) is not None  # the file as it ships still matches


def test_a_stored_index_whose_probe_reads_differently_is_not_used(tmp_path: Path) -> None:
    """Another Snowball release (or a changed stem fix) reads terms differently: the probe tells."""
    words, data = snowball("en"), read_data("en")
    kept = json.loads((FOLDER / index.file_name("en")).read_text(encoding="utf-8"))
    (tmp_path / index.file_name("en")).write_text(json.dumps(kept), encoding="utf-8")
    assert index.stored(words, data, tmp_path) is not None
    term, keys = kept["probe"][0]
    kept["probe"][0] = [term, [[k + "x" for k in word] for word in keys]]
    (tmp_path / index.file_name("en")).write_text(json.dumps(kept), encoding="utf-8")
    assert index.stored(words, data, tmp_path) is None
    (tmp_path / index.file_name("en")).write_text("{not json", encoding="utf-8")
    assert index.stored(words, data, tmp_path) is None


def test_a_reading_with_voikko_never_takes_the_snowball_index() -> None:
    words = snowball("fi")
    assert index.stored(words, read_data("fi")) is not None
    with_voikko = replace(words, voikko=True)
    with_voikko.__dict__["analyser"] = morph.Voikko(words.analyser)  # what best_analyser gives where it is installed
    assert index.stored(with_voikko, read_data("fi")) is None


def test_a_stored_index_made_with_another_snowball_library_is_not_used(tmp_path: Path) -> None:
    """A probe samples terms and can miss one an older Snowball stems otherwise ("emergency": emerg, not
    emergenc), so the library's release is compared too, and the index is then built afresh."""
    words, data = snowball("en"), read_data("en")
    kept = json.loads((FOLDER / index.file_name("en")).read_text(encoding="utf-8"))
    assert kept["stemmer"] == index.stemmer_release()
    kept["stemmer"] = "libstemmer 2.0.1"
    (tmp_path / index.file_name("en")).write_text(json.dumps(kept), encoding="utf-8")
    assert index.stored(words, data, tmp_path) is None
