"""Hostile menu text stays inert in every diagram element: titles, clusters, rows, shared-route
legends, "lacks" badges, tooltips, links, fold boxes and PDF page titles."""

import re
import shutil
import xml.etree.ElementTree as ET
from io import BytesIO
from pathlib import Path

import pytest

from ivrcheck.engine import inspect_file
from ivrcheck.render import Options
from ivrcheck.render import render as draw
from ivrcheck.render.diagram import build

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")
HOSTILE = Path(__file__).parent / "fixtures" / "hostile.ivr.yaml"
XLINK = "{http://www.w3.org/1999/xlink}"
AGENT = 'a<g>&"q'
CLUSTER = '1 · "] end; subgraph X <script>'


def hostile():
    return inspect_file(HOSTILE)


def render(fmt: str, **options) -> bytes:
    inspection = hostile()
    return draw(inspection.menu, inspection.line, inspection.result, fmt, Options(**options))


def flat(text: str) -> str:
    return " ".join(text.split())


def svg_parts(data: bytes) -> tuple[str, list[str], list[str]]:
    """The SVG's shown text, its tooltips and its links, parsed as XML (so it must be well-formed)."""
    root = ET.fromstring(data)
    assert not [e for e in root.iter() if e.tag.lower().endswith(("script", "foreignobject", "img"))]
    shown = flat(" ".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")))
    titles = [e.get(f"{XLINK}title") for e in root.iter() if e.get(f"{XLINK}title")]
    links = [e.get(f"{XLINK}href") for e in root.iter() if e.get(f"{XLINK}href")]
    return shown, titles, links


def test_every_new_element_carries_the_hostile_text() -> None:
    inspection = hostile()
    d = build(inspection.menu, inspection.line, inspection.result, Options())
    assert CLUSTER in d.clusters.values()
    assert any(AGENT in text for text, _, _ in d.shared)
    assert any(AGENT in lack for b in d.boxes for lack in b.lacks)
    d = build(inspection.menu, inspection.line, inspection.result, Options(fold=2))
    folded = [b for b in d.boxes if b.folded]
    assert folded and folded[0].folded.person == f"1 key to {AGENT}"


@needs_dot
@pytest.mark.parametrize("fold", [None, 2])
def test_svg_shows_hostile_text_verbatim_and_inert(fold) -> None:
    shown, titles, links = svg_parts(render("svg", fold=fold, link_base='https://e.com/a"b<c>/'))
    assert 'Evil "name" </title><script>alert(1)</script> ]; digraph x {' in shown  # the page title
    assert flat(CLUSTER) in shown
    assert f"0 · Advisor \"<b> → {AGENT}" in shown  # the shared-route legend
    assert f"lacks 0 · Advisor \"<b> → {AGENT}" in shown or fold == 2  # the badge (folded away at 2)
    if fold == 2:
        assert f"person: 1 key to {AGENT}" in shown  # the fold box
    prompt = [t for t in titles if t.startswith("main (menu)")][0]
    assert 'Prompt: For "x", press 1. </title><script>alert(2)</script> back\\slash %% #;' in prompt
    assert "\x07" not in prompt and "\x1b" not in shown
    assert any('Queue: q"<script>' in t for t in titles)
    assert links and all(link.startswith("https://e.com/a%22b%3Cc%3E/tests/render/fixtures/hostile.ivr.yaml#L")
                         or link.startswith("#node-") for link in links)


@needs_dot
def test_message_with_markup_and_newlines_stays_a_tooltip() -> None:
    _, titles, _ = svg_parts(render("svg"))
    (leaf,) = [t for t in titles if t.startswith("leaf1 (message)")]
    assert "Message: <img src=x onerror=alert(4)> line two" in leaf


@pytest.mark.parametrize("fold", [None, 2])
def test_mermaid_labels_cannot_open_or_close_anything(fold) -> None:
    text = render("mmd", fold=fold).decode()
    lines = text.splitlines()
    title = lines[1]
    assert title.startswith('title: "') and "\\u001b" not in title and "\\n" not in title
    assert "%%" not in title and "<" not in title and "#lt;/title#gt;#lt;script#gt;" in title  # escaped like labels
    allowed = re.compile(r'^  (n\d+[\[({>/]+".*"[\])}/]+|subgraph cn\d+\[".*"\]|end|n\d+ [-=.]+>(\|".*"\|)? n\d+|'
                         r'shared\[".*"\]|classDef \w+ [\w:#,.-]+|class [n\d,]+ \w+)$')
    for line in lines[4:]:
        assert allowed.match(line), line
        for fragment in re.findall(r'"([^"]*)"', line):
            plain = re.sub(r"</?b>|<br/>", "", fragment)  # markup ivrcheck itself writes
            assert not set(re.sub(r"#\w+;", "", plain)) & set('[]{}()|<>;#\\`"'), fragment
    assert "#quot;#93; end#59; subgraph X #lt;script#gt;" in text
    if fold == 2:
        assert "person: 1 key to a#lt;g#gt;#38;#quot;q" in text


@needs_dot
def test_pdf_page_titles_keep_the_hostile_name() -> None:
    from pypdf import PdfReader

    reader = PdfReader(BytesIO(render("pdf", pages=True)))
    assert len(reader.pages) == 3  # overview, and the two branches that hold more than one node
    for number, page in enumerate(reader.pages, start=1):
        text = flat(page.extract_text())
        assert 'Evil "name" </title><script>alert(1)</script> ]; digraph x {' in text
        assert f"page {number} of 3" in text


def test_a_label_too_long_for_mermaid_is_folded_once_and_said_not_folded_for_ever(tmp_path: Path, monkeypatch) -> None:
    """A 60,000-letter label is over GitHub's limit at any fold: folding changes nothing, so it stops
    (it rebuilt the diagram thousands of times, for ever, and kept each label 600 kB long)."""
    from ivrcheck.render import mermaid

    path = tmp_path / "long.ivr.yaml"
    path.write_text('entry: main\nnodes:\n  main:\n    prompt: For help, press 1.\n    options:\n'
                    f'      "1": {{label: {"x" * 60_000}, goto: ag}}\n  ag: {{type: agent}}\n', encoding="utf-8")
    inspection = inspect_file(path)
    builds = []
    real = mermaid.build
    monkeypatch.setattr(mermaid, "build", lambda *args: builds.append(1) or real(*args))
    text = draw(inspection.menu, inspection.line, inspection.result, "mmd", Options()).decode()
    assert len(builds) <= 3
    assert "larger than GitHub draws" in text
