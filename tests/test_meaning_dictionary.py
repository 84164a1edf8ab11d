"""The meaning model through a Finnish-English dictionary (FreeDict, dictd format): shared translations and definitions."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import pytest

from ivrcheck.config import Config
from ivrcheck.language import freedict, meaning, relate
from ivrcheck.language.beyond import matchers
from ivrcheck.report.settings import describe
from tests.test_meaning_beyond_lexicon import bare

_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
#: headword -> entry text after the headword line: a sense's translations, then its definition.
ENTRIES = {
    "kisa": "1. contest, competition\nkilpailu tai ottelu, usein leikkimielinen\n2. game\nleikki",
    "kilpailu": "competition\ntapahtuma, jossa kilpaillaan",
    "juhla": "party, feast\nkokoontuminen",
    "luotto": "credit\nmyönnetty laina; lainanantajan saaminen",
    "laina": "loan\nraha, joka maksetaan takaisin",
    "purku": "dissolution\nsopimuksen päättäminen ennen aikaa",
    "sopimus": "agreement, contract\nkahden osapuolen yhteinen päätös",
}


def _base64(number: int) -> str:
    digits = ""
    while True:
        digits = _DIGITS[number % 64] + digits
        number //= 64
        if not number:
            return digits


def write_dictionary(folder: Path, entries: dict[str, str]) -> None:
    """A dictd dictionary as Debian installs it: a sorted tab-separated index and gzip-compressed data."""
    data, index = b"", []
    for word, body in sorted(entries.items()):
        text = f"{word} /ipa/ <n>\n{body}\n".encode("utf-8")
        index.append(f"{word}\t{_base64(len(data))}\t{_base64(len(text))}")
        data += text
    (folder / "freedict-fin-eng.index").write_text("00databaseshort\tA\tB\n" + "\n".join(index) + "\n",
                                                  encoding="utf-8")
    (folder / "freedict-fin-eng.dict.dz").write_bytes(gzip.compress(data))


def _forget() -> None:
    for cached in (freedict._index, freedict._text, freedict.senses, freedict._with_stem, freedict._sorted, matchers,
                   meaning._relate):
        cached.cache_clear()


@pytest.fixture
def dictionary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    write_dictionary(tmp_path, ENTRIES)
    monkeypatch.setenv("FREEDICT_DIR", str(tmp_path))
    monkeypatch.delenv("IVRCHECK_NO_FREEDICT", raising=False)
    _forget()
    yield tmp_path
    _forget()


def test_the_index_and_data_are_read_sense_by_sense(dictionary: Path) -> None:
    assert freedict.folder() == dictionary and freedict.available()
    first, second = freedict.senses("fi", "kisa")
    assert first.english == {"contest", "competition"} and second.english == {"game"}
    assert first.kinds == ("kilpailu", "ottelu")
    assert freedict.senses("fi", "sanakirja") == ()


def test_words_with_one_translation_are_one_task_and_words_without_are_not(dictionary: Path) -> None:
    words = bare("fi")  # no lexicon, no Voikko: the words are known only to the dictionary
    verdict = relate("Kisat", "Kilpailut", words)
    assert verdict.kind == meaning.SAME and verdict.synonyms == (("kisat", "kilpailut"),)
    assert not relate("Kisat", "Juhlat", words).confusable  # near miss: no translation in common


def test_a_word_defined_as_a_kind_of_the_other_is_covered_by_it(dictionary: Path) -> None:
    words = bare("fi")
    assert relate("Luotot", "Lainat", words).kind == meaning.CONTAINS  # "luotto": "myönnetty laina"
    # near miss: "sopimuksen päättäminen" is an ending; the contract only says whose
    assert not relate("Purku", "Sopimukset", words).confusable


def test_without_the_dictionary_or_with_it_switched_off_the_words_stay_apart(dictionary: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IVRCHECK_NO_FREEDICT", "1")
    _forget()
    assert not relate("Kisat", "Kilpailut", bare("fi")).confusable
    assert "Finnish-English dictionary off: IVRCHECK_NO_FREEDICT is set" in describe(Config())
    monkeypatch.delenv("IVRCHECK_NO_FREEDICT")
    monkeypatch.setenv("FREEDICT_DIR", str(dictionary / "nowhere"))
    _forget()
    assert freedict.folder() is None and not freedict.available()
    assert not relate("Kisat", "Kilpailut", bare("fi")).confusable
    assert "Finnish-English dictionary off: apt-get install dict-freedict-fin-eng" in describe(Config())


def test_files_that_are_not_a_dictionary_read_as_no_entries(dictionary: Path) -> None:
    (dictionary / "freedict-fin-eng.index").write_text("kisa\t!!\t??\nkilpailu\tA\n\x00\n", encoding="utf-8")
    (dictionary / "freedict-fin-eng.dict.dz").write_bytes(b"not gzip")
    _forget()
    assert not freedict.available() and freedict.senses("fi", "kisa") == ()
    assert not relate("Kisat", "Kilpailut", bare("fi")).confusable


installed = pytest.mark.skipif(not freedict.folder() or not freedict.available(),
                               reason="dictionary not found (apt-get install dict-freedict-fin-eng)")


@installed
def test_the_installed_dictionary_joins_loans_and_credit_but_not_collateral_and_insurance() -> None:
    _forget()
    words = bare("fi")
    assert relate("Lainat", "Luotot", words).confusable
    assert relate("Vakuutuksen irtisanominen", "Vakuutuksen päättäminen", words).confusable
    assert not relate("Vakuudet", "Vakuutukset", words).kind in (meaning.SAME, meaning.CONTAINS)
    assert not relate("Tilin avaaminen", "Tilin sulkeminen", words).confusable
