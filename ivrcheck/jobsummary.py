"""GitHub Actions' job summary: `check` and `diff` append Markdown to the page GITHUB_STEP_SUMMARY names."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Sequence

if TYPE_CHECKING:  # `check` writes a summary without loading the diff
    from ivrcheck.callers.diff import Diff
    from ivrcheck.engine import Run


def of_check(run: Run) -> str:
    """The run's findings and scores, each line drawn in Mermaid (the kept results, so suppressed findings
    stay unmarked)."""
    from ivrcheck.fileio import text
    from ivrcheck.render import RenderError, render
    from ivrcheck.report.summary import markdown_summary

    diagrams = {}
    for path, found in run.inspections.items():
        if found.menu is not None and found.line is not None:
            try:
                diagrams[path] = text(render(found.menu, found.line, found.result, "mmd"))
            except RenderError:
                continue
    return markdown_summary(run.results, diagrams)


def of_diff(diffs: Sequence[Diff]) -> str:
    """What the change does to callers, as `diff --format markdown` writes it."""
    from ivrcheck.report import diff

    return diff.markdown(diffs)


def append(summary: str, path: str) -> Optional[str]:
    """Add to the summary file; a warning to print when it cannot be written, else None."""
    from ivrcheck.fileio import utf8

    try:
        with open(path, "ab") as out:
            out.write(utf8(summary))
    except OSError as exc:
        return f"cannot write the job summary {path}: {exc.strerror}"
    return None
