"""`ivrcheck rule`: a rule's page (or a load problem's), or the list of them all."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ivrcheck.cli.process import fail, say

CodeArg = Annotated[Optional[str], typer.Argument(
    metavar="CODE", help="A rule or load-problem code or name (S103, dead-end, F013); all when left out.")]


def rule(code: CodeArg = None) -> None:
    """Explain a rule or load problem (or list them all)."""
    from ivrcheck.report import rule_pages as pages

    if code is None:
        say(pages.listing())
        return
    page = pages.explain(code)
    if page is None:
        raise fail(f'no rule "{code}"; {pages.did_you_mean(code)}')
    say(page)
