"""A fixed set of results for the format tests and golden files, built by hand so they never drift.

The messages carry what breaks naive formatters: double quotes, a newline, a comma, a colon,
a percent sign, a pipe and angle brackets. Two findings are identical apart from position.
"""

from __future__ import annotations

import types

from ivrcheck.findings import FileResult, Finding, Severity, Span
from ivrcheck.load.codes import LoadCode

BANK = "menus/acme-bank.ivr.yaml"
CLEAN = "menus/clean.ivr.yaml"
BROKEN = "menus/broken.ivr.yaml"

ZERO_OUT = dict(
    path=BANK, code="H203", name="no-zero-out", severity=Severity.WARNING,
    message='menu "loans" says "press 0, it\'s 100% free"\nbut 0 leads nowhere: no agent',
    help='bind "0" to an agent', node_id="loans", state="closed",
)


def sample_results() -> list[FileResult]:
    """Three files: one with findings of every severity, one clean, one that failed to load."""
    bank = (
        Finding(BANK, "S103", "dead-end", Severity.ERROR,
                'message "info" has no `next`, so callers who reach it are stuck',
                "add `next:` pointing at where the caller goes after it", Span(10, 3, 10, 12), "info"),
        Finding(**ZERO_OUT, span=Span(12, 5)),
        Finding(BANK, "Z901", "phantom-option", Severity.INFO,
                'prompt says "press 9" but no option binds it (keys 1|2|0 <no 9>)', "", Span(14, 7, 15, 20), "loans"),
        Finding(**ZERO_OUT, span=Span(20, 5)),
    )
    breakdown = {"navigation": 25, "human_access": 12, "wording": 24, "robustness": 15}
    return [
        FileResult(BANK, bank, metrics={"depth": 2, "steps_to_human": 1}, score=76, breakdown=breakdown),
        FileResult(CLEAN, (), metrics={"depth": 1, "steps_to_human": 1}, score=100,
                   breakdown=dict.fromkeys(breakdown, 25)),
        FileResult.failed(BROKEN, [Finding(BROKEN, "F001", "yaml-syntax", Severity.ERROR,
                                           "mapping values are not allowed here", "quote the value", Span(3, 9))]),
    ]


DIAGRAMS = {BANK: 'flowchart TD\n  main["Main menu"] -->|0| loans\n  loans --> info', "menus/other.ivr.yaml": "x"}

_DEAD_END_PAGE = """A reachable node that leads nowhere.

## What it checks
A node a call can reach must end the call or lead on,
so a menu needs options and a message needs `next`.

## Why it matters
Callers who land there hear silence.

## Example
```yaml
entry: main
nodes:
  main: {type: message, prompt: Hello.}
```

## Use instead
```yaml
entry: main
nodes:
  main: {type: message, prompt: Hello., next: desk}
  desk: {type: agent}
```

## Settings
None.
"""


def _rule(code: str, name: str, severity: Severity, doc: str) -> types.ModuleType:
    module = types.ModuleType(f"fake_{name.replace('-', '_')}", doc)
    module.CODE, module.NAME, module.SEVERITY, module.SETTINGS = code, name, severity, {}
    return module


#: A registry frozen for the SARIF golden file, so adding a rule does not change it. Z901 is
#: missing on purpose: a finding whose code the registry lacks must still get a descriptor.
FROZEN_RULES = (
    _rule("S103", "dead-end", Severity.ERROR, _DEAD_END_PAGE),
    _rule("H203", "no-zero-out", Severity.WARNING, "A menu where 0 does not reach a human.\n\n"
          "## What it checks\nEvery menu where `0` does not reach a person.\n\n## Why it matters\nCallers press 0."),
)
FROZEN_LOAD_CODES = {
    "F001": LoadCode("F001", "yaml-syntax", Severity.ERROR, "the file is not valid YAML"),
    "F013": LoadCode("F013", "commented-out-key", Severity.ERROR, "an unquoted `#` key turned an option into a comment",
                     blocks=False),
}
