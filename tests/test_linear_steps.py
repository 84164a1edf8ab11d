"""Two steps the blind tester found super-linear (issue 23, #8), run at a size only a linear version finishes.

Each runs in a fresh process under a generous timeout: 60,000 directive comments above a node
(each once rescanned every comment below it: about 1.8e9 line strips) and a label of 1,500,000
repeated words (its text was copied once a word: 26 CPU s at 600,000 words, minutes at this
size). Linear, they take about 0.6 and 3.5 CPU s.
"""
from __future__ import annotations

import subprocess
import sys

import pytest

from ivrcheck.language import load_language
from ivrcheck.suppress import parse

DIRECTIVES = """
from ivrcheck.suppress import parse
text = "nodes:\\n" + "  # ivrcheck: disable-line H203 reason: r\\n" * 60_000 + "  main: {type: agent}\\n"
directives, _ = parse(text, {"h203": "H203"})
assert len(directives) == 60_000 and {(d.first, d.last) for d in directives} == {(60_002, 60_002)}
"""
LABEL = """
from ivrcheck.language import load_language
(unit,) = load_language("en").label_words.units("card " * 1_500_000)
assert len(unit.text) == len("card " * 1_500_000) - 1
"""


@pytest.mark.parametrize("script", [DIRECTIVES, LABEL], ids=["directive-comments", "repeated-label-word"])
def test_the_step_is_linear(script: str) -> None:
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=90)
    assert result.returncode == 0, result.stderr[-2000:]


def test_a_standalone_directive_covers_the_next_content_line_past_blanks_and_comments():
    text = "nodes:\n  # ivrcheck: disable-line H203\n\n  # a note\n  main: {type: agent}\n  # ivrcheck: disable-line\n"
    directives, unknown = parse(text, {"h203": "H203"})
    assert [(d.first, d.last) for d in directives] == [(5, 5), (6, 6)]  # the last has no content after it: itself
    assert unknown == []


def test_words_of_one_group_are_still_one_unit_in_order():
    units = load_language("en").label_words.units("card payments card")
    assert [(u.text, u.keys) for u in units] == [("card payments card", frozenset({"card", "payment card"}))]
    assert [u.text for u in load_language("en").label_words.units("Line 1 1")] == ["line", "1", "1"]
