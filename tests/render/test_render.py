"""Diagrams: every example menu in every format, node by node, and nothing in a label can inject."""

import re
import shutil
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ivrcheck.engine import inspect_file, inspect_text
from ivrcheck.render import FORMATS, Options, RenderError, format_for
from ivrcheck.render.diagram import build
from ivrcheck.render.escape import mermaid as mermaid_escape
from ivrcheck.render import render as draw
from ivrcheck.render import dot as dot_module
from tests.conftest import MENUS

EXAMPLES = sorted(MENUS.glob("*.ivr.yaml"))
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")
SVG = "{http://www.w3.org/2000/svg}"


def render(inspection, fmt: str, **options) -> bytes:
    """Draw a checked menu from its model, analysis and result."""
    return draw(inspection.menu, inspection.line, inspection.result, fmt, **options)


def svg_text(data: bytes) -> str:
    """All text the SVG shows, joined (parsing it as XML on the way)."""
    root = ET.fromstring(data)
    return "\n".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))


@needs_dot
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_svg_shows_every_node_and_the_score(path: Path) -> None:
    inspection = inspect_file(path)
    text = svg_text(render(inspection, "svg"))
    for node_id in inspection.line.open.reachable:
        assert node_id in text, node_id
    assert f"clarity {inspection.result.score}/100" in text


@needs_dot
@pytest.mark.parametrize("fmt, magic", [("png", b"\x89PNG"), ("pdf", b"%PDF")])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_png_and_pdf(path: Path, fmt: str, magic: bytes) -> None:
    assert render(inspect_file(path), fmt).startswith(magic)


def drawn(inspection, **options) -> set[str]:
    """Every node the diagram shows: as a box of its own, or inside the row that leads to it."""
    diagram = build(inspection.menu, inspection.line, inspection.result, Options(**options))
    found = set()
    for box in diagram.boxes:
        found.add(box.node_id)
        rows = list(box.rows)
        while rows:
            row = rows.pop()
            if row.inline is not None:
                found.add(row.inline.node_id)
                rows += row.inline.rows
    return found


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_mermaid_has_every_node_and_every_arrow(path: Path) -> None:
    inspection = inspect_file(path)
    text = render(inspection, "mmd").decode()
    declared = re.findall(r'^  (n\d+)[\[({>/]+"<b>(.*?)</b>', text, re.MULTILINE)
    assert drawn(inspection) == set(inspection.line.open.reachable)
    for node_id in inspection.line.open.reachable:
        assert mermaid_escape(node_id) in text
    keys = {key for key, _ in declared}
    assert len(keys) == len(declared)  # each box once
    for source, target in re.findall(r"^  (n\d+) [-=.]+>(?:\|[^|]*\|)? (n\d+)$", text, re.MULTILINE):
        assert source in keys and target in keys
    assert render(inspection, "md").decode() == f"```mermaid\n{text}```\n"


def test_dot_source_needs_nothing_and_is_deterministic() -> None:
    inspection = inspect_file(MENUS / "acme-bank.ivr.yaml")
    first = render(inspection, "dot")
    assert first == render(inspect_file(MENUS / "acme-bank.ivr.yaml"), "dot")
    assert first.startswith(b"digraph ivr {")


def menu(text: str):
    return inspect_text(textwrap.dedent(text).lstrip("\n"), display="m.ivr.yaml")


HOSTILE_LABELS = ['Say "hi"] end; click', 'back\\slash <b>x</b> & {braces} #hash', "A -> B |pipe| ]end["]
HOSTILE = """
name: 'Evil "name" ]; digraph x {'
entry: main
nodes:
  main:
    prompt: For an advisor, press 0.
    options:
      "0": {label: 'LABEL0', goto: end}
      "1": {label: 'LABEL1', goto: end}
      "2": {label: 'LABEL2', goto: "x<y>"}
  end: {type: agent}
  "x<y>": {type: agent}
"""


def hostile():
    text = HOSTILE
    for index, label in enumerate(HOSTILE_LABELS):
        text = text.replace(f"LABEL{index}", label.replace("'", "''"))
    return menu(text)


