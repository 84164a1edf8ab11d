"""The HTML report without a browser: self-contained, escaped everywhere, its CSP matching its inline code."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ivrcheck.cli import app
from ivrcheck.engine import inspect_file
from ivrcheck.graph.clock import edge_seconds
from ivrcheck.report.handover import html as html_report
from ivrcheck.report.handover.html import json_for_html
from ivrcheck.report.handover.inline_svg import inline
from tests.conftest import MENUS

runner = CliRunner()
DATA = Path(__file__).parent.parent / "data"
INJECTION = DATA / "injection.ivr.yaml"
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")


class Page(HTMLParser):
    """Every start tag with its attributes, and the text of each script and style element."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.blocks: list[tuple[str, dict[str, str | None], str]] = []
        self._open: tuple[str, dict[str, str | None]] | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._open = (tag, dict(attrs))

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self.blocks.append((*self._open, data))
            self._open = None


def report(*paths: Path, **kwargs) -> str:
    return html_report.format([inspect_file(p) for p in paths], **kwargs)


def csp_of(page: Page) -> dict[str, list[str]]:
    (content,) = [a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    return {d.split()[0]: d.split()[1:] for d in content.split(";") if d.strip()}


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_csp_allows_exactly_the_inline_style_and_script_by_hash() -> None:
    page = Page(report(MENUS / "acme-bank.ivr.yaml"))
    csp = csp_of(page)
    scripts = [body for tag, attrs, body in page.blocks if tag == "script" and attrs.get("type") is None]
    styles = [body for tag, _, body in page.blocks if tag == "style"]
    assert csp["default-src"] == ["'none'"]
    assert csp["script-src"] == [sha(scripts[0])] and len(scripts) == 1
    assert csp["style-src"] == [sha(styles[0])] and len(styles) == 1
    assert "'unsafe-inline'" not in str(csp) and "'unsafe-eval'" not in str(csp)


def test_nothing_is_fetched_only_rule_pages_are_linked() -> None:
    text = report(MENUS / "bad-everything.ivr.yaml", MENUS / "clinic-hours.ivr.yaml")
    page = Page(text)
    assert not [t for t, _ in page.tags if t in ("link", "img", "iframe", "object", "embed", "image", "use")]
    assert not [a for t, a in page.tags if t == "script" and "src" in a]
    assert "@import" not in text and "url(http" not in text
    links = {a["href"] for t, a in page.tags if t == "a" and "href" in a}
    ids = {a["id"] for _, a in page.tags if "id" in a}
    # Every link stays inside the report: the page of each rule cited is bundled at its end (issue 25).
    assert links and all(link.startswith("#") and link[1:] in ids for link in links)
    assert {link for link in links if link.startswith("#rule-")}


def test_rule_links_go_to_the_docs_url_the_user_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IVRCHECK_DOCS_URL", "https://docs.example.org/ivrcheck/")
    page = Page(report(MENUS / "bad-everything.ivr.yaml"))
    outside = {a["href"] for t, a in page.tags if t == "a" and not a.get("href", "#").startswith("#")}
    assert outside and all(re.fullmatch(r"https://docs\.example\.org/ivrcheck/(rules/[A-Z]\d{3}\.md|"
                                        r"load-errors\.md#f\d{3})", link) for link in outside)


def test_hostile_menu_text_never_becomes_markup() -> None:
    text = report(INJECTION)
    page = Page(text)
    tags = [t for t, _ in page.tags]
    assert tags.count("script") == 2  # the phone's data and the phone's script, nothing from the menu
    assert not {"img", "iframe", "b"} & set(tags)
    assert not [a for _, a in page.tags if any(k.startswith("on") for k in a)]
    assert "\u2028" not in text.split('id="ivr-data">')[1].split("</script>")[0]
    assert 'Billing "&gt;&lt;svg onload=window.pwned=6&gt;' in text.replace("&quot;", '"')


def test_the_phone_data_reads_back_exactly_what_the_menu_says() -> None:
    inspection = inspect_file(INJECTION)
    page = Page(html_report.format([inspection]))
    (data,) = [json.loads(body) for tag, attrs, body in page.blocks if attrs.get("type") == "application/json"]
    (line,) = data
    menu = inspection.menu
    assert line["name"] == menu.name and line["entry"] == menu.entry.ref
    assert set(line["nodes"]) == set(menu.nodes)
    labels = {e.get("label") for edges in line["states"]["open"]["edges"].values() for e in edges}
    assert {o.label for n in menu.menus() for o in n.options} <= labels


def test_json_for_html_cannot_close_its_script() -> None:
    raw = json_for_html({"x": "</script><!-- \u2028\u2029 & >"})
    assert "<" not in raw and ">" not in raw and "&" not in raw and "\u2028" not in raw and "\u2029" not in raw
    assert json.loads(raw) == {"x": "</script><!-- \u2028\u2029 & >"}


def test_phone_edges_carry_the_metrics_timing() -> None:
    inspection = inspect_file(MENUS / "clinic-hours.ivr.yaml")
    page = Page(html_report.format([inspection]))
    (data,) = [json.loads(b) for _, a, b in page.blocks if a.get("type") == "application/json"]
    for state, analysis in inspection.line.states.items():
        for source, outgoing in analysis.out.items():
            node = analysis.nodes.get(source)
            embedded = data[0]["states"][state]["edges"][source]
            assert [e["seconds"] for e in embedded] == [edge_seconds(node, a, inspection.line.language)
                                                         for _, a in outgoing]
            assert [e["to"] for e in embedded] == [t for t, _ in outgoing]


def test_without_graphviz_the_report_keeps_everything_but_the_picture() -> None:
    def no_dot(report, state):
        raise RuntimeError("svg needs Graphviz's `dot` program, which is not installed")

    text = report(MENUS / "acme-bank.ivr.yaml", draw=no_dot)
    assert "No diagram: svg needs Graphviz" in text.replace("&#x27;", "'")
    assert 'data-phone="0"' in text and 'class="finding' not in text  # acme has no findings
    assert "Menu by menu" in text


SVG = """<?xml version="1.0"?>
<svg width="150pt" height="60pt" viewBox="0 0 150 60" xmlns="http://www.w3.org/2000/svg"
 xmlns:xlink="http://www.w3.org/1999/xlink"><script>alert(1)</script>
<defs><linearGradient id="g"/></defs>
<g id="node-n0" class="node" onclick="alert(2)"><title>n0</title><a xlink:title="main (menu)&#10;Prompt: hi">
<path fill="url(#g)" style="x" d="M0,0"/></a></g>
<g id="node-n1"><a xlink:href="javascript:alert(3)" xlink:title="main_2"><text>&lt;b&gt;</text></a></g>
<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>"""


def test_inline_svg_is_inert_prefixed_and_knows_its_nodes() -> None:
    markup, nodes, width, height = inline(SVG, "l0-open-", ["main", "main_2"])
    assert nodes == {"main": "l0-open-node-n0", "main_2": "l0-open-node-n1"}
    assert (width, height) == (pytest.approx(200.0), pytest.approx(80.0))
    for gone in ("<script", "onclick", "javascript:", "foreignObject", "style="):
        assert gone not in markup
    assert 'fill="url(#l0-open-g)"' in markup and 'id="l0-open-g"' in markup
    assert "&lt;b&gt;" in markup and 'data-node="main"' in markup


@needs_dot
@pytest.mark.parametrize("path", sorted(MENUS.glob("*.ivr.yaml")), ids=lambda p: p.name)
def test_every_drawn_node_is_known_to_the_phone(path: Path) -> None:
    inspection = inspect_file(path)
    page = Page(html_report.format([inspection]))
    (data,) = [json.loads(b) for _, a, b in page.blocks if a.get("type") == "application/json"]
    drawn_ids = {a["id"] for _, a in page.tags if a.get("id", "").startswith("l0-")}
    for state, analysis in inspection.line.states.items():
        mapped = data[0]["states"][state]["svg"]
        assert set(mapped.values()) <= drawn_ids
        assert analysis.reachable <= set(mapped), analysis.reachable - set(mapped)


def test_cli_writes_html_and_markdown(tmp_path: Path) -> None:
    for name in ("r.html", "r.md"):
        out = tmp_path / name
        result = runner.invoke(app, ["report", str(MENUS / "acme-bank.ivr.yaml"), "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert f"wrote {out}" in result.output and "1 phone line" in result.output
    assert (tmp_path / "r.html").read_text().startswith("<!DOCTYPE html>")
    assert (tmp_path / "r.md").read_text().startswith("# Phone menu review")
    result = runner.invoke(app, ["report", str(MENUS / "acme-bank.ivr.yaml"), "--format", "md"])
    assert result.exit_code == 0 and "```mermaid" in result.output


@pytest.mark.parametrize("args, message", [
    (["-o", "r.txt"], 'cannot tell the report format of "'),
    (["-o", "r.html", "--format", "pdf"], 'unknown report format "pdf"; choose html or md'),
])
def test_cli_errors_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    args = [str(tmp_path / a) if a.startswith("r.") else a for a in args]
    result = runner.invoke(app, ["report", str(MENUS / "acme-bank.ivr.yaml"), *args])
    assert result.exit_code == 2 and message in result.output
    assert not list(tmp_path.iterdir())


def test_unloadable_file_is_reported_and_exits_1(tmp_path: Path) -> None:
    broken = tmp_path / "b.ivr.yaml"
    broken.write_text("entry: main\nnodes:\n  main: {promt: x}\n")
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", str(broken), str(MENUS / "acme-bank.ivr.yaml"), "-o", str(out)])
    assert result.exit_code == 1
    text = out.read_text()
    assert "F007" in text and "not scored" in text and "Acme Bank customer line" in text
