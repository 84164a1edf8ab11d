"""The Markdown job summary: tables per file, inert message text, diagrams folded away."""

from __future__ import annotations

from ivrcheck.findings import FileResult
from ivrcheck.report.summary import cell, markdown_summary
from tests.report.samples import BANK, BROKEN, CLEAN, DIAGRAMS, sample_results


def test_heading_overall_line_and_a_section_per_file() -> None:
    text = markdown_summary(sample_results())
    assert text.startswith("## ivrcheck\n\nFound 2 errors, 2 warnings, 1 info in 3 files")
    for path in (BANK, CLEAN, BROKEN):
        assert f"### {cell(path)}\n" in text


def test_score_table_has_breakdown_and_counts() -> None:
    text = markdown_summary(sample_results()[:1])
    assert ("| score | navigation | human access | wording | robustness | errors | warnings | info |\n"
            "| --- | --- | --- | --- | --- | --- | --- | --- |\n"
            "| **76**/100 | 25/25 | 12/25 | 24/25 | 15/25 | 1 | 2 | 1 |") in text


def test_findings_table_rows() -> None:
    text = markdown_summary(sample_results()[:1])
    assert "| line | code | severity | message |" in text
    assert "| 10 | `S103` dead-end | error | message \"info\" has no `next`, so callers" in text
    assert "free\"<br>but 0 leads nowhere: no agent; bind \"0\" to an agent \\[closed hours\\] |" in text
    assert "(keys 1\\|2\\|0 &lt;no 9&gt;)" in text


def test_clean_and_unloaded_files() -> None:
    text = markdown_summary(sample_results()[1:])
    assert "| **100**/100 | 25/25 | 25/25 | 25/25 | 25/25 | 0 | 0 | 0 |\n\nNo findings." in text
    assert "| score | errors | warnings | info |\n| --- | --- | --- | --- |\n| not loaded | 1 | 0 | 0 |" in text


def test_diagrams_only_when_given_and_folded() -> None:
    assert "<details>" not in markdown_summary(sample_results())
    text = markdown_summary(sample_results(), diagrams=DIAGRAMS)
    assert text.count("<details><summary>Diagram</summary>") == 1  # the diagram of a path not checked is left out
    assert ("<details><summary>Diagram</summary>\n\n```mermaid\nflowchart TD\n"
            "  main[\"Main menu\"] -->|0| loans\n  loans --> info\n```\n\n</details>") in text


def test_a_fence_in_the_diagram_cannot_close_ours() -> None:
    text = markdown_summary([FileResult(BANK, ())], diagrams={BANK: "flowchart TD\n  a[\"```\"]"})
    assert "````mermaid\n" in text and text.rstrip().endswith("````\n\n</details>")


def test_cell_keeps_code_spans_and_escapes_the_rest() -> None:
    assert cell("use `a|b` or *c* <b>") == "use `a\\|b` or \\*c\\* &lt;b&gt;"
    assert cell("line one\nline two") == "line one<br>line two"
    assert cell("an ` alone") == "an \\` alone"
