"""The Markdown job summary for GITHUB_STEP_SUMMARY: a table per file, its findings, its diagram."""

from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from ivrcheck.findings import FileResult, Severity
from ivrcheck.report.common import described
from ivrcheck.report.text import summary as overall

_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_CODE_SPAN = re.compile(r"(`[^`\n]+`)")
_MARKDOWN = re.compile(r"([\\*_\[\]~`|#!])")


def markdown_summary(results: Sequence[FileResult], diagrams: dict[str, str] | None = None) -> str:
    """A heading and the overall line, then per file its score table, findings and Mermaid diagram."""
    blocks = ["## ivrcheck", cell(overall(results))]
    for result in results:
        blocks.extend(file_blocks(result, (diagrams or {}).get(result.path)))
    return "\n\n".join(blocks) + "\n"


def file_blocks(result: FileResult, diagram: str | None = None) -> list[str]:
    counts = Counter(f.severity for f in result.findings)
    head = ["score"] + [part.replace("_", " ") for part in result.breakdown or {}] + ["errors", "warnings", "info"]
    row = ["not loaded" if result.score is None else f"**{result.score}**/100"]
    row += [f"{points}/25" for points in (result.breakdown or {}).values()]
    row += [str(counts[s]) for s in _SEVERITIES]
    blocks = [f"### {cell(result.path)}", table(head, [row])]
    cap = getattr(result.clarity, "cap", None)
    if cap is not None:
        blocks.append(f"Score capped at {cap.total_limit:g}: {cell(cap.reason)}.")
    if result.findings:
        rows = [[str(f.span.line), f"`{f.code}` {cell(f.name)}", f.severity.value, cell(described(f))]
                for f in result.findings]
        blocks.append(table(["line", "code", "severity", "message"], rows))
    else:
        blocks.append("No findings.")
    if diagram:
        fence = "`" * max(3, 1 + max((len(run) for run in re.findall("`+", diagram)), default=0))
        blocks.append(f"<details><summary>Diagram</summary>\n\n{fence}mermaid\n{diagram.rstrip()}\n{fence}\n\n"
                      f"</details>")
    return blocks


def table(head: list[str], rows: list[list[str]]) -> str:
    lines = [head, ["---"] * len(head), *rows]
    return "\n".join(f"| {' | '.join(line)} |" for line in lines)


def cell(text: str) -> str:
    """Text made inert in a table cell: code spans stay code, everything else is escaped."""
    for newline in ("\r\n", "\r", "\x85", "\u2028", "\u2029"):  # every line break a renderer might honour
        text = text.replace(newline, "\n")
    parts = _CODE_SPAN.split(text)
    out = []
    for i, part in enumerate(parts):
        if i % 2:  # a code span: only the pipe needs escaping, even here (GFM tables)
            out.append(part.replace("|", "\\|"))
            continue
        part = part.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        out.append(_MARKDOWN.sub(r"\\\1", part).replace("\n", "<br>"))
    return "".join(out)
