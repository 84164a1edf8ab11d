"""The patterns rewritten for linear time (issue 23) match what the old ones matched.

Each old pattern is kept here as the reference and compared with the code on generated
text over the characters that matter to it (hypothesis), and on the cases that were slow.
"""

from __future__ import annotations

import html
import re
import time

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ivrcheck.importers import archy, asterisk, asterisk_menu, common, connect, freeswitch, studio, vxml_text, xml_source
from ivrcheck.load.menu import _commented_keys

EXAMPLES = settings(max_examples=400, deadline=None)


def texts(alphabet: str | list[str], size: int = 40) -> st.SearchStrategy[str]:
    """Short texts over an alphabet of characters or words."""
    return st.lists(st.sampled_from(list(alphabet)), max_size=size).map("".join)


def fast(call, *args) -> float:
    start = time.perf_counter()
    call(*args)
    return time.perf_counter() - start


OLD_ASTERISK = re.compile(r"^\s*(exten|same)\s*=>?\s*[^,\n]+,", re.MULTILINE | re.IGNORECASE)


@EXAMPLES
@given(texts(["exten", "same", "SAME", " ", "\t", "\n", "\r", "=", ">", ",", "s", "1", "x", ";"]))
def test_asterisk_detection_is_unchanged(text: str) -> None:
    assert bool(asterisk._DETECT.search(text)) == bool(OLD_ASTERISK.search(text))


OLD_STUDIO = re.compile(r'\\*"(initial_state|states)\\*"\s*:')
OLD_CONNECT = re.compile(r'\\*"StartAction\\*"\s*:')


@EXAMPLES
@given(texts(['"', "\\", "states", "initial_state", "StartAction", ":", " ", "\n", "x"]))
def test_json_detection_is_unchanged(text: str) -> None:
    assert {m.group(1) for m in studio._DETECT.finditer(text)} == {m.group(1) for m in OLD_STUDIO.finditer(text)}
    assert bool(connect._MODERN.search(text)) == bool(OLD_CONNECT.search(text))


OLD_MENU = re.compile(r"<menu\b[^>]*\bname\s*=", re.IGNORECASE)
OLD_ENTRY = re.compile(r"<entry\b[^>]*\baction\s*=\s*[\"']menu-", re.IGNORECASE)


@EXAMPLES
@given(texts(["<menu", "<MENU", "<menux", "<entry", " ", "name", "xname", "=", "action", '"', "'", "menu-", ">", "\n"]))
def test_freeswitch_detection_is_unchanged(text: str) -> None:
    assert freeswitch._tag_with(text, *freeswitch._MENU) == bool(OLD_MENU.search(text))
    assert freeswitch._tag_with(text, *freeswitch._ENTRY) == bool(OLD_ENTRY.search(text))


def old_without_encoding(text: str) -> str:
    return re.sub(r"^\ufeff?(<\?xml[^>]*?)\s+encoding\s*=\s*(['\"])[^'\"]*\2", r"\1", text, count=1)


@EXAMPLES
@given(st.sampled_from(["", "\ufeff"]), texts(["<?xml", " ", "\n", "encoding", "=", '"', "'", "utf-8", ">", "?", "v"]))
def test_the_xml_encoding_strip_is_unchanged(bom: str, text: str) -> None:
    for candidate in (bom + text, bom + "<?xml" + text):
        assert xml_source._without_encoding(candidate) == old_without_encoding(candidate)


OLD_REF = re.compile(r"(menu|task|reusableTask|choice|\w+)\[([^\]]*)\]\s*$")


def old_ref_name(ref: str) -> tuple[str | None, str]:
    match = OLD_REF.search(ref.strip())
    return (match.group(1), match.group(2)) if match else (None, ref.strip().rsplit("/", 1)[-1])


@EXAMPLES
@given(texts(["menu", "task", "a", "_", "é", "[", "]", "/", ".", " ", "\n", "x1"]))
def test_genesys_references_are_read_as_before(ref: str) -> None:
    assert archy.ref_name(ref) == old_ref_name(ref)


@EXAMPLES
@given(texts("[]0123456789-X.!_"))
def test_asterisk_pattern_tokens_are_unchanged(pattern: str) -> None:
    assert asterisk_menu._tokens(pattern) == re.findall(r"\[[^\]]*\]|.", pattern)


