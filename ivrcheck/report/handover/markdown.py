"""The hand-over report as Markdown, for wikis and pull requests: the HTML report's content,
with the diagram as a Mermaid flowchart and every value from a menu escaped for its place."""

from __future__ import annotations

import re
from typing import Any, Iterable, Sequence

from ivrcheck.callers.journey import describe
from ivrcheck.findings import FileResult, Finding
from ivrcheck.report import audit
from ivrcheck.report.handover import (
    PART_MEANING,
    STATE_NAMES,
    LineReport,
    figures,
    fix_url,
    headline,
    line_reports,
    part_name,
    percent_text,
    seconds_text,
    tasks,
)
from ivrcheck.report.summary import cell, table

SEVERITY_WORDS = {"error": "error", "warning": "warning", "info": "suggestion"}


def format(inspections: Iterable[Any], results: Sequence[FileResult] = (), mermaid: Any = None) -> str:
    """The whole report; `mermaid(report, state) -> str` draws a diagram (ivrcheck.render by default)."""
    reports = line_reports(inspections, results)
    draw = mermaid or _mermaid
    blocks = ["# Phone menu review", f"{len(reports)} phone line{'' if len(reports) == 1 else 's'} checked by ivrcheck."]
    if len(reports) > 1:
        blocks.append(table(["phone line", "score", "errors", "warnings", "suggestions"],
                            [[cell(r.title), _score(r), *(str(n) for n in r.counts().values())] for r in reports]))
    for report in reports:
        blocks.extend(_line(report, draw))
    blocks.extend(_rule_pages(f for r in reports for f in r.findings))
    return "\n\n".join(blocks) + "\n"


def _mermaid(report: LineReport, state: str) -> str:
    from ivrcheck.fileio import text
    from ivrcheck.render import render

    return text(render(report.menu, report.line, report.result, "mmd", state=state))


def _score(report: LineReport) -> str:
    return "not scored" if report.result.score is None else f"{report.result.score}/100"


def _line(report: LineReport, draw: Any) -> list[str]:
    result = report.result
    blocks = [f"## {cell(report.title)}", f"`{_code(report.path)}`" if report.path else "",
              table(["", ""], [[cell(k), cell(v)] for k, v in audit.cover(report, audit.today())]),
              f"**Clarity score: {_score(report)}.** {cell(headline(report))}"]
    if result.breakdown:
        blocks.append(table(["part", "points", "what it measures"],
                            [[cell(part_name(p)), f"{v}/25", cell(PART_MEANING.get(p, ""))]
                             for p, v in result.breakdown.items()]))
    worst = report.worst()
    if worst:
        items = [f"{i}. **{SEVERITY_WORDS[f.severity.value]}** {cell(f.message)}"
                 + (f" — what to do: {cell(f.help)}" if f.help else "") for i, f in enumerate(worst, 1)]
        blocks.append("### Most important first\n\n" + "\n".join(items))
    if report.metrics:
        rows = [[cell(name), _plain(v.get("steps_to_human")), seconds_text(v.get("seconds_to_human")),
                 seconds_text(v.get("fallback_seconds_to_human")), percent_text(v.get("zero_out_coverage")),
                 cell(describe(v))]
                for name, v in figures(report.metrics)]
        blocks += ["### Key figures", table(["when", "key presses to a person", "seconds to a person",
                                             "pressing nothing", "menus where 0 reaches a person",
                                             "following the prompts"], rows)]
        done = tasks(report.metrics)
        if done:
            blocks.append(table(["the caller wants", "predicted", "time"],
                                [[cell(str(t["say"])), "succeeds" if t.get("success") else "**fails**",
                                  seconds_text(t.get("seconds"))] for t in done]))
        blocks.extend(_cost(report))
    blocks.extend(_diagrams(report, draw))
    blocks.extend(_findings(report))
    blocks.extend(_waivers(report))
    blocks.extend(_menus(report))
    return [b for b in blocks if b]


