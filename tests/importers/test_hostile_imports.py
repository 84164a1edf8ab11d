"""Each crash family of issue 23, in the importers: a positioned finding, never ivrcheck's own failure (F099).

(a) a value of the wrong JSON kind in an export -> F019 naming its pointer, at its position;
(b) numbers `str.isdigit` says yes to but `int` does not read, infinite or thousands of digits long;
(c) XML with old Mac (CR-only) line ends.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from ivrcheck.config import Config
from ivrcheck.engine import check_text
from ivrcheck.findings import FileResult
from tests.importers.helpers import fixture


def check(text: str, display: str, fmt: str | None = None, entry: str | None = None) -> FileResult:
    result = check_text(text, Config(source_format=fmt, entry=entry), display)
    assert not [f.message for f in result.findings if f.code == "F099"]
    return result


def at(text: str, line: int, column: int) -> str:
    """The text from a 1-based position on (lines as editors count them)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    assert 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]) + 1, (line, column)
    return lines[line - 1][column - 1:]


def replaced(name: str, path: tuple[Any, ...], value: Any) -> str:
    """A JSON fixture with the value at `path` replaced, laid out one value a line."""
    doc = json.loads(fixture(name).read_text(encoding="utf-8"))
    changed = copy.deepcopy(doc)
    holder = changed
    for key in path[:-1]:
        holder = holder[key]
    holder[path[-1]] = value
    return json.dumps(changed, indent=1)


WRONG_KINDS = [
    ("connect/documented.json", ("Metadata",), 5, "an object"),
    ("connect/documented.json", ("Metadata", "ActionMetadata"), "x", "an object"),
    ("connect/documented.json", ("Actions", 2, "Transitions", "Conditions"), "x", "a list"),
    ("connect/documented.json", ("Actions", 2, "Transitions", "Conditions", 0, "Condition", "Operands"), 5, "a list"),
    ("connect/documented.json", ("Actions", 2, "Transitions", "Errors"), {}, "a list"),
    ("connect/legacy-modules.json", ("modules", 0, "branches"), 5, "a list"),
    ("connect/legacy-modules.json", ("modules", 0, "parameters"), "x", "a list"),
    ("studio/documented.json", ("states", 0, "transitions", 1, "next"), 5, "a string"),
    ("studio/documented.json", ("states", 1, "properties"), 5, "an object"),
    ("studio/documented.json", ("states", 0, "transitions"), 5, "a list"),
    ("studio/documented.json", ("states", 3, "transitions", 1, "conditions"), "x", "a list"),
    ("studio/documented.json", ("states", 3, "transitions", 1, "conditions", 0), None, "an object"),
    ("studio/documented.json", ("states", 3, "transitions", 1, "conditions", 0, "arguments"), 5, "a list"),
]


@pytest.mark.parametrize(("name", "path", "value", "expected"), WRONG_KINDS)
def test_a_value_of_the_wrong_kind_is_f019_at_its_pointer(name: str, path: tuple, value: Any, expected: str) -> None:
    text = replaced(name, path, value)
    result = check(text, name.split("/")[1])
    pointer = "/" + "/".join(map(str, path))
    found = [f for f in result.findings if f.code == "F019" and f.span.pointer == pointer]
    assert len(found) == 1, [(f.code, f.span.pointer, f.message) for f in result.findings]
    (finding,) = found
    assert f"`{pointer}` is" in finding.message and f"where the export has {expected}" in finding.message
    assert at(text, finding.span.line, finding.span.column).startswith(json.dumps(value)[:1])


def test_a_wrong_kind_inside_an_embedded_flow_names_the_whole_pointer() -> None:
    text = fixture("connect/lex-api-wrapped.json").read_text(encoding="utf-8")
    text = text.replace('\\"Metadata\\": {', '\\"Metadata\\": 7, \\"Unread\\": {', 1)
    (finding,) = [f for f in check(text, "wrapped.json").findings if f.code == "F019"]
    assert finding.span.pointer == "/ContactFlow/Content/Metadata" and "a number (7)" in finding.message
    assert at(text, finding.span.line, finding.span.column).startswith("7")


def test_the_exports_as_written_conform() -> None:
    for name in ("connect/documented.json", "connect/legacy-modules.json", "studio/documented.json",
                 "studio/defects.json", "studio/flex-demo-api.json", "connect/lex-api-wrapped.json"):
        result = check(fixture(name).read_text(encoding="utf-8"), name.split("/")[1])
        assert not [f.message for f in result.findings if f.code in ("F018", "F019")], name


def text_of(name: str, old: str, new: str) -> str:
    text = fixture(name).read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


LONG = "9" * 5000


