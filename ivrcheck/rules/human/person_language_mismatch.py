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
An agent of the line's own that leaves out the chosen language stays a warning, unless a message
in the chosen language leads straight to it and tells callers which languages are spoken there (it
names one of them: "Our nurses speak English; ask for an interpreter"), or may (its words are in a
language ivrcheck does not read): an info then, as the caller is told before the transfer.

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
from ivrcheck.graph.build import ROUTING
from ivrcheck.language.choices import names_language
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
                told = _note_before(line, node.id, language, served)
                yield Problem(node.span_of("languages"), node.id,
                              f'callers who choose {language} (key "{key}" in {quote(menu_id)}) reach '
                              f"{quote(node.id)}, whose people serve {served_text}" + (f"; {told}" if told else ""),
                              f"tell those callers, in {language}, which languages {quote(node.id)} answers in"
                              if outside else
                              f"add {language} to `languages:` or route those callers to people who speak it",
                              severity=Severity.INFO if outside or told else None)
        if not chosen and _base(menu.language) not in served:
            yield Problem(node.span_of("languages"), node.id,
                          f"the line speaks {menu.language}, but the people at {quote(node.id)} serve {served_text}",
                          f"tell callers which languages {quote(node.id)} answers in" if outside else
                          f"add {menu.language} to `languages:`, or offer a choice of language before",
                          severity=Severity.INFO if outside else None)


def _note_before(line: LineAnalysis, person: str, language: str, served: set[str]) -> str | None:
    """A message in the caller's chosen language that leads straight to the person and tells them, in
    that language, which languages are spoken there (it names one), or may (ivrcheck does not read its
    words): a blind judge called the warning false where a te reo Māori note said, before the transfer,
    that the nurses speak English and an interpreter can be asked for."""
    for source, attrs in line.open.edges_into(person):
        note = line.menu.nodes.get(source)
        if attrs["kind"] not in ROUTING or note is None or note.type is not NodeType.MESSAGE or not note.prompt:
            continue
        if _base(note.language or line.menu.language) != _base(language):
            continue
        if line.clock.unknown(note):
            return f"the note {quote(source)} before it, in words ivrcheck does not read, may tell them so"
        if any(names_language(note.prompt, code) for code in served):
            return f"the note {quote(source)} before it tells them so"
    return None
