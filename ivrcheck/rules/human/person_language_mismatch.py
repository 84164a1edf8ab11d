"""A caller who chose a language reaches people who do not serve it.

## What it checks
A person (an agent, or a transfer a person answers) that declares `languages:` must serve
every language a caller can have chosen on the way there (options with `language:`), and,
when callers can reach it without choosing, the line's own `language`. Left out,
`languages:` is unknown and the rule stays quiet.

A `transfer` that dials out to another organisation's number (a national nurse line, a
24-hour water emergency desk) gets an **info**, not a warning: the line cannot choose who
answers there, and it is often the only service that can help. Its `languages:` says what
callers meet; the prompt that offers it can tell them in their own language. Blind judges
called both such warnings on the trust corpus's development half arguable, never false or true.
An agent of the line's own that leaves out the chosen language stays a warning.

## Why it matters
A caller who pressed "per parlar en català" and then meets an advisor who speaks only
Spanish has wasted the choice and must start again in a language they did not pick. Spain's
Ley 10/2025 asks that customers be served in the language they used, including the
co-official languages where they are official.

## Example
```yaml
entry: main
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
language: es
nodes:
  main:
    prompt: Para atención en castellano, pulse 1. Per atenció en català, premeu 2.
    options:
      "1": {label: Castellano, goto: advisor, language: es}
      "2": {label: Català, goto: advisor, language: ca}
  advisor: {type: agent, languages: [es]}
```

## Use instead
```yaml
entry: main
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
language: es
nodes:
  main:
    prompt: Para atención en castellano, pulse 1. Per atenció en català, premeu 2.
    options:
      "1": {label: Castellano, goto: advisor, language: es}
      "2": {label: Català, goto: advisor, language: ca}
  advisor: {type: agent, languages: [es, ca]}
```

## Settings
None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.model import Menu, NodeType
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "H212"
NAME = "person-language-mismatch"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "human_access"


def _base(language: str) -> str:
    return language.lower().split("-")[0]


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    chosen_at = line.open.language_chosen
    for node in menu.nodes.values():
        person = node.type is NodeType.AGENT or (node.type is NodeType.TRANSFER and node.human)
        if not person or node.languages is None or node.id not in line.reachable:
            continue
        served = {_base(x) for x in node.languages}
        chosen = chosen_at.get(node.id, {})
        served_text = ", ".join(node.languages) or "no language"
        outside = node.type is NodeType.TRANSFER  # another organisation's people: the line cannot choose them
        for language in sorted(chosen):
            if _base(language) not in served:
                menu_id, key = min(chosen[language])
                yield Problem(node.span_of("languages"), node.id,
                              f'callers who choose {language} (key "{key}" in {quote(menu_id)}) reach '
                              f"{quote(node.id)}, whose people serve {served_text}",
                              f"tell those callers, in {language}, which languages {quote(node.id)} answers in"
                              if outside else
                              f"add {language} to `languages:` or route those callers to people who speak it",
                              severity=Severity.INFO if outside else None)
        if not chosen and _base(menu.language) not in served:
            yield Problem(node.span_of("languages"), node.id,
                          f"the line speaks {menu.language}, but the people at {quote(node.id)} serve {served_text}",
                          f"tell callers which languages {quote(node.id)} answers in" if outside else
                          f"add {menu.language} to `languages:`, or offer a choice of language before",
                          severity=Severity.INFO if outside else None)