@pytest.mark.parametrize(("old", "new", "reason"), [
    ("seconds: 6", "ms: ²", "'²' is not a number written in ASCII digits"),
    ("seconds: 6", f"ms: {LONG}", "5,000 characters long"),
    ("seconds: 6", "seconds: -4", "out of range"),
    ("lit: 2", "lit: .inf", "'.inf' is not a number"),
    ("lit: 2", "lit: 1e999", "not a finite number"),
])
def test_a_genesys_literal_that_is_no_number_is_f019_at_the_literal(old: str, new: str, reason: str) -> None:
    text = text_of("genesys/documented.yaml", old, new)
    (finding,) = [f for f in check(text, "g.yaml").findings if f.code == "F019"]
    assert finding.message.startswith("the literal ") and reason in finding.message
    start = text.index(new) + new.index(": ") + 2
    assert (finding.span.line, finding.span.column) == (text[:start].count("\n") + 1,
                                                        start - text.rfind("\n", 0, start))


def test_a_genesys_literal_number_and_a_placeholder_are_no_finding() -> None:
    for new in ("lit: 3", "lit: {{retries}}"):
        text = text_of("genesys/documented.yaml", "lit: 2", new)
        assert not [f for f in check(text, "g.yaml").findings if f.code == "F019"], new


@pytest.mark.parametrize(("name", "display", "old", "new", "entry"), [
    ("voicexml/bank-line.vxml", "b.vxml", 'count="3"', 'count="²"', None),
    ("asterisk/acme-support.conf", "extensions.conf", "enter-account,6,,2,5", "enter-account,²,,²,inf", "from-trunk"),
    ("freeswitch/clinic-ivr.conf.xml", "ivr.xml", "{3}", "{" + LONG + "}", None),
    ("freeswitch/clinic-ivr.conf.xml", "ivr.xml", "{3}", "{²}", None),
])
def test_numbers_isdigit_accepts_or_too_big_for_int_are_read_or_left_out(name, display, old, new, entry) -> None:
    result = check(text_of(name, old, new), display, entry=entry)
    assert result.score is not None  # read as no number (a default), the rest of the file checked


@pytest.mark.parametrize("value", ["inf", "nan", "1e999", "²", "-3"])
def test_a_freeswitch_count_that_is_no_number_is_f019_on_its_attribute(value: str) -> None:
    text = text_of("freeswitch/clinic-ivr.conf.xml", 'max-failures="2"', f'max-failures="{value}"')
    (finding,) = [f for f in check(text, "ivr.xml").findings if f.code == "F019"]
    assert "`max-failures`" in finding.message
    assert at(text, finding.span.line, finding.span.column).startswith("max-failures=")


def test_a_freeswitch_count_that_is_a_number_is_read() -> None:
    text = text_of("freeswitch/clinic-ivr.conf.xml", 'max-failures="2"', 'max-failures="4"')
    assert not [f for f in check(text, "ivr.xml").findings if f.code == "F019"]


@pytest.mark.parametrize(("old", "new", "shown"), [
    ('"Version": "2019-10-30"', f'"Version": {LONG}', "5,000 characters long"),
    ('"Version": "2019-10-30"', '"Version": 1e999', "not a finite number"),
])
def test_a_json_number_no_reader_can_hold_is_f018_at_the_number(old: str, new: str, shown: str) -> None:
    text = text_of("connect/documented.json", old, new)
    (finding,) = [f for f in check(text, "c.json").findings if f.code == "F018"]
    assert shown in finding.message and finding.span.pointer == "/Version"
    assert at(text, finding.span.line, finding.span.column).startswith(new.split(": ")[1][:5])


@pytest.mark.parametrize("priority", [LONG, "0"])
def test_an_asterisk_priority_no_dialplan_has_is_f018(priority: str) -> None:
    text = text_of("asterisk/demo.conf", "exten => 2,1,", f"exten => 2,{priority},")
    (finding,) = [f for f in check(text, "extensions.conf").findings if f.code == "F018"]
    assert "priority" in finding.message and finding.span.line == text[:text.index(f"2,{priority},")].count("\n") + 1


@pytest.mark.parametrize(("name", "display"), [("voicexml/bank-line.vxml", "b.vxml"),
                                               ("freeswitch/clinic-ivr.conf.xml", "ivr.xml"),
                                               ("freeswitch/demo_ivr.xml", "demo.xml")])
@pytest.mark.parametrize("end", ["\r", "\r\n"])
def test_xml_with_old_mac_line_ends_keeps_its_positions(name: str, display: str, end: str) -> None:
    text = fixture(name).read_text(encoding="utf-8")
    usual = check(text, display)
    other = check(text.replace("\n", end), display)
    assert [(f.code, f.span.line, f.span.column) for f in other.findings] == \
        [(f.code, f.span.line, f.span.column) for f in usual.findings]