def _diagrams(report: LineReport, draw: Any) -> list[str]:
    """A Mermaid diagram per schedule state, or the first line of why it could not be drawn."""
    if report.menu is None or report.line is None:
        return []
    blocks = ["### Diagram"]
    for state in report.line.states:
        try:
            diagram = draw(report, state)
        except Exception as exc:
            blocks.append(f"No diagram: {cell(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)}")
            continue
        if len(report.line.states) > 1:
            blocks.append(f"**{STATE_NAMES.get(state, state)}**")
        blocks.append(fenced(diagram, "mermaid"))
    return blocks


def _menus(report: LineReport) -> list[str]:
    """Menu by menu: the prompt, its options with where they go, and what happens on silence or errors."""
    if not report.menus:
        return []
    blocks = ["### Menu by menu"]
    for menu in report.menus:
        blocks.append(f"#### {cell(menu.node_id)}" + ("" if menu.reachable else " (no call reaches it)"))
        if menu.prompt:
            blocks.append(f"> {cell(menu.prompt)}\n\n{menu.prompt_seconds:.1f} s to speak in full.")
        if menu.options:
            blocks.append(table(["key", "option", "goes to", "heard after"],
                                [[cell(o.key), cell(o.label or "—"), cell(o.target or "—"), f"{o.seconds:.1f} s"]
                                 for o in menu.options]))
        if menu.handling:
            blocks.append("; ".join(f"{cell(when)}: {cell(target)}" for when, target in menu.handling))
    return blocks


def _findings(report: LineReport) -> list[str]:
    """The findings table, or one table per clause when a profile judged the line."""
    if not report.findings:
        return ["### Findings (0)", "No findings."]
    if not any(f.clause for f in report.findings):
        return [f"### Findings ({len(report.findings)})", _findings_table(report, report.findings)]
    blocks = [f"### Findings by clause ({len(report.findings)})"]
    for clause, found in audit.by_clause(report.findings):
        blocks += [f"#### {cell(clause)} ({len(found)})", _findings_table(report, found)]
    return blocks


def _findings_table(report: LineReport, findings: Iterable[Finding]) -> str:
    return table(["severity", "rule", "node", "line", "problem", "how to fix"], [
        [SEVERITY_WORDS[f.severity.value], f"[{cell(f.code)}]({fix_url(f)}) {cell(f.name)}", cell(f.node_id or "—"),
         cell(f"{f.span.line}:{f.span.column}" if f.path == report.path else f"{f.path}:{f.span.line}"),
         cell(f.message + (f" [{f.state} hours]" if f.state else "")), cell(f.help or "—")]
        for f in findings])


def _cost(report: LineReport) -> list[str]:
    found = audit.cost(report.metrics)
    if found is None:
        return []
    head, rows = found
    return ["### What a call costs the caller", cell(head),
            table(["way", "in the line", "in the queue", "charged", "cost"], [[cell(v) for v in row] for row in rows])]


def _waivers(report: LineReport) -> list[str]:
    if not report.waivers:
        return []
    return [f"### Accepted exceptions ({len(report.waivers)})",
            table(["rules", "reason", "accepted by", "until", "where", "in this run"],
                  [[cell(v) for v in row] for row in audit.waiver_rows(report.waivers)])]


def _rule_pages(findings: Iterable[Finding]) -> list[str]:
    """The pages of the rules the report cites, each under the anchor its links point to."""
    pages = audit.cited_pages(findings)
    if not pages:
        return []
    return ["## The rules cited in this report",
            *(f'<a id="rule-{code}"></a>\n\n' + _demoted(page) for code, page in pages)]


def _demoted(page: str) -> str:
    """A page's headings two levels down, outside its code blocks (a YAML comment is no heading)."""
    parts = re.split(r"(```.*?```)", page, flags=re.DOTALL)
    return "".join(p if p.startswith("```") else re.sub(r"^(#+) ", r"\1## ", p, flags=re.MULTILINE) for p in parts)


def fenced(body: str, language: str) -> str:
    """A fenced block whose fence is longer than any run of backticks inside it."""
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall("`+", body)), default=0))
    return f"{fence}{language}\n{body.rstrip()}\n{fence}"


def _code(text: str) -> str:
    """Text inside a one-backtick code span: backticks and line breaks cannot close or break it."""
    return re.sub(r"[`\r\n\u2028\u2029]", "?", text)


def _plain(value: Any) -> str:
    return "none" if value is None else str(value)
