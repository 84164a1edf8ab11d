"""The Markdown report: the HTML report's content for wikis and pull requests, every cell inert."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from ivrcheck.engine import inspect_file, inspect_text
from ivrcheck.report.handover import markdown
from tests.conftest import MENUS

INJECTION = Path(__file__).parent.parent / "data" / "injection.ivr.yaml"


def report(*paths: Path) -> str:
    return markdown.format([inspect_file(p) for p in paths])


def test_each_line_has_score_figures_diagram_findings_and_menus() -> None:
    text = report(MENUS / "bad-everything.ivr.yaml")
    result = inspect_file(MENUS / "bad-everything.ivr.yaml").result
    assert f"**Clarity score: {result.score}/100.**" in text
    for part, points in result.breakdown.items():
        assert re.search(rf"\| {part.replace('_', ' ').capitalize()} \| {points}/25 \|", text)
    assert "### Key figures" in text and "| In open hours | 4 | 10.8 s |" in text
    assert text.count("```mermaid") == 2 and "**Outside hours**" in text
    rows = [line for line in text.splitlines() if re.match(r"\| (error|warning|suggestion) \| \[", line)]
    assert len(rows) == len(result.findings)
    assert "[H203](#rule-H203)" in text and '<a id="rule-H203"></a>' in text  # the page is bundled


def test_worst_findings_come_first() -> None:
    text = report(MENUS / "bad-everything.ivr.yaml")
    section = text.split("### Most important first")[1].split("###")[0]
    severities = re.findall(r"^\d+\. \*\*(\w+)\*\*", section, re.MULTILINE)
    assert severities == ["error"] * 5


def test_seconds_until_each_option_is_heard() -> None:
    inspection = inspect_file(MENUS / "acme-bank.ivr.yaml")
    text = markdown.format([inspection])
    main = inspection.menu.nodes["main"]
    for option in main.options:
        seconds = inspection.line.language.seconds_until(main.prompt, option.key)
        assert f"| {option.label} | {option.target.ref} | {seconds:.1f} s |" in text


def cells(row: str) -> list[str]:
    return re.split(r"(?<!\\)\|", row.strip())[1:-1]


def outside_fences(text: str) -> str:
    """The Markdown a renderer reads as Markdown (fenced blocks are code, drawn by Mermaid), up to the
    rule pages bundled at the end (ivrcheck's own text, never a menu's)."""
    text = text.split("\n## The rules cited in this report\n")[0]
    return re.sub(r"^(`{3,})mermaid\n.*?^\1$", "", text, flags=re.MULTILINE | re.DOTALL)


def test_menu_text_cannot_break_tables_or_add_markup() -> None:
    text = outside_fences(report(INJECTION))
    assert "```" not in text
    assert "<script" not in text and "<img" not in text and "<iframe" not in text and "<b>" not in text
    tables = re.findall(r"(?:^\|.*\|\n)+", text, re.MULTILINE)
    assert len(tables) >= 4
    for table in tables:
        rows = table.splitlines()
        assert all(len(cells(row)) == len(cells(rows[0])) for row in rows), table
    piped = inspect_text(textwrap.dedent("""\
        name: "Pipes | and *stars*"
        language: en
        entry: main
        nodes:
          main:
            prompt: "For A | B, press 1. To speak to someone, press 0."
            options:
              "1": {label: "A | B", goto: person}
              "0": {label: Someone, goto: person}
          person: {type: agent, queue: q, announces_wait: true}
        """), display="pipes.ivr.yaml")
    out = markdown.format([piped])
    assert "| 1 | A \\| B | person |" in out and "## Pipes \\| and \\*stars\\*" in out


def test_a_fence_inside_the_diagram_cannot_close_the_block() -> None:
    assert markdown.fenced("a ``` b", "mermaid").startswith("````mermaid\n")
