"""Big lines stay readable: size on A3, folding, shared routes, tooltips, links, pages, limits."""

import re
import shutil
import time
import xml.etree.ElementTree as ET
from functools import lru_cache

import pytest

from benchmarks.linegen import realistic_line
from ivrcheck.engine import inspect_file, inspect_text
from ivrcheck.render import Options, RenderError
from ivrcheck.render import render as draw
from ivrcheck.render import dot as dot_module
from ivrcheck.render import mermaid as mermaid_module
from ivrcheck.render.diagram import build
from ivrcheck.render.fold import HARD_LIMIT
from ivrcheck.render.paper import printed_size
from tests.conftest import MENUS

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")
XLINK = "{http://www.w3.org/1999/xlink}"


@lru_cache(maxsize=None)
def generated(nodes: int):
    return inspect_text(realistic_line(nodes), display=f"line-{nodes}.ivr.yaml")


def render(inspection, fmt: str, **options) -> bytes:
    return draw(inspection.menu, inspection.line, inspection.result, fmt, Options(**options))


def diagram(inspection, **options):
    return build(inspection.menu, inspection.line, inspection.result, Options(**options))


def svg_size(data: bytes) -> tuple[float, float]:
    root = ET.fromstring(data)
    return tuple(float(root.get(name).removesuffix("pt")) for name in ("width", "height"))


def tooltips(data: bytes) -> list[str]:
    return [a.get(f"{XLINK}title") for a in ET.fromstring(data).iter() if a.get(f"{XLINK}title")]


@needs_dot
@pytest.mark.parametrize("nodes", [60, 120, 200])
def test_default_svg_prints_on_one_a3_page_at_6pt(nodes: int) -> None:
    width, height = svg_size(render(generated(nodes), "svg"))
    text, aspect = printed_size(width, height)
    assert text >= 6.0, (width, height)
    assert aspect <= 3.0, (width, height)


@needs_dot
def test_sixty_nodes_fit_without_folding_and_more_fold() -> None:
    assert "nodes folded below depth" not in render(generated(60), "svg").decode()
    assert "nodes folded below depth" in render(generated(200), "svg").decode()


def test_fold_boxes_count_what_they_hide() -> None:
    inspection = generated(60)
    full = diagram(inspection, fold=-1)
    folded = diagram(inspection, fold=2)
    reachable = len(inspection.line.open.reachable)
    boxes = [b for b in folded.boxes if b.folded is not None]
    assert boxes and all(b.depth == 2 for b in boxes)
    assert sum(b.folded.nodes for b in boxes) + _drawn(folded) == reachable == _drawn(full)
    assert all(b.folded.person == "1 key to advisor" for b in boxes)  # every submenu offers 0
    warnings = sum(b.folded.findings.get(_warning(), 0) for b in boxes)
    assert warnings == sum(1 for f in inspection.result.findings
                           if f.severity is _warning() and f.node_id not in _drawn_ids(folded))


def _warning():
    from ivrcheck.findings import Severity
    return Severity.WARNING


def _drawn_ids(d) -> set[str]:
    found = set()
    for box in d.boxes:
        found.add(box.node_id)
        rows = list(box.rows)
        while rows:
            row = rows.pop()
            if row.inline is not None:
                found.add(row.inline.node_id)
                rows += row.inline.rows
    return found


def _drawn(d) -> int:
    return len(_drawn_ids(d))


def test_fold_reports_no_person_when_none_is_reachable() -> None:
    inspection = inspect_text(
        "entry: main\nnodes:\n  main:\n    prompt: For help press 1.\n    options:\n"
        "      '1': {label: Help, goto: help}\n  help:\n    prompt: For news press 1.\n    options:\n"
        "      '1': {label: News, goto: news}\n  news: {type: message, prompt: No news., next: bye}\n"
        "  bye: {type: hangup}\n", display="m.ivr.yaml")
    (box,) = [b for b in diagram(inspection, fold=1).boxes if b.folded]
    assert (box.node_id, box.folded.nodes, box.folded.person) == ("help", 2, "no person")


def test_shared_routes_are_said_once_and_not_drawn() -> None:
    inspection = inspect_file(MENUS / "acme-bank.ivr.yaml")
    d = diagram(inspection)
    said = dict((text, (count, of)) for text, count, of in d.shared)
    assert said["0 · Speak to an advisor → advisor"] == (4, 4)
    assert said["# · Main menu → main"] == (3, 3)
    # Only the tree is drawn: one arrow into each box but the root (main -> advisor is the tree's).
    targets = [a.target for a in d.arrows]
    assert len(targets) == len(set(targets)) == len(d.boxes) - 1
    everything = diagram(inspection, edges="all")
    assert not everything.shared and len(everything.arrows) > len(d.arrows)
    assert any(not a.tree for a in everything.arrows)


def test_a_menu_without_a_shared_route_says_what_it_lacks() -> None:
    text = (MENUS / "acme-bank.ivr.yaml").read_text().replace(
        '      "0": {label: Speak to an advisor, goto: advisor}\n      "*": {label: Repeat these options, goto: repeat}\n'
        '      "#": {label: Main menu, goto: main}\n  payments:', '      "#": {label: Main menu, goto: main}\n  payments:')
    d = diagram(inspect_text(text, display="acme.ivr.yaml"))
    (cards,) = [b for b in d.boxes if b.node_id == "cards"]
    assert cards.lacks == ["0 · Speak to an advisor → advisor", "* · Repeat these options ↻ repeats"]


def test_routes_back_up_are_named_in_the_row_not_drawn() -> None:
    d = diagram(inspect_file(MENUS / "acme-bank.ivr.yaml"))
    rows = {row.inline.node_id: row for box in d.boxes for row in box.rows if row.inline}
    (back,) = rows["activate_card"].inline.rows
    assert (back.note, back.target, back.arrow) == ("↩", "cards", False)


