"""Found by a second blind tester (issue 23): inputs that ended in exit 3 or lost the user's data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ivrcheck.fileio import utf8

FIXTURES = Path(__file__).parent / "importers" / "fixtures"
MENU = "entry: a\nnodes:\n  a: {type: agent}\n"


def ivrcheck(*args: str, stdin: int | None = None, env: dict[str, str] | None = None,
             cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "ivrcheck", *args], stdin=stdin, capture_output=True,
                          timeout=60, env={**os.environ, **(env or {})}, cwd=cwd)


def test_text_with_an_undecodable_file_name_or_a_lone_surrogate_is_still_written() -> None:
    assert utf8("caf\udce9.ivr.yaml") == b"caf\xe9.ivr.yaml"  # the name's own bytes, as ls shows them
    assert utf8("label \ud800 here") == b"label \\ud800 here"
    assert utf8("plain é") == "plain é".encode("utf-8")


def test_a_file_whose_name_is_not_utf8_is_checked_not_an_internal_error(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.ivr.yaml")
    (tmp_path / name).write_text(MENU, encoding="utf-8")
    for fmt in ("text", "json", "sarif"):
        result = ivrcheck("check", "--no-cache", "-f", fmt, name, cwd=tmp_path)
        assert result.returncode in (0, 1), result.stderr
        assert b"caf\xe9" in result.stdout or fmt == "text"


def test_a_closed_standard_input_is_a_usage_error() -> None:
    result = subprocess.run(["bash", "-c", f"'{sys.executable}' -m ivrcheck check --no-cache - <&-"],
                            capture_output=True, timeout=60)
    assert result.returncode == 2, result.stderr
    assert b"standard input is closed" in result.stderr


def test_an_absurd_terminal_width_does_not_break_the_help() -> None:
    result = ivrcheck("--help", env={"COLUMNS": "999999999999"})
    assert result.returncode == 0, result.stderr
    assert b"check" in result.stdout


def test_import_refuses_to_write_over_the_export_it_reads(tmp_path: Path) -> None:
    source = next(FIXTURES.rglob("*.json"))
    export = tmp_path / source.name
    shutil.copy(source, export)
    before = export.read_bytes()
    result = ivrcheck("import", str(export), "-o", str(export))
    assert result.returncode == 2
    assert b"is the export being read" in result.stderr
    assert export.read_bytes() == before


def _every_name_hint(word: str, names: list[str]) -> str:
    """The hint as it was before the index (issue 23): difflib over every name, as the reference."""
    import difflib

    close = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
    if close:
        return f'did you mean "{close[0]}"?'
    if len(names) > 12:
        return f"expected one of {len(names)} names, such as " + ", ".join(f'"{c}"' for c in sorted(names)[:3])
    return "expected one of " + ", ".join(f'"{c}"' for c in sorted(names))


@pytest.mark.parametrize("letters", ["abn01_", "ab", "abcdefghij0123456789"])
def test_did_you_mean_among_many_names_is_the_hint_difflib_alone_gives(letters: str) -> None:
    import random

    from ivrcheck.didyoumean import suggest

    rng = random.Random(7)
    for _ in range(300):
        count = rng.choice([20, 80, 300])  # 20: difflib reads them all; 80 and 300: the index picks
        names = ["".join(rng.choice(letters) for _ in range(rng.randint(0, 14))) for _ in range(count)]
        for _ in range(5):
            word = "".join(rng.choice(letters) for _ in range(rng.randint(0, 16)))
            if rng.random() < 0.3:  # a name with a prefix, the mistyped shape of issue 23
                word = "missing" + rng.choice(names)
            assert suggest(word, names) == _every_name_hint(word, names), (word, names)


def test_seven_thousand_mistyped_names_are_hinted_without_reading_every_name() -> None:
    """7,500 menus each naming a missing one compared every pair (56 million ratios, seconds)."""
    from ivrcheck import didyoumean

    names = [f"n{i}" for i in range(7500)]
    hints = [didyoumean.suggest(f"missing{i}", names) for i in range(7500)]
    assert hints[1234] == 'did you mean "n1234"?' and hints[0].startswith("expected one of 7500 names")
    index = didyoumean._index(names)
    assert len(index.near("missing1234")) < 100


def test_a_hint_reads_the_names_as_they_are_now_not_as_an_earlier_hint_saw_them() -> None:
    from ivrcheck.didyoumean import suggest

    names = [f"node{i}" for i in range(100)]
    assert suggest("billing_menu", names).startswith("expected one of 100 names")
    names[7] = "billing_main"  # the same list, changed: the kept index must not answer for it
    assert suggest("billing_menu", names) == 'did you mean "billing_main"?'


def test_a_very_long_finnish_word_is_read_in_linear_time() -> None:
    """Splitting a word without Voikko tried every cut of it: 150,000 letters took over 20 s."""
    from dataclasses import replace

    from ivrcheck.language import load_language
    from ivrcheck.language.labels import _split

    words = replace(load_language("fi").label_words, voikko=False)

    def every_cut(stem: str) -> tuple[str, ...]:  # the old search, as the reference
        for cut in range(3, len(stem) - 4 + 1):  # MIN_PART is 4
            if stem[cut:] in words.lexicon.single or stem[cut:] in words.fillers:
                return stem[:cut], stem[cut:]
        for cut in range(len(stem) - 4, 4 - 1, -1):
            if stem[:cut] in words.lexicon.single:
                return stem[:cut], stem[cut:]
        return ()

    terms = sorted(words.lexicon.single)
    stems = [a + b for a in terms[::40] for b in terms[::50]] + ["asiakaspalvelu", "laskutusasiat", "x" * 80]
    assert [_split(words, s) for s in stems] == [every_cut(s) for s in stems]
    assert any(_split(words, s) for s in stems)
    assert _split(words, "kstr" * 40000) == ()


def test_thousands_of_names_alike_to_every_mistyped_one_give_difflibs_hint() -> None:
    """"gone1234" is alike to nearly every one of 6,500 names "n0".."n6499" at the cutoff: the hint is
    found at a higher bar, reading few names, and is the one difflib gives (issue 23, part 3)."""
    import difflib

    from ivrcheck.didyoumean import suggest

    names = [f"n{i}" for i in range(6500)]
    for i in (123, 999, 1234, 4000, 6499):
        word = f"gone{i}"
        (expected,) = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
        assert suggest(word, names) == f'did you mean "{expected}"?'
