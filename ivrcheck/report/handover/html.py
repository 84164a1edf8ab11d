"""The hand-over report as one self-contained HTML file: inline CSS, SVG and the phone's script.

Nothing is fetched: the styles, the diagrams and the script are inside the file, and a
Content-Security-Policy allows exactly those (by their sha256 hashes) and nothing else.
Without JavaScript the page is complete; the script only adds the phone.
"""

from __future__ import annotations

import base64
import hashlib
import json
from importlib import resources
from typing import Any, Callable, Iterable, Sequence

from ivrcheck.fileio import utf8
from ivrcheck import __version__
from ivrcheck.findings import FileResult
from ivrcheck.report.handover import html_audit as auditor
from ivrcheck.report.handover import html_parts as parts
from ivrcheck.report.handover import STATE_NAMES, LineReport, line_reports
from ivrcheck.report.audit import today as _date
from ivrcheck.report.handover.inline_svg import inline
from ivrcheck.report.handover.phone import phone_data

#: Diagrams up to this many CSS pixels wide start shrunk to fit the column; wider ones start full size.
FIT_WIDTH = 1100
#: Draws a line's diagram: (report, state) -> SVG bytes; raises an Exception with a readable message.
Drawer = Callable[[LineReport, str], bytes]


#: Adds a section to a line's part of the report (the traffic section): (index, report) -> HTML.
Extra = Callable[[int, LineReport], str]


def format(inspections: Iterable[Any], results: Sequence[FileResult] = (), draw: Drawer | None = None,
           extra: Extra | None = None) -> str:
    """The whole report for the checked lines (`inspections` carry result, menu and line)."""
    return document(line_reports(inspections, results), draw or svg_diagram, extra)


def svg_diagram(report: LineReport, state: str) -> bytes:
    """The line's diagram in one schedule state, drawn by `ivrcheck.render`."""
    from ivrcheck.render import render

    return render(report.menu, report.line, report.result, "svg", state=state)


def document(reports: list[LineReport], draw: Drawer, extra: Extra | None = None) -> str:
    style = _asset("report.css")
    script = _asset("phone.js")
    data: list[dict[str, Any]] = []
    sections = [_section(i, report, draw, data, extra) for i, report in enumerate(reports)]
    names = ", ".join(dict.fromkeys(r.title for r in reports)) or "no phone lines"
    csp = "; ".join([
        "default-src 'none'", f"style-src {_hash(style)}", f"script-src {_hash(script)}",
        "base-uri 'none'", "form-action 'none'",
    ])
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content={parts.attr(csp)}>\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="ivrcheck {parts.text(__version__)}">\n'
        f"<title>Phone menu review: {parts.text(names)}</title>\n<style>{style}</style>\n</head>\n<body>\n"
        f"{_head(reports)}\n{''.join(sections)}\n{auditor.rule_pages(f for r in reports for f in r.findings)}\n"
        f'<script type="application/json" id="ivr-data">{json_for_html(data)}</script>\n'
        f"<script>{script}</script>\n</body>\n</html>\n"
    )


def json_for_html(value: Any) -> str:
    """JSON that cannot end its `<script>` element or open a comment: `<`, `>`, `&` and the
    JavaScript line separators are written as \\u escapes, which JSON.parse reads back."""
    raw = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char in ("<", ">", "&", "\u2028", "\u2029"):
        raw = raw.replace(char, f"\\u{ord(char):04x}")
    return raw


def _hash(source: str) -> str:
    digest = hashlib.sha256(utf8(source)).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _asset(name: str) -> str:
    body = resources.files("ivrcheck.report.handover").joinpath("assets", name).read_text(encoding="utf-8")
    if "</" in body:  # would end the inline element early
        raise RuntimeError(f"report asset {name} contains '</'")
    return body


def _head(reports: list[LineReport]) -> str:
    when = _date()
    intro = (f'<header class="doc-head"><h1>Phone menu review</h1><p>{len(reports)} phone line'
             f"{'' if len(reports) == 1 else 's'} checked by ivrcheck {parts.text(__version__)} on {when}. "
             "Each line has its clarity score, the problems that matter most, the menu drawn as a diagram, "
             "and a phone to try it on.</p></header>")
    if len(reports) < 2:
        return intro
    rows = "".join(
        f'<tr><td><a href="#line-{i}">{parts.text(r.title)}</a><br><span class="meta">{parts.text(r.path)}</span></td>'
        f'<td class="num">{"—" if r.result.score is None else r.result.score}</td>'
        + "".join(f'<td class="num">{n}</td>' for n in r.counts().values()) + "</tr>"
        for i, r in enumerate(reports))
    return (f'{intro}<div class="overview-page"><table class="overview"><thead><tr><th>phone line</th>'
            '<th class="num">score</th><th class="num">errors</th><th class="num">warnings</th>'
            f'<th class="num">suggestions</th></tr></thead><tbody>{rows}</tbody></table></div>')


