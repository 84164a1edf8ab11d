"""The JSON reader: positions and pointers per value, placeholders, strings holding JSON, bad input."""

from __future__ import annotations

import json

from ivrcheck.importers.jsondoc import Placeholder, parse


def test_every_value_has_line_column_and_pointer() -> None:
    doc, error = parse('{"a": [1, {"b/c": "x"}],\n  "d~": true}')
    assert error is None and doc.value == {"a": [1, {"b/c": "x"}], "d~": True}
    span = doc.span("/a/1/b~1c")
    assert (span.line, span.column, span.pointer) == (1, 19, "/a/1/b~1c")
    assert (doc.span("/d~0").line, doc.span("/d~0").column) == (2, 9)


def test_unquoted_placeholders_are_kept_as_names() -> None:
    doc, error = parse('{"t": ${var.timeout}, "q": {{queue}}, "j": ${jsonencode({a = 1})}}')
    assert error is None and isinstance(doc.value["t"], Placeholder) and doc.value["q"] == "{{queue}}"


def test_json_inside_a_string_maps_back_to_the_file() -> None:
    outer = json.dumps({"Content": json.dumps({"x": ["\u00e9", 'say "q"']})})
    doc, _ = parse(outer)
    inner, error = doc.embedded("/Content")
    span = inner.span("/x/1")
    assert error is None and span.pointer == "/Content/x/1"
    assert outer[span.column - 1:].startswith('\\"say')


def test_errors_are_positioned_and_never_raise() -> None:
    for text, line, column in (("", 1, 1), ('{"a" 1}', 1, 6), ("[1,\n 2,]", 2, 4), ('{"a": "x', 1, 7),
                               ("[" * 1000, 1, 201), ("[1] 2", 1, 5)):
        doc, error = parse(text)
        assert doc is None and (error.span.line, error.span.column) == (line, column), text[:10]


def test_conform_finds_each_pattern_as_the_document_is_after_the_patterns_before_it() -> None:
    """Parent patterns' values are found once for the patterns below them, and found again after a
    value is taken out: a child pattern sees the item its parent pattern emptied, never the old one."""
    from ivrcheck.importers.jsondoc import conform

    shape = {"/a": (list,), "/a/*": (dict,), "/a/*/b": (str,), "/a/*/c": (list,), "/a/*/c/*": (str,)}
    doc = {"a": [{"b": 1, "c": ["x", 2]}, 5, {"b": "fine", "c": "no"}]}
    problems = conform(doc, shape)
    assert [at for at, _ in problems] == ["/a/1", "/a/0/b", "/a/2/c", "/a/0/c/1"]
    assert doc == {"a": [{"c": ["x", ""]}, {}, {"b": "fine"}]}
    clean = {"a": [{"b": "x", "c": ["y"]}]}  # a near miss: every value of its kind, nothing taken out
    assert conform(clean, shape) == [] and clean == {"a": [{"b": "x", "c": ["y"]}]}