@needs_dot
def test_labels_with_dot_syntax_render_verbatim() -> None:
    shown = " ".join(svg_text(render(hostile(), "svg")).split())  # long rows wrap
    for label in HOSTILE_LABELS[1:]:
        assert label in shown  # merged arrows join labels with " / "; each one is there verbatim
    assert 'Say "hi"] end; click' in shown
    assert "x<y>" in shown and 'Evil "name" ]; digraph x {' in shown


def test_labels_with_mermaid_syntax_are_entities() -> None:
    text = render(hostile(), "mmd").decode()
    body = text.split("flowchart TD\n", 1)[1]
    # Nothing a label carries can open or close a shape, a link label or a subgraph:
    for line in body.splitlines():
        for fragment in re.findall(r'"([^"]*)"', line):
            plain = re.sub(r"</?b>|<br/>", "", fragment)  # markup ivrcheck itself writes
            assert not set(re.sub(r"#\w+;", "", plain)) & set('[]{}()|<>;#\\`'), fragment
    assert "end" not in re.findall(r"^  (\w+)", body, re.MULTILINE)  # node ids are generated
    assert "#quot;hi#quot;#93; end#59; click" in text


def test_parallel_edges_merge_into_one_arrow() -> None:
    text = render(hostile(), "mmd").decode()
    (line,) = [ln for ln in text.splitlines() if "0 · Say" in ln]
    assert " / 1 · back#92;slash" in line


ROOTED = """
entry: main
nodes:
  main:
    prompt: For cards, press 1. For loans, press 2. For an advisor, press 0.
    options:
      "1": {label: Cards, goto: cards}
      "2": {label: Loans, goto: loans}
      "0": {label: Advisor, goto: advisor}
  cards:
    prompt: For a lost card, press 1.
    options: {"1": {label: Lost card, goto: lost}}
  lost: {type: message, prompt: Blocked., next: advisor}
  loans:
    prompt: For balance, press 1.
    options: {"1": {label: Balance, goto: balance}}
  balance: {type: self_service}
  advisor: {type: agent}
"""


def test_root_depth_and_to_select_what_is_drawn() -> None:
    inspection = menu(ROOTED)
    assert drawn(inspection, root="cards") == {"cards", "lost", "advisor"}
    assert drawn(inspection, depth=1) == {"main", "cards", "loans", "advisor"}
    assert drawn(inspection, to="advisor") == {"main", "cards", "lost", "advisor"}
    with pytest.raises(RenderError, match='"nope" is no node'):
        render(inspection, "mmd", root="nope")


def test_fastest_path_is_bold_and_findings_carry_codes() -> None:
    text = render(menu(ROOTED), "mmd").decode()
    assert re.search(r"n0 ==>\|\"0 · Advisor\"\| n\d+", text)
    bad = render(inspect_file(MENUS / "bad-everything.ivr.yaml"), "dot").decode()
    assert "S103" in bad and "✖" in bad and "bgcolor=\"#f8d7da\"" in bad


def test_closed_state_draws_the_closed_routes() -> None:
    inspection = inspect_file(MENUS / "clinic-hours.ivr.yaml")
    assert "after_hours" in drawn(inspection, state="closed")
    assert "after_hours" not in drawn(inspection, state="open")
    closed = build(inspection.menu, inspection.line, inspection.result, Options(state="closed"))
    assert any(arrow.bold for arrow in closed.arrows)  # the way to a person outside hours stays marked


def test_missing_dot_says_how_to_install(monkeypatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")  # no `dot` anywhere
    with pytest.raises(RenderError) as caught:
        dot_module.pipe("digraph {}", "svg")
    message = str(caught.value)
    assert "apt-get install graphviz" in message and "brew install graphviz" in message
    assert ".dot" in message and ".mmd" in message and "\n" not in message


def test_format_from_extension_or_flag() -> None:
    assert [format_for(f"x.{f}") for f in FORMATS] == list(FORMATS)
    assert format_for("x.out", "svg") == "svg"
    with pytest.raises(RenderError):
        format_for("x.txt")
