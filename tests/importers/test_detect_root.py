"""An XML export is recognised however long its lines or deep its nesting: never read as a YAML menu."""

from __future__ import annotations

import pytest

from ivrcheck import importers
from ivrcheck.reading import menu_text

ENTRY = '<entry action="menu-exec-app" digits="1" param="transfer 2000 XML default"/>'


def long_attribute(size: int) -> str:
    """A valid FreeSWITCH menu whose greeting attribute runs past every detection prefix."""
    return (f'<include>\n  <menu name="main"\n        greet-long="say:{"x" * size}"\n'
            f'        max-failures="3">\n    {ENTRY}\n  </menu>\n</include>\n')


def test_a_long_attribute_is_still_freeswitch():
    text = long_attribute(900_000)
    assert importers.detect(text, "ivr.xml").NAME == "freeswitch"
    menu, findings = menu_text(text, "ivr.xml")
    assert menu is not None and "main" in menu.nodes
    assert not any(f.code == "F004" for f in findings)


def test_a_short_attribute_is_detected_by_content_as_before():
    assert importers.detect(long_attribute(10), "ivr.xml").NAME == "freeswitch"


def test_deep_xml_is_an_xml_finding_not_a_yaml_one():
    text = "<include>" + "<x>" * 100_000 + "</x>" * 100_000 + "</include>"
    menu, findings = menu_text(text, "deep.xml")
    assert menu is None and [f.code for f in findings] == ["F018"]
    assert "nested" in findings[0].message


def test_a_vxml_root_after_a_long_comment_is_voicexml():
    text = f'<?xml version="1.0"?>\n<!-- {"c" * 30_000} -->\n<!DOCTYPE vxml [ <!-- > --> ]>\n<v:vxml/>'
    assert importers.xml_root(text) == "vxml"
    assert importers.detect(text, "a.vxml").NAME == "voicexml"


@pytest.mark.parametrize(("text", "root"), [
    ("\ufeff  <include/>", "include"),
    ("<?xml version='1.0'?><!-- a --><configuration name='ivr.conf'/>", "configuration"),
    ("entry: main\nnodes: {}\n", None),        # a YAML menu
    ("<!-- never closed", None),
    ("  " + "<!---->" * 20_000 + "<include/>", None),  # a prolog past the prefix: no guess
])
def test_xml_root(text, root):
    assert importers.xml_root(text) == root


def test_xml_no_importer_claims_stays_unclaimed():
    assert importers.detect("<html><body>" + "x" * 300_000 + "</body></html>", "a.xml") is None


def test_an_include_without_menus_is_told_so_by_freeswitch():
    menu, findings = menu_text("<include>" + "x" * 300_000 + "</include>", "a.xml")
    assert menu is None and [f.code for f in findings] == ["F019"]
    assert "no <menu name=...> found under <include>" in findings[0].message
