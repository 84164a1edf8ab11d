"""Structure-aware fuzzing of every importer, starting from the real exports in fixtures/.

Each case takes a fixture and applies a few mutations that know its format: in JSON a value
of another kind (a number, string, list, object or null where something else was), a number
no reader can hold, a long string or list, deep nesting; in XML, YAML and dialplans a hostile
token (superscript digits, `inf`, 5,000 digits, a bracket) in place of a value, a line
repeated many times, nesting; in every format old Mac or Windows line ends. Properties:

- no traceback: ivrcheck's own failure (F099) never appears, and nothing escapes the loader;
- bounded time: a generous limit per case (the exact bound is benchmarks' business);
- every load finding, and every span the model keeps for rules to report at, lies inside the
  file as editors count lines and columns (the engine clamps findings, so the raw ones are read).

`python -m pytest` runs a few cases per fixture; `python -m pytest -m fuzz` thirty times more
(docs/fuzzing.md). Every crash found here is kept as a case in test_hostile_imports.py.
"""

from __future__ import annotations

import copy
import json
import os
import re
import time
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ivrcheck.config import Config
from ivrcheck.engine import check_text
from ivrcheck.findings import Span
from ivrcheck.reading import menu_text
from ivrcheck.model import Menu
from tests.importers.helpers import FIXTURES

pytestmark = pytest.mark.fuzz
SCALE = 30 if os.environ.get("IVRCHECK_FUZZ") == "1" else 1
#: CPU seconds one case may take; generous (the 2 s bound of issue 23 is checked by the worst-case
#: benchmark, not here).
LIMIT = 20.0
#: The largest case: issue 23 asks for any input up to 1 MB; repeated repeats would grow without end.
MAX_CHARACTERS = 1_000_000

FILES = sorted(p.relative_to(FIXTURES).as_posix() for p in FIXTURES.glob("*/*") if p.name != "README.md")
ENTRIES = {"asterisk/acme-support.conf": "from-trunk"}
#: Tokens that broke readers: digits `isdigit` accepts and `int` refuses, infinities, numbers past
#: Python's int-string limit, brackets, quotes, empty text, control and line-separator characters.
HOSTILE = ["²", "٣", "３", "inf", ".inf", "nan", "1e999", "-1", "0", "9" * 5000, "", "[", "{", "]]", "}", '"', "'",
           "<", "&", "\\", "#", "*", "&a", "\x00", "\u2028", "\x85", "{²}", "{" + "9" * 5000 + "}", "x" * 5000,
           "${x}", "{{x}}", "/^(1{99})$/", "n(", "s", "digit_²", "./x[", "true", "null", "~"]
#: JSON values of every kind, for "a value of the wrong kind".
KINDS: list[Any] = [5, -1, 1.5, 0, "x", "", "²", [], {}, None, True, [[[]]], {"a": {}}, ["x", 5, None], "x" * 3000]
#: Raw number tokens json.dumps cannot write: placed by text substitution.
RAW_NUMBERS = ["9" * 5000, "1e999", "-1E400", "-0", "0.0000001e-300"]
TOKEN = re.compile(r"[^\s,()=>\"'<>/:;|\[\]{}]+")
#: Where each format keeps its values, so that most mutations change a value and keep the syntax:
#: XML attribute values and text, YAML scalars after a key, dialplan application arguments.
VALUES = {
    "xml": re.compile(r'="([^"]*)"|>([^<>]+)<'),
    "yaml": re.compile(r":[ \t]+([^\s#{}\[\],][^\n#]*)"),
    "dialplan": re.compile(r"[(,|=]([^,()|\n]*)"),
}


