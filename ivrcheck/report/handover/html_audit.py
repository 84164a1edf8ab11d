"""The auditor's pieces of the HTML report: the cover, findings by clause, what a call costs, the
accepted exceptions and the bundled rule pages. Every value passes through `text()` or `rich()`."""

from __future__ import annotations

import re
from typing import Iterable

from ivrcheck.findings import Finding
from ivrcheck.report import audit
from ivrcheck.report.handover import LineReport
from ivrcheck.report.handover.html_parts import findings_table, rich, text

_FENCE = re.compile(r"```[a-z]*\n(.*?)```", re.DOTALL)


def cover(report: LineReport, when: str) -> str:
    rows = "".join(f"<tr><th>{text(label)}</th><td>{text(value)}</td></tr>" for label, value in audit.cover(report, when))
    return f'<table class="cover">{rows}</table>'


def findings(report: LineReport) -> str:
    """The findings table; grouped by clause when a profile judged the line."""
    if not any(f.clause for f in report.findings):
        return f"<h3>Findings ({len(report.findings)})</h3>" + findings_table(report.findings, report.path)
    groups = "".join(f'<h4 class="clause">{text(clause)} ({len(found)})</h4>{findings_table(found, report.path)}'
                     for clause, found in audit.by_clause(report.findings))
    return f"<h3>Findings by clause ({len(report.findings)})</h3>{groups}"


def cost(report: LineReport) -> str:
    found = audit.cost(report.metrics)
    if found is None:
        return ""
    head, rows = found
    body = "".join("<tr>" + "".join(f"<td{' class=num' if i else ''}>{text(v)}</td>" for i, v in enumerate(row))
                   + "</tr>" for row in rows)
    return (f'<h3>What a call costs the caller</h3><p class="meta">{text(head)}</p><table class="cost"><thead><tr>'
            "<th>way</th><th class=num>in the line</th><th class=num>in the queue</th><th class=num>charged</th>"
            f"<th class=num>cost</th></tr></thead><tbody>{body}</tbody></table>")


def waivers(report: LineReport) -> str:
    if not report.waivers:
        return ""
    body = "".join(f'<tr class="{"expired" if w.expired else "waiver"}">' + "".join(f"<td>{rich(v)}</td>" for v in row)
                   + "</tr>" for w, row in zip(report.waivers, audit.waiver_rows(report.waivers)))
    return (f"<h3>Accepted exceptions ({len(report.waivers)})</h3><table class=\"waivers\"><thead><tr><th>rules</th>"
            "<th>reason</th><th>accepted by</th><th>until</th><th>where</th><th>in this run</th></tr></thead>"
            f"<tbody>{body}</tbody></table>")


def rule_pages(findings: Iterable[Finding]) -> str:
    """An appendix with the page of every rule the report cites: its links point here."""
    pages = audit.cited_pages(findings)
    if not pages:
        return ""
    items = "".join(f'<article class="rule-page" id="rule-{text(code)}">{_page(page)}</article>' for code, page in pages)
    return f'<section class="rules"><h2>The rules cited in this report</h2>{items}</section>'


def _page(markdown: str) -> str:
    """A rule page's Markdown as simple HTML: headings, code blocks and paragraphs."""
    out, last = [], 0
    for match in _FENCE.finditer(markdown):
        out.append(_prose(markdown[last:match.start()]))
        out.append(f"<pre>{text(match.group(1).rstrip())}</pre>")
        last = match.end()
    out.append(_prose(markdown[last:]))
    return "".join(out)


def _prose(chunk: str) -> str:
    parts = []
    for block in filter(None, (b.strip() for b in chunk.split("\n\n"))):
        heading = re.match(r"^(#+)\s+(.*)$", block)
        if heading and "\n" not in block:
            level = min(3 + len(heading.group(1)), 6)
            parts.append(f"<h{level}>{text(heading.group(2))}</h{level}>")
        else:
            parts.append(f"<p>{rich(' '.join(block.split()))}</p>")
    return "".join(parts)
