"""A menu or input prompt that takes more than 20 seconds to speak.

## What it checks
The time each `menu` and `input` prompt takes to speak at the language's rate (English
150 words a minute, Finnish 4.5 syllables a second, both configurable with
`speaking_rate`; see docs/languages.md). Messages are not checked: they inform rather
than ask, and a long one shows up in P405 or in `seconds_to_human` instead. The finding
says by how much the prompt is over the limit ("23.4 s, 3.4 s over the 20 s limit"); a
prompt at the limit, to a tenth of a second, is not reported.

## Why it matters
A caller has to keep every option in mind until the prompt ends; past about twenty
seconds the first options are forgotten before the last are heard, and callers replay
the menu or press 0. Plum Voice's prompt guidelines cap instructional prompts at twenty
seconds, and Avaya's advise four or five options a menu, which a prompt of that length
holds.

## Example
```yaml
language: en
entry: main
nodes:
  main:
    prompt: >
      Welcome to Acme Energy, the greener choice for your home and business. Please
      listen carefully, as our menu options have recently changed. You can also manage
      your account online at any time. To report a gas leak, hang up and call the
      emergency line. For billing, press 1. For meter readings, press 2. To speak to an
      advisor, press 0.
    options:
      "1": {label: Billing, goto: billing}
      "2": {label: Meter readings, goto: meter}
      "0": {label: Speak to an advisor, goto: advisor}
  billing: {type: self_service}
  meter: {type: self_service}
  advisor: {type: agent}
```

## Use instead
```yaml
language: en
entry: main
nodes:
  main:
    prompt: >
      Welcome to Acme Energy. For billing, press 1. For meter readings, press 2.
      To speak to an advisor, press 0.
    options:
      "1": {label: Billing, goto: billing}
      "2": {label: Meter readings, goto: meter}
      "0": {label: Speak to an advisor, goto: advisor}
  billing: {type: self_service}
  meter: {type: self_service}
  advisor: {type: agent}
```

## Settings
- `max_seconds` (default 20): the longest a menu or input prompt may take to speak.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.model import Menu, NodeType
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "P404"
NAME = "long-prompt"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {"max_seconds": 20}
PART = "wording"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    limit = float(settings["max_seconds"])
    for node in menu.nodes.values():
        if node.type not in (NodeType.MENU, NodeType.INPUT) or not node.prompt:
            continue
        # Judged as shown, to a tenth of a second: a prompt shown as "20.0 s" is not over 20 s.
        seconds = round(line.language.seconds(node.prompt), 1)
        if seconds > limit:
            yield Problem(
                node.prompt_span or node.span, node.id,
                f"the prompt of {quote(node.id)} takes {seconds:.1f} s to speak, {seconds - limit:.1f} s over the "
                f"{limit:g} s limit, so callers forget the first options before they hear the last",
                "cut it to what callers need to choose, move announcements out of the menu, or split the menu",
            )