def fuzz(examples: int) -> settings:
    return settings(max_examples=examples * SCALE, deadline=None, derandomize=SCALE == 1,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


def _paths(value: Any, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*path, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            found += _paths(child, (*path, i))
    return found


def _json_mutation(draw: st.DrawFn, value: Any, paths: list[tuple]) -> None:
    """One structural mutation of a parsed JSON document, in place, at one of the original document's
    paths (drawn from a fixed list, so that hypothesis replays and shrinks a case the same way)."""
    path = draw(st.sampled_from(paths))
    how = draw(st.sampled_from(["kind", "kind", "raw", "long", "nest"]))
    choice = draw(st.integers(0, 10**6))
    try:
        holder = _get(value, path[:-1])
        old = holder[path[-1]]
    except (KeyError, IndexError, TypeError):  # an earlier mutation took this path away
        return
    if not isinstance(holder, (dict, list)):  # ... or made its parent a string
        return
    if how == "kind":
        holder[path[-1]] = copy.deepcopy(KINDS[choice % len(KINDS)])
    elif how == "raw":
        holder[path[-1]] = "@@RAW%d@@" % (choice % len(RAW_NUMBERS))
    elif how == "long":
        times = 2 + choice % 100
        holder[path[-1]] = [copy.deepcopy(old) for _ in range(times)] if isinstance(old, (dict, list)) \
            else (str(old) * (times * 5))[:100_000]
    else:
        for _ in range(2 + choice % 259):
            old = [old]
        holder[path[-1]] = old


def _embedded(value: Any) -> list[tuple]:
    """Paths of strings that hold a JSON flow (an API wrapper's `Content`), mutated as JSON too."""
    return [p for p in _paths(value) if isinstance(_get(value, p), str) and _is_json(_get(value, p))]


def _is_json(text: str) -> bool:
    if not text.lstrip().startswith("{"):
        return False
    try:
        return isinstance(json.loads(text), dict)
    except ValueError:
        return False


def _get(value: Any, path: tuple) -> Any:
    for key in path:
        value = value[key]
    return value


@st.composite
def json_case(draw: st.DrawFn, text: str) -> str:
    value = json.loads(text)
    paths = _paths(value)[1:]
    for inner in _embedded(value)[:1]:
        if draw(st.booleans()):
            nested = json.loads(_get(value, inner))
            inner_paths = _paths(nested)[1:]
            for _ in range(draw(st.integers(1, 3))):
                _json_mutation(draw, nested, inner_paths)
            _get(value, inner[:-1])[inner[-1]] = json.dumps(nested)
            paths = [p for p in paths if p[:len(inner)] != inner]
    for _ in range(draw(st.integers(1, 3))):
        _json_mutation(draw, value, paths)
    out = json.dumps(value, indent=draw(st.sampled_from([None, 1, 2])), ensure_ascii=draw(st.booleans()))
    for i, raw in enumerate(RAW_NUMBERS):
        out = out.replace(f'"@@RAW{i}@@"', raw)
    assume(len(out) <= MAX_CHARACTERS)
    return _line_ends(draw, out)


@st.composite
def text_case(draw: st.DrawFn, text: str, opening: str, closing: str, values: re.Pattern[str]) -> str:
    """XML, YAML and dialplans: hostile tokens in place of values (and of any word), repeated lines,
    nesting, cuts, line ends."""
    for _ in range(draw(st.integers(1, 4))):
        how = draw(st.sampled_from(["value", "value", "value", "token", "repeat", "nest", "cut"]))
        if how in ("value", "token"):
            found = values.finditer(text) if how == "value" else TOKEN.finditer(text)
            spots = [m.span(next(i for i, g in enumerate(m.groups(), 1) if g is not None) if m.groups() else 0)
                     for m in found] or [(0, 0)]
            start, end = draw(st.sampled_from(spots))
            text = text[:start] + draw(st.sampled_from(HOSTILE)) + text[end:]
        elif how == "repeat":
            lines = text.split("\n")
            i = draw(st.integers(0, len(lines) - 1))
            lines[i:i + 1] = [lines[i]] * draw(st.integers(2, 300))
            text = "\n".join(lines)
        elif how == "nest":
            lines = text.split("\n")
            i = draw(st.integers(1, max(1, len(lines) - 1)))
            depth = draw(st.integers(2, 300))
            indent = re.match(r"\s*", lines[i] if i < len(lines) else "").group(0)
            lines.insert(i, indent + opening * depth + closing * depth)
            text = "\n".join(lines)
        else:
            start = draw(st.integers(0, len(text)))
            text = text[:start] + text[start + draw(st.integers(1, 200)):]
        assume(len(text) <= MAX_CHARACTERS)
    return _line_ends(draw, text)


def _line_ends(draw: st.DrawFn, text: str) -> str:
    end = draw(st.sampled_from(["\n", "\n", "\r", "\r\n"]))
    return text.replace("\n", end) if end != "\n" else text


def case_for(name: str) -> st.SearchStrategy[str]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    if name.endswith((".json", ".tftpl")):
        try:
            json.loads(text)
        except ValueError:  # a template with unquoted placeholders: mutated as text
            return text_case(text, "[", "]", VALUES["yaml"])
        return json_case(text)
    if name.endswith((".xml", ".vxml")):
        return text_case(text, "<x>", "</x>", VALUES["xml"])
    if name.endswith(".yaml"):
        return text_case(text, "[", "]", VALUES["yaml"])
    return text_case(text, "[", "]", VALUES["dialplan"])


def spans_of(menu: Menu) -> list[Span]:
    """Every span the model keeps: where rules report their findings."""
    found = [menu.span, menu.entry.span]
    for node in menu.nodes.values():
        found += [node.span, *node.spans.values()]
        for option in node.options:
            found += [s for s in (option.span, option.label_span) if s is not None]
        found += [t.span for t in node.targets()]
    return [s for s in found if isinstance(s, Span)]


def assert_inside(text: str, spans: list[Span], what: str) -> None:
    lines = re.split(r"\r\n|\r|\n", text)
    for span in spans:
        assert 1 <= span.line <= len(lines), (what, span, len(lines))
        assert 1 <= span.column <= len(lines[span.line - 1]) + 1, (what, span, len(lines[span.line - 1]))


def run_case(name: str, text: str) -> None:
    display = name.split("/")[-1].removesuffix(".tftpl")
    fmt, entry = name.split("/")[0], ENTRIES.get(name)
    started = time.process_time()  # CPU time: a machine busy with other work does not fail the case
    menu, findings = menu_text(text, display, source_format=fmt, entry=entry)
    assert_inside(text, [f.span for f in findings], "load finding")
    if menu is not None:
        assert_inside(text, spans_of(menu), "model span")
    result = check_text(text, Config(source_format=fmt, entry=entry), display)
    assert not [f.message for f in result.findings if f.code == "F099"]
    assert time.process_time() - started < LIMIT


@pytest.mark.parametrize("name", FILES)
def test_mutated_exports_never_crash_stay_positioned_and_finish(name: str) -> None:
    @fuzz(12)
    @given(case_for(name))
    def property_(text: str) -> None:
        run_case(name, text)

    property_()


def test_every_importer_has_fixtures_to_fuzz() -> None:
    from ivrcheck import importers

    assert set(importers.names()) - {importers.NATIVE} <= {name.split("/")[0] for name in FILES}

