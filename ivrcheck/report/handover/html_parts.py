"""The pieces of the HTML report: summary, key figures, findings, menu details and the phone.

Every value from a menu file passes through `text()` (element content) or `attr()`
(attribute values) here; nothing from a menu is ever put into markup unescaped.
"""

from __future__ import annotations

import html
import re
from typing import Any, Iterable

from ivrcheck.callers.journey import describe
from ivrcheck.findings import Finding
from ivrcheck.report.handover import (
    PART_MEANING,
    STATE_NAMES,
    LineReport,
    figures,
    fix_url,
    headline,
    part_name,
    percent_text,
    seconds_text,
    tasks,
)

SEVERITY_WORDS = {"error": "error", "warning": "warning", "info": "suggestion"}
_CODE_SPAN = re.compile(r"`([^`\n]+)`")
KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#")


def text(value: Any) -> str:
    """Escaped element content (`<`, `>`, `&` and both quotes become entities)."""
    return html.escape(str(value), quote=True)


def rich(value: Any) -> str:
    """Escaped text of a message, with its `code spans` shown as code (escaping first keeps them inert)."""
    return _CODE_SPAN.sub(r"<code>\1</code>", text(value))


def attr(value: Any) -> str:
    """An escaped, double-quoted attribute value."""
    return f'"{html.escape(str(value), quote=True)}"'


def summary(report: LineReport) -> str:
    """Score, its four parts with bars, one plain sentence, and the worst findings first."""
    result = report.result
    if result.score is None:
        score = '<div class="score unscored"><span class="score-value">not scored</span></div>'
    else:
        score = (f'<div class="score"><span class="score-value" data-score>{result.score}</span>'
                 '<span class="score-of">out of 100</span><br><span class="meta">clarity score</span></div>')
    rows = "".join(_part_row(part, points) for part, points in (result.breakdown or {}).items())
    parts = f'<table class="parts"><tbody>{rows}</tbody></table>' if rows else "<div></div>"
    worst = report.worst()
    items = "".join(f'<li class="sev-{f.severity.value}"><span class="sev">{SEVERITY_WORDS[f.severity.value]}</span> '
                    f'{_state_tag(f)}{rich(f.message)}.{_fix(f)}</li>' for f in worst)
    more = len(report.findings) - len(worst)
    tail = f'<p class="meta">…and {more} more in the table of findings below.</p>' if more > 0 else ""
    listing = f'<h4>Most important first</h4><ol class="worst">{items}</ol>{tail}' if items else ""
    return (f'<div class="summary">{score}{parts}<div><p class="headline">{text(headline(report))}</p>'
            f"{listing}</div></div>")


def _part_row(part: str, points: Any) -> str:
    value = points if isinstance(points, (int, float)) else 0
    level = "low" if value < 13 else "mid" if value < 21 else "high"
    bar = (f'<svg class="bar {level}" viewBox="0 0 25 1" preserveAspectRatio="none" aria-hidden="true">'
           f'<rect class="bg" width="25" height="1"/><rect class="fg" width="{max(0, min(25, value))}" height="1"/></svg>')
    meaning = PART_MEANING.get(part, "")
    return (f'<tr data-part={attr(part)}><th scope="row">{text(part_name(part))}'
            f'<span class="meaning">{text(meaning)}</span></th><td class="num">{text(points)}/25</td>'
            f"<td>{bar}</td></tr>")


def _state_tag(finding: Finding) -> str:
    """Which schedule state a finding holds in, when only one."""
    if not finding.state:
        return ""
    return f'<span class="tag">{text(STATE_NAMES.get(finding.state, finding.state).lower())}</span> '


def _fix(finding: Finding) -> str:
    return f' <span class="fix">What to do: {rich(finding.help)}.</span>' if finding.help else ""


def key_figures(report: LineReport) -> str:
    """Depth, steps and seconds to a person in each schedule state, zero-out coverage, task success."""
    metrics = report.metrics
    if not metrics:
        return ""
    head = ("<tr><th>when</th><th class=num>key presses to a person</th><th class=num>seconds to a person</th>"
            "<th class=num>seconds to a person pressing nothing</th><th class=num>menus where 0 reaches a person</th>"
            "<th>following the prompts</th></tr>")
    rows = "".join(
        f"<tr><th scope=row>{text(name)}</th><td class=num>{text(_count(values.get('steps_to_human')))}</td>"
        f"<td class=num>{text(seconds_text(values.get('seconds_to_human')))}</td>"
        f"<td class=num>{text(seconds_text(values.get('fallback_seconds_to_human')))}</td>"
        f"<td class=num>{text(percent_text(values.get('zero_out_coverage')))}</td>"
        f"<td>{text(describe(values))}</td></tr>"
        for name, values in figures(metrics))
    facts = [("menu depth", metrics.get("depth")), ("menus", metrics.get("menus")), ("options", metrics.get("options")),
             ("most options in one menu", metrics.get("max_options"))]
    if isinstance(metrics.get("task_success_rate"), (int, float)):
        facts.append(("caller tasks predicted to succeed", percent_text(metrics["task_success_rate"])))
    listed = ", ".join(f"{name} <strong>{text(value)}</strong>" for name, value in facts if value is not None)
    out = f'<table class="figures">{head}{rows}</table><p class="meta">{listed}</p>'
    return out + _tasks(metrics)


