"""Report step: results -> text. Each format is a pure function `format(results, color) -> str`."""

from __future__ import annotations

import os
from typing import Callable, Sequence

from ivrcheck.findings import FileResult
from ivrcheck.report import github as github_format
from ivrcheck.report import gitlab as gitlab_format
from ivrcheck.report import json as json_format
from ivrcheck.report import junit as junit_format
from ivrcheck.report import sarif as sarif_format
from ivrcheck.report import text as text_format

Formatter = Callable[[Sequence[FileResult], bool], str]

FORMATS: dict[str, Formatter] = {
    "text": text_format.format,
    "json": json_format.format,
    "sarif": sarif_format.format,
    "github": github_format.format,
    "junit": junit_format.format,
    "gitlab": gitlab_format.format,
}


def default_format() -> str:
    """`github` inside GitHub Actions (when that format exists), text elsewhere."""
    if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in FORMATS:
        return "github"
    return "text"
