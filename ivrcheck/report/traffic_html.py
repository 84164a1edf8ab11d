"""The report's Traffic section: what callers did per menu and option, the heat map, drift and U7xx findings.

Kept out of handover/html.py so the hand-over report only gains one hook (`extra`): `ivrcheck report
--logs` and `ivrcheck traffic --report` hand it a function made here.
"""

from __future__ import annotations

from typing import Callable

from ivrcheck.findings import Finding
from ivrcheck.report.handover import html_parts as parts
from ivrcheck.report.handover import STATE_NAMES, LineReport
from ivrcheck.report.handover.inline_svg import inline
from ivrcheck.traffic.observed import ALL, StateTraffic, Traffic

#: Draws the heat map of one state: (report, observed state) -> SVG bytes; raises when it cannot.
HeatDrawer = Callable[[LineReport, StateTraffic], bytes]


def heat_svg(report: LineReport, seen: StateTraffic) -> bytes:
    from ivrcheck.render import heat

    assert report.menu is not None and report.line is not None
    return heat.render(report.menu, report.line, report.result, seen, "svg")


def section_for(traffic: dict[str, tuple[Traffic, list[Finding]]],
                draw: HeatDrawer = heat_svg) -> Callable[[int, LineReport], str]:
    """The report hook: line path -> (its traffic, its traffic findings)."""
    def extra(index: int, report: LineReport) -> str:
        found = traffic.get(report.path)
        return section(index, report, *found, draw=draw) if found is not None else ""
    return extra


def section(index: int, report: LineReport, traffic: Traffic, findings: list[Finding],
            draw: HeatDrawer = heat_svg) -> str:
    t = parts.text
    notes = "".join(f"<li>{t(n)}</li>" for n in traffic.skipped.describe())
    body = [f'<h3>Traffic: what callers did</h3><p class="meta">{traffic.all.calls} calls, {traffic.records} '
            f"records from {t(', '.join(traffic.logs))}.</p>" + (f"<ul class=meta>{notes}</ul>" if notes else "")]
    states = [s for name, s in traffic.states.items() if name != ALL]
    for seen in states if len(states) > 1 else [traffic.all]:
        caption = STATE_NAMES.get(seen.state, seen.state) if len(states) > 1 else "All calls"
        body.append(f'<div class="traffic-state" data-state={parts.attr(seen.state)}><h4>{t(caption)}</h4>'
                    f"{_person(seen)}{_menus(seen)}{_heat(index, report, seen, draw)}</div>")
    body.append(_drift(traffic))
    body += [f"<h4>Findings from traffic ({len(findings)})</h4>", parts.findings_table(findings, report.path)]
    return f'<div class="traffic" id="traffic-{index}">{"".join(body)}</div>'


def _person(seen: StateTraffic) -> str:
    median = seen.person_seconds()
    if median is None:
        return '<p class="meta">No caller reached a person in the logs.</p>'
    return (f'<p class="meta">{seen.reached_person} of {seen.calls} callers reached a person: median '
            f"{median:.0f} s, 90% within {seen.person_seconds(0.9):.0f} s.</p>")


def _menus(seen: StateTraffic) -> str:
    t = parts.text
    rows = []
    for menu in seen.menus.values():
        if not menu.visits:
            continue
        rows.append(f'<tr class="traffic-menu"><th colspan=3><code>{t(menu.menu)}</code> · {menu.visits} callers'
                    f"</th><td class=num>{menu.rate(menu.timeouts):.0%}</td><td class=num>{menu.rate(menu.invalids):.0%}"
                    f"</td><td class=num>{menu.rate(menu.zero_outs):.0%}</td><td class=num>{menu.rate(menu.hangups):.0%}"
                    "</td></tr>")
        for o in menu.options:
            tag = "" if o.designed else ' <span class="tag">not in the design</span>'
            rows.append(f'<tr class="traffic-option" data-menu={parts.attr(menu.menu)} data-key={parts.attr(o.key)}>'
                        f"<td class=mono>{t(o.key)}</td><td>{t(o.label or o.target or '—')}{tag}</td>"
                        f'<td class="num share">{o.share:.1%}</td><td colspan=4 class=num>{o.chosen}</td></tr>')
    return ("<table class=options><tr><th>key</th><th>option</th><th class=num>share</th><th class=num>timed out</th>"
            "<th class=num>wrong key</th><th class=num>pressed 0</th><th class=num>hung up</th></tr>"
            f"{''.join(rows)}</table>")


def _heat(index: int, report: LineReport, seen: StateTraffic, draw: HeatDrawer) -> str:
    if report.menu is None or report.line is None:
        return ""
    try:
        markup = inline(draw(report, seen), f"h{index}-{seen.state}-", report.menu.nodes)[0]
    except Exception as exc:  # noqa: BLE001 - a missing picture (no Graphviz) must not lose the section
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        markup = f'<p class="diagram-missing">No heat map: {parts.text(reason)}</p>'
    return (f'<figure class="diagram heat"><figcaption><span>Heat map: arrow width and colour by the share of '
            f'callers</span></figcaption><div class="diagram-scroll">{markup}</div></figure>')


def _drift(traffic: Traffic) -> str:
    t = parts.text
    moves = [f"<li><code>{t(a)}</code> → <code>{t(b)}</code>: {n} calls</li>"
             for (a, b), n in traffic.all.undesigned.most_common(20)]
    moves += [f"<li><code>{t(name)}</code>: {n} records name it; the design has no such node</li>"
              for name, n in traffic.unknown.most_common(20)]
    unused = [f"<li><code>{t(m)}</code> option <code>{t(k)}</code></li>" for m, k in traffic.unused()]
    out = ["<h4>Drift</h4>"]
    out.append(f"<p>In production, not in the design:</p><ul class=drift>{''.join(moves)}</ul>" if moves
               else "<p>Every path callers took is in the design.</p>")
    if unused:
        out.append(f"<p>In the design, taken by nobody:</p><ul class=unused>{''.join(unused)}</ul>")
    return "".join(out)