def _tasks(metrics: dict) -> str:
    found = tasks(metrics)
    if not found:
        return ""
    rows = "".join(f"<tr><td>{text(t['say'])}</td><td>{'succeeds' if t.get('success') else '<strong>fails</strong>'}</td>"
                   f"<td class=num>{text(seconds_text(t.get('seconds')))}</td></tr>" for t in found)
    return ('<h4>Caller tasks</h4><table class="tasks"><tr><th>the caller wants</th><th>predicted</th>'
            f"<th class=num>time</th></tr>{rows}</table>")


def _count(value: Any) -> str:
    return "none" if value is None else str(value)


def findings_table(findings: Iterable[Finding], root: str) -> str:
    """Every finding: severity, code linked to its page, node, place, problem and how to fix it."""
    rows = []
    for f in findings:
        where = f"{f.span.line}:{f.span.column}" if f.path == root else f"{f.path}:{f.span.line}:{f.span.column}"
        rows.append(
            f'<tr class="finding sev-{f.severity.value}" data-code={attr(f.code)}>'
            f'<td><span class="sev">{SEVERITY_WORDS[f.severity.value]}</span></td>'
            f'<td><a href={attr(fix_url(f))} rel="noreferrer">{text(f.code)}</a><br><span class="meta">{text(f.name)}'
            f'</span></td><td class="mono">{text(f.node_id or "—")}</td><td class="mono">{text(where)}</td>'
            f"<td>{_state_tag(f)}{rich(f.message)}</td><td>{rich(f.help or '—')}</td></tr>")
    if not rows:
        return '<p class="no-findings">No findings: this line follows every rule ivrcheck checks.</p>'
    return ('<table class="findings"><thead><tr><th>severity</th><th>rule</th><th>node</th><th>line:col</th>'
            f'<th>problem</th><th>how to fix</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


def menu_details(report: LineReport) -> str:
    """Each menu's prompt, its options and when a caller has heard each one, and its error routes."""
    blocks = []
    for menu in report.menus:
        flag = "" if menu.reachable else ' <span class="tag">no call reaches it</span>'
        kind = "" if menu.kind == "menu" else f' <span class="tag">{text(menu.kind)}</span>'
        prompt = (f'<blockquote class="prompt">{text(menu.prompt)}</blockquote>'
                  f'<p class="meta">{menu.prompt_seconds:.1f} s to speak in full</p>' if menu.prompt
                  else '<p class="meta">no prompt</p>')
        rows = "".join(f"<tr><td class=mono>{text(o.key)}</td><td>{text(o.label or '—')}</td>"
                       f"<td class=mono>{text(o.target or '—')}</td><td class=num>{o.seconds:.1f} s</td></tr>"
                       for o in menu.options)
        options = ("<table class=options><tr><th>key</th><th>option</th><th>goes to</th>"
                   f"<th class=num>heard after</th></tr>{rows}</table>") if rows else ""
        routes = "; ".join(f"{text(when)}: <code>{text(target)}</code>" for when, target in menu.handling)
        handling = f'<p class="handling">{routes}</p>' if routes else ""
        blocks.append(f'<div class="menu-detail" id={attr(f"menu-{report.path}-{menu.node_id}")}>'
                      f"<h4><code>{text(menu.node_id)}</code>{kind}{flag}</h4>{prompt}{options}{handling}</div>")
    return "".join(blocks)


def phone(index: int, states: Iterable[str]) -> str:
    """The phone's markup, hidden until its script runs (a reader without JavaScript never sees it)."""
    states = list(states)
    choice = ""
    if len(states) > 1:
        radios = "".join(f'<label><input type="radio" name="state-{index}" data-state={attr(s)}'
                         f'{" checked" if i == 0 else ""}> {text("open hours" if s == "open" else "outside hours")}'
                         "</label>" for i, s in enumerate(states))
        choice = f"<fieldset><legend>Call during</legend>{radios}</fieldset>"
    keys = "".join(f'<button type="button" data-key={attr(k)} aria-label={attr("key " + k)}>{text(k)}</button>'
                   for k in KEYS)
    return (f'<aside class="phone" data-phone="{index}" hidden tabindex="0" aria-label="Try the menu">'
            f"<h4>Try it: call the line</h4>{choice}"
            '<div class="call-row"><button type="button" data-action="call">Call</button>'
            '<button type="button" data-action="hangup">Hang up</button></div>'
            '<div class="screen" aria-live="polite"><span class="phone-elapsed" data-seconds="0">0.0 s</span>'
            '<div class="phone-node">not in a call</div><div class="phone-heard"></div>'
            '<div class="phone-status">Press Call to start.</div><div class="phone-choices"></div></div>'
            f'<div class="keypad">{keys}</div><button type="button" data-action="silent">Stay silent</button>'
            '<label class="phone-note"><input type="checkbox" class="phone-speak" checked> speak the prompts</label>'
            '<h4>Findings here</h4><ul class="phone-findings"></ul><p class="phone-findings-none">none</p>'
            '<p class="phone-undrawn" hidden>This node is not drawn in the diagram.</p>'
            '<h4>Path</h4><ol class="phone-path"></ol></aside>')