def _section(index: int, report: LineReport, draw: Drawer, data: list[dict[str, Any]],
             extra: Extra | None = None) -> str:
    t = parts.text
    head = (f'<div class="line-head"><div><h2>{t(report.title)}</h2><p class="path mono">{t(report.path)}</p></div>'
            + (f'<p class="meta">language {t(report.menu.language)}</p>' if report.menu else "") + "</div>")
    body = [head, auditor.cover(report, _date()), parts.summary(report)]
    if report.metrics:
        body += ["<h3>Key figures</h3>", parts.key_figures(report), auditor.cost(report)]
    if report.menu is not None and report.line is not None:
        figures, svg_ids, wide = _diagrams(index, report, draw)
        data.append(phone_data(report.menu, report.line, report.findings, svg_ids))
        phone = parts.phone(len(data) - 1, report.line.states)
        note = ('<p class="needs-script">The phone to try this menu on needs JavaScript; '
                "everything else in this report reads without it.</p>")
        body.append(f'<div class="menu-block{" landscape" if wide else ""}"><h3>The menu<span class="screen-only">, '
                    f'and a phone to try it on</span></h3>{note}<div class="try">{figures}{phone}</div></div>')
    body += [auditor.findings(report), auditor.waivers(report)]
    if extra is not None:
        body.append(extra(index, report))
    if report.menus:
        intro = ('<p class="meta">What a caller hears in each menu, and how many seconds pass before each option '
                 "has been offered.</p>")
        body += ["<h3>Menu by menu</h3>", intro, parts.menu_details(report)]
    return f'<section class="line" id="line-{index}">{"".join(body)}</section>\n'


def _with_follow_ups(drawn: dict[str, str], out: dict) -> dict[str, str]:
    """Node -> drawing, where a step the diagram writes inside another's row ("then loan_balance")
    takes the drawing of the node that leads to it with no choice."""
    found = dict(drawn)
    changed = True
    while changed:
        changed = False
        for source, edges in out.items():
            if source not in found:
                continue
            for target, attrs in edges:
                if target not in found and attrs["kind"] in ("next", "input", "case", "default", "closed"):
                    found[target] = found[source]
                    changed = True
    return found


def _diagrams(index: int, report: LineReport, draw: Drawer) -> tuple[str, dict[str, dict[str, str]], bool]:
    """One figure per schedule state, the node -> element id map of each for the phone, and whether
    the pictures are so much wider than tall that they print best on a landscape page."""
    assert report.line is not None and report.menu is not None
    states = list(report.line.states)
    figures, ids, wide = [], {}, False
    for state in states:
        caption = STATE_NAMES.get(state, state) if len(states) > 1 else "Diagram"
        try:
            markup, drawn, width, height = inline(draw(report, state), f"l{index}-{state}-", report.menu.nodes)
            ids[state] = _with_follow_ups(drawn, report.line.states[state].out)
        except Exception as exc:  # noqa: BLE001 - a missing picture (no Graphviz) must not lose the report
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            markup, ids[state] = f'<p class="diagram-missing">No diagram: {parts.text(reason)}</p>', {}
            width = height = None
        # A wide diagram shrunk to the column is unreadable: show it full size, scrolled to the caller's node.
        fit = "" if width is None else ('<label class="fit-toggle"><input type="checkbox"'
                                        f'{" checked" if width <= FIT_WIDTH else ""}> <span>fit to width</span></label>')
        wide = wide or bool(width and height and width > 700 and width > 1.4 * height)
        figures.append(f'<figure class="diagram" data-state={parts.attr(state)}><figcaption>'
                       f"<span>{parts.text(caption)}</span>{fit}</figcaption>"
                       f'<div class="diagram-scroll">{markup}</div></figure>')
    return f'<div class="diagrams">{"".join(figures)}</div>', ids, wide