def old_digit_count(digits: str) -> int | None:
    """The old count, with the one deliberate change since: a repeat past 64 (no keypad entry is
    that long; the number reader's bound, issue 23) makes the count unknown."""
    body = re.sub(r"^/\^?|\$?/$", "", digits).replace("(", "").replace(")", "")
    count = 0
    for _, repeat in re.findall(r"(\[[^\]]*\]|\\d|[0-9*#.])(\{\d+\}|[+*?]|\{\d*,\d*\})?", body):
        if repeat and (not repeat[1:-1].isdigit() or int(repeat[1:-1]) > 64):
            return None
        count += int(repeat[1:-1]) if repeat else 1
    return count or None


@EXAMPLES
@given(texts(["/", "^", "$", "[", "]", "0", "9", "-", "{", "}", "3", ",", "\\d", "+", "(", ")"]))
@example("0{90}")
def test_freeswitch_digit_counts_are_unchanged(body: str) -> None:
    assert freeswitch._digit_count("/" + body) == old_digit_count("/" + body)


@EXAMPLES
@given(texts(["<", ">", "<break/>", "a", " ", "&amp;", "\n"]))
def test_ssml_is_spoken_as_before(text: str) -> None:
    plain = html.unescape(re.sub(r"<[^>]+>", " ", text)) if "<" in text else text
    assert common.spoken(text) == ((" ".join(plain.split()) or None) if text.strip() else None)


@EXAMPLES
@given(texts([" ", "\t", "1", "5", ".", "ms", "s", "x"], size=12))
def test_voicexml_durations_are_read_as_before(value: str) -> None:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(ms|s)?\s*", value)
    old = None if match is None else float(match.group(1)) / (1000 if match.group(2) == "ms" else 1)
    assert vxml_text.seconds(value) == old


def test_a_commented_key_is_reported_on_its_own_line_after_blank_lines() -> None:
    text = 'entry: a\nnodes:\n  a:\n    options:\n\n   \n      #: {label: Help, goto: b}\n'
    (finding,) = _commented_keys(text, "m.ivr.yaml")
    assert (finding.span.line, finding.span.column) == (7, 7)  # was (5, 1): the first blank line


def test_a_commented_key_is_still_found_where_it_was() -> None:
    text = 'nodes:\n  a:\n    options:\n      #: {label: Help, goto: b}\n  # "#": {goto: b}\n'
    assert [(f.span.line, f.span.column) for f in _commented_keys(text, "m.ivr.yaml")] == [(4, 7)]


def test_the_slow_shapes_are_fast() -> None:
    """Each took minutes at this size (quadratic); each takes milliseconds now, far under the bound."""
    n = 200_000
    cases = [
        (asterisk.detect, "name: x\n" + " \n" * n, ""),
        (studio.detect, '{"a": "' + "\\" * n + '"}', ""),
        (connect.detect, '{"a": "' + "\\" * n + '"}', ""),
        (freeswitch.detect, "<menu " * (n // 6), ""),
        (xml_source._without_encoding, '<?xml version="1.0"' + " " * n + "?><vxml/>"),
        (archy.ref_name, "./menus/menu[" + "a" * n),
        (archy.ref_name, "a[" * (n // 2) + "]"),
        (asterisk_menu._tokens, "[" * n),
        (freeswitch._digit_count, "/" + "[" * n + "/"),
        (common.spoken, "<" * n),
        (vxml_text.seconds, "5" + " " * n + "x"),
        (_commented_keys, "#: {\n" + "   \n" * n, "m.ivr.yaml"),
    ]
    for call, *args in cases:
        assert fast(call, *args) < 10.0, call.__qualname__


def old_split(text: str, limit: int) -> list[str]:
    """The dialplan's comma split as it read every character (the reference)."""
    parts, depth, quote, start = [], 0, "", 0
    for i, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char == '"':
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth = max(0, depth - 1)
        elif char == "," and depth == 0 and (limit == 0 or len(parts) < limit - 1):
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


@EXAMPLES
@given(texts(',"()[]{}ab \\'), st.integers(min_value=0, max_value=4))
def test_the_dialplan_split_visits_only_what_splits_and_splits_the_same(text: str, limit: int) -> None:
    from ivrcheck.importers import dialplan

    assert dialplan._split(text, limit) == old_split(text, limit)