@needs_dot
def test_tooltips_carry_prompt_queue_hours_and_findings() -> None:
    tips = tooltips(render(inspect_file(MENUS / "clinic-hours.ivr.yaml"), "svg"))
    (main,) = [t for t in tips if t.startswith("main (menu)")]
    assert "Prompt: Riverside Health Clinic. To book or change an appointment, press 1." in main
    (reception,) = [t for t in tips if t.startswith("reception")]
    assert "Queue: reception" in reception and "Hours: clinic (mon-fri 08:00-17:00, sat 09:00-12:00)" in reception
    bad = tooltips(render(inspect_file(MENUS / "bad-everything.ivr.yaml"), "svg"))
    (balance,) = [t for t in bad if t.startswith("balance (message)")]
    assert "Message:" in balance and "✖ S103" in balance


@needs_dot
def test_link_base_links_each_node_to_its_line() -> None:
    inspection = inspect_file(MENUS / "acme-bank.ivr.yaml")
    svg = render(inspection, "svg", link_base="https://github.com/o/r/blob/main/")
    links = {a.get(f"{XLINK}href") for a in ET.fromstring(svg).iter() if a.get(f"{XLINK}href")}
    line = inspection.menu.nodes["cards"].span.line
    assert f"https://github.com/o/r/blob/main/menus/acme-bank.ivr.yaml#L{line}" in links
    file_url = "https://example.com/x/acme-bank.ivr.yaml"
    assert f"{file_url}#L{line}" in render(inspection, "svg", link_base=file_url).decode()
    with pytest.raises(RenderError, match="no web address"):
        render(inspection, "svg", link_base="javascript:alert(1)")


def test_mermaid_folds_to_stay_under_githubs_limits() -> None:
    inspection = generated(1000)
    text = render(inspection, "mmd").decode()
    arrows = re.findall(r"^  n\d+ [-=.]+>", text, re.MULTILINE)
    assert len(text) <= mermaid_module.MAX_TEXT and len(arrows) <= mermaid_module.MAX_EDGES
    assert "folded below depth" in text.split("---")[1]  # said in the title GitHub shows


def test_mermaid_follows_fold_and_depth() -> None:
    inspection = generated(60)
    assert "▸ " in render(inspection, "mmd", fold=2).decode()
    shallow = render(inspection, "mmd", depth=2).decode()
    assert "m1_1" not in shallow and "<b>m1</b>" in shallow


def test_huge_line_is_refused_with_advice_before_graphviz_runs(monkeypatch) -> None:
    inspection = generated(HARD_LIMIT * 3)
    monkeypatch.setattr(dot_module, "pipe", lambda *a: pytest.fail("Graphviz must not run"))
    start = time.perf_counter()
    with pytest.raises(RenderError, match=r"more than the 600 .*--fold N.*--depth N or --root NODE"):
        render(inspection, "svg", fold=-1)
    assert time.perf_counter() - start < 5


@needs_dot
def test_huge_line_folds_by_default() -> None:
    width, height = svg_size(render(generated(HARD_LIMIT * 3), "svg"))
    assert printed_size(width, height)[0] >= 6.0


@needs_dot
def test_graphviz_failure_shows_its_message() -> None:
    with pytest.raises(RenderError, match=r"Graphviz failed: .*syntax error"):
        dot_module.pipe("digraph { a -> }", "svg")


@needs_dot
def test_direction_lr() -> None:
    source = render(generated(60), "dot", direction="LR").decode()
    assert "rankdir=LR" in source
    width, height = svg_size(render(generated(60), "svg", direction="LR"))
    assert printed_size(width, height)[0] >= 6.0


@needs_dot
def test_pages_make_an_overview_and_a_page_per_branch() -> None:
    from io import BytesIO

    from pypdf import PdfReader

    inspection = generated(200)
    reader = PdfReader(BytesIO(render(inspection, "pdf", pages=True)))
    main = inspection.menu.nodes["main"]
    branches = [o for o in main.options if o.target and o.target.ref.startswith("m")]
    assert len(reader.pages) == len(branches) + 1
    overview = reader.pages[0].extract_text()
    assert "overview, page 1 of" in overview and "drawn on page 2" in overview
    second = reader.pages[1].extract_text()
    assert "page 2 of" in second and "(overview on page 1)" in second
    with pytest.raises(RenderError, match="--pages makes a PDF"):
        render(inspection, "svg", pages=True)


def test_a_fold_box_names_a_callback_outside_hours_as_a_callback_not_a_person() -> None:
    """One vocabulary: outside hours the nearest may be a promise of a person later, named as such."""
    from ivrcheck.graph import CLOSED
    from ivrcheck.render.fold import by_node, summary

    text = (
        "entry: main\nhours:\n  office: {mon-fri: \"08:00-16:00\"}\nnodes:\n"
        "  main:\n    prompt: For billing, press 1.\n    options:\n      \"1\": {label: Billing, goto: billing}\n"
        "  billing:\n    prompt: To speak to us, press 0.\n    options:\n      \"0\": {label: Speak to us, goto: desk}\n"
        "  desk: {type: agent, hours: office, closed: later}\n"
        "  later: {type: callback, confirmation: sms, promise: within 2 hours}\n"
    )
    inspection = inspect_text(text, display="fold.ivr.yaml")
    for state, expected in ((CLOSED, "1 key to callback later"), ("open", "1 key to desk")):
        analysis = inspection.line.states[state]
        tree = analysis.tree("main")
        keep = set(tree.order)
        assert summary(tree, "billing", keep, analysis, by_node(inspection.result), state).person == expected
