"""Report step: results -> text. Each format is a pure function `format(results, color) -> str`.

`ci/` holds the formats a CI system reads (json, sarif, github, junit, gitlab), `handover/` the
hand-over report (the line model, HTML, Markdown, the phone); the modules here are the outputs
of single commands: the terminal's text, the job summary, `score --explain`, `tasks`, `diff`,
`traffic`, `config --show`, `import`'s YAML and `ivrcheck rule`. `audit.py` (what the hand-over
report tells an auditor) joins `handover/` when the CLI stops importing it by its path.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Callable, Sequence

from ivrcheck.findings import FileResult
from ivrcheck.lazy import LazyModules
from ivrcheck.report import text as text_format

Formatter = Callable[[Sequence[FileResult], bool], str]


#: Format name -> its `format` function, each module imported only when its format is used:
#: a plain `check` should not pay for SARIF's rule descriptors or the JUnit XML writer.
FORMATS: Mapping[str, Formatter] = LazyModules("ivrcheck.report", {
    "text": "text", "json": "ci.json", "sarif": "ci.sarif", "github": "ci.github", "junit": "ci.junit",
    "gitlab": "ci.gitlab"}, attribute="format")

def quiet_text(results: Sequence[FileResult], color: bool = False) -> str:
    """`--quiet`: the findings alone, no summary; nothing at all when there are none."""
    lines = [text_format.line(f, color) for result in results for f in result.findings]
    return "".join(f"{line}\n" for line in lines)


def statistics(results: Sequence[FileResult]) -> str:
    """`--statistics`, as ruff prints it: a line a code, most frequent first, with its count and name."""
    counts: dict[tuple[str, str], int] = {}
    for finding in (f for r in results for f in r.findings):
        counts[(finding.code, finding.name)] = counts.get((finding.code, finding.name), 0) + 1
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    width = max((len(str(n)) for _, n in ordered), default=1)
    lines = [f"{n:>{width}}\t{code}\t{name}" for (code, name), n in ordered]
    return "".join(f"{line}\n" for line in lines) + text_format.summary(results) + "\n"


def default_format() -> str:
    """`github` inside GitHub Actions (when that format exists), text elsewhere."""
    if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in FORMATS:
        return "github"
    return "text"
