"""The language server's answers, built from a checked document without the protocol in between."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

lsp = pytest.importorskip("lsprotocol.types", reason="the language server needs the lsp extra: pip install -e '.[lsp]'")
pytest.importorskip("pygls", reason="the language server needs the lsp extra")

from ivrcheck import engine  # noqa: E402
from ivrcheck.config import Config  # noqa: E402
from ivrcheck.lsp import features  # noqa: E402
from ivrcheck.lsp.document import Document, Lines  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "importers" / "fixtures"
MENU = """\
name: t
language: en
entry: main
defaults: {timeout: 5, retries: 3, on_timeout: repeat, on_invalid: repeat, after_retries: desk}
nodes:
  main:
    prompt: For the café, press 1. To speak to someone, press 0.
    ignore: [S1]
    options:
      "1": {label: Café, goto: desk}
      "0": {label: Speak to someone, goto: desk}
      "
  desk: {type: agent}
"""


def document(tmp_path: Path, text: str, name: str = "m.ivr.yaml") -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return Document(path, text, Config())


def test_completion_offers_what_fits_where_the_cursor_is(tmp_path: Path) -> None:
    good = document(tmp_path, MENU.replace('      "\n', ""))
    lines = Lines(MENU)
    free = {i.label for i in features.completions(good, 12, 8, lines)}
    assert free == {"2", "3", "4", "5", "6", "7", "8", "9", "*", "#"}  # "1" and "0" are taken
    typed = Lines(MENU.replace("ignore: [S1]", "ignore: [S1, "))
    codes = {i.label for i in features.completions(good, 8, len("    ignore: [S1, ") + 1, typed)}
    assert {"S101", "H203", "T603"} <= codes
    typed = Lines(MENU.replace("  desk: {type: agent}", "  desk: {type: ag"))
    types = {i.label for i in features.completions(good, 13, len("  desk: {type: ag") + 1, typed)}
    assert {"agent", "menu", "voicemail"} <= types
    # A label is no target: nothing to offer after `label:`.
    assert features.completions(good, 10, len('      "1": {label: ') + 1, lines) == []


def test_positions_are_utf16_in_the_protocol(tmp_path: Path) -> None:
    lines = Lines("a: 😀 b\n")
    assert lines.position(1, 4) == lsp.Position(0, 3)
    assert lines.position(1, 5) == lsp.Position(0, 5)  # the emoji is two UTF-16 units
    assert lines.ours(lsp.Position(0, 5)) == (1, 5)


def test_diagnostics_match_check_including_a_line_with_non_ascii(tmp_path: Path) -> None:
    doc = document(tmp_path, MENU.replace('      "\n', "").replace("goto: desk}", "goto: desc}", 1))
    expected = engine.check_file(doc.path)
    assert [(d.code, d.range.start.line + 1) for d in doc.diagnostics()] == \
           [(f.code, f.span.line) for f in expected.findings]
    s101 = next(d for d in doc.diagnostics() if d.code == "S101")
    assert s101.code_description is None  # no docs URL configured: hover shows the page instead


def test_diagnostics_link_the_rule_page_when_a_docs_url_is_set(tmp_path: Path, monkeypatch) -> None:
    from ivrcheck.report.common import DOCS_URL_VARIABLE

    monkeypatch.setenv(DOCS_URL_VARIABLE, "https://example.org/docs")
    doc = document(tmp_path, MENU.replace('      "\n', "").replace("goto: desk}", "goto: desc}", 1))
    s101 = next(d for d in doc.diagnostics() if d.code == "S101")
    assert s101.code_description.href == "https://example.org/docs/rules/S101.md"


def test_a_platform_export_gets_diagnostics_and_no_edits(tmp_path: Path) -> None:
    text = (FIXTURES / "studio" / "defects.json").read_text(encoding="utf-8")
    doc = document(tmp_path, text, "flow.json")
    assert doc.diagnostics() and not doc.editable
    assert features.code_actions(doc, 1, 10_000) == []


def test_a_broken_file_gives_its_load_finding(tmp_path: Path) -> None:
    doc = document(tmp_path, MENU)  # the lone quote on line 12 does not parse
    codes = {d.code for d in doc.diagnostics()}
    assert codes and all(c.startswith("F") for c in codes)
    assert features.inlay_hints(doc, 1, 100) == [] and features.hover(doc, 6, 3) is None


def test_the_waiver_action_silences_the_finding_with_a_reason(tmp_path: Path) -> None:
    from ivrcheck import suppress
    from tests.lsp.client import apply_edits

    text = MENU.replace('      "\n', "").replace("on_timeout: repeat, ", "")
    doc = document(tmp_path, text)
    (finding,) = [f for f in doc.result.findings if f.code == "R501"]
    (action,) = [a for a in features.code_actions(doc, finding.span.line, finding.span.line)
                 if a.title.startswith("ignore R501")]
    waived = apply_edits(text, next(iter(action.edit.changes.values())))
    assert "  # ivrcheck: disable-line R501 reason: " in waived
    codes = {f.code for f in engine.check_text(waived).findings}
    assert "R501" not in codes
    if "reason:" in (suppress.__doc__ or ""):  # waivers with reasons (the audit work) read the reason as one
        assert "F015" not in codes


ACME = (Path(__file__).resolve().parents[2] / "menus" / "acme-bank.ivr.yaml").read_text(encoding="utf-8")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(0, len(ACME)), length=st.integers(0, 40), typed=st.sampled_from(["", ":", "\"", "{", "  ", "\n-"]),
       line=st.integers(1, 120), column=st.integers(1, 90))
def test_any_text_mid_edit_gets_answers_never_an_exception(tmp_path: Path, cut: int, length: int, typed: str,
                                                           line: int, column: int) -> None:
    text = ACME[:cut] + typed + ACME[cut + length:]
    doc = document(tmp_path, text)
    assert all(d.code for d in doc.diagnostics())
    loaded = document(tmp_path, ACME)
    features.completions(loaded, line, column, doc.lines)
    features.hover(doc, line, column)
    features.inlay_hints(doc, 1, 200)
    features.code_actions(doc, 1, 200)
    if (node_id := doc.symbol_at(line, column)) is not None:
        features.rename(doc, node_id, "renamed")


def test_a_position_far_past_the_text_is_answered_at_once_and_names_nothing(tmp_path: Path) -> None:
    """An editor (or a hostile client) may send line 1,000,000,000: completion walked up from it line
    by line and never answered; the position is now the empty line just after the text."""
    import time

    good = document(tmp_path, MENU.replace('      "\n', ""))
    last = len(good.lines.lines)
    assert good.lines.ours(lsp.Position(10**9, 0)) == (last + 1, 1)
    assert good.lines.ours(lsp.Position(10**9, 2**31 - 1)) == (last + 1, 1)
    started = time.process_time()
    far = good.lines.ours(lsp.Position(10**9, 0))
    assert features.completions(good, *far, good.lines) == []
    assert good.symbol_at(*far) is None
    assert features.hover(good, *far) is None
    assert time.process_time() - started < 1
    # Near miss: a column past a real line's end is that line's end, and the line keeps its meaning.
    line = good.text.splitlines().index("  desk: {type: agent}") + 1
    assert good.lines.ours(lsp.Position(line - 1, 10**9)) == (line, len("  desk: {type: agent}") + 1)
    assert good.symbol_at(line, 3) == "desk"
