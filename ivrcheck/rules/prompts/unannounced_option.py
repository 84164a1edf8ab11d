"""An option whose key the menu's prompt never mentions.

## What it checks
Reads each menu's prompt in the file's `language` and finds where it offers keys: "press
1", "for loans press two", "press star", "paina 1", "valitse yksi", "paina tähteä", with
digits written as numerals or as words. Every key option must be offered. A
`dial_by_extension` option counts as offered by a phrase such as "if you know the
extension, dial it now" or "jos tiedät alanumeron, näppäile se". A speech-only option
has no key to announce and is left to R506 (no-keypad-fallback).

## Why it matters
A caller only knows the options the prompt reads out. An option that is never offered
is a hidden shortcut at best; when it is the way to a person or to the task the caller
came for, the menu looks as if that choice does not exist, and callers pick a wrong one
or hang up. Vendor design guides (Avaya, Plum Voice) list every option with its key.

## Example
```yaml
language: en
entry: main
nodes:
  main:
    prompt: For cards, press 1. For loans, press 2.
    options:
      "1": {label: Cards, goto: cards}
      "2": {label: Loans, goto: loans}
      "0": {label: Speak to an advisor, goto: advisor}
  cards: {type: self_service}
  loans: {type: self_service}
  advisor: {type: agent}
```

## Use instead
```yaml
language: en
entry: main
nodes:
  main:
    prompt: For cards, press 1. For loans, press 2. To speak to an advisor, press 0.
    options:
      "1": {label: Cards, goto: cards}
      "2": {label: Loans, goto: loans}
      "0": {label: Speak to an advisor, goto: advisor}
  cards: {type: self_service}
  loans: {type: self_service}
  advisor: {type: agent}
```

## Settings
None. The words that offer a key are per language, in ivrcheck/language/*.yaml.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.language import EXTENSION
from ivrcheck.model import Menu
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "P401"
NAME = "unannounced-option"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "wording"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    language = line.language
    for node in line.menus:
        if line.clock.unknown(node):  # a recording, or words ivrcheck does not read: unknown, not "never"
            continue
        offered = {offer.key for offer in language.offers(node.prompt)}
        for option in node.options:
            key = EXTENSION if option.kind == "extension" else option.key
            if option.kind == "speech" or key in offered:
                continue
            what = "dial-by-extension" if key == EXTENSION else f"option {quote(key)}"
            named = f" ({quote(option.label)})" if option.label else ""
            heard = (f"the prompt of {quote(node.id)} never offers it" if node.prompt
                     else f"{quote(node.id)} has no prompt")
            yield Problem(
                option.span, node.id,
                f"{what}{named} in {quote(node.id)} is never announced: {heard}, so callers cannot know it exists",
                f"add {quote(language.offer_example(option.label, key))} to the prompt, or remove the option",
            )
