"""Two options of one menu whose labels a caller could confuse.

## What it checks
Every pair of labelled options in a menu, compared in the file's `language` after
dropping stop words and vague words ("questions", "kysymykset") and reducing words to
their stems. A pair is reported when both labels come down to the same words ("Billing
questions", "Billing problems"); when one label covers everything the other says
("Cards", "Card payments"; "Sopimukset", "Sähkösopimukset", as Finnish compounds are
taken apart); when their words are near-synonyms from the language's synonym groups
("Billing", "Invoices"; "Laskut", "Laskutus"); or when the words where they differ are
spelled, and so sound, nearly alike ("Statements", "Settlements": rapidfuzz similarity
at or above `similarity`). Labels that share a word but each add a different one name
distinct tasks and pass: "Card payments" and "Card activation", "Sähkösopimukset" and
"Kaukolämpösopimukset". Two options that lead to the same place are not compared
(picking either is right), nor are options without a label. The word lists are in
docs/languages.md; every pair in the example menus, with the verdict, is in
docs/label-pairs.md.

## Why it matters
Option labels that are clear and mutually exclusive matter more than the number of
options: the ACIxD design wiki calls it the most important rule for writing menus,
after research by Nairne (2002) and Resnick and Sanchez (2004). A caller who cannot tell
two options apart guesses, and a wrong guess costs a trip back through the menu or a
transfer to the wrong team.

## Example
```yaml
language: en
entry: main
nodes:
  main:
    prompt: For billing, press 1. For invoices, press 2. To speak to an advisor, press 0.
    options:
      "1": {label: Billing, goto: billing}
      "2": {label: Invoices, goto: invoices}
      "0": {label: Speak to an advisor, goto: advisor}
  billing: {type: agent, queue: billing}
  invoices: {type: self_service}
  advisor: {type: agent}
```

## Use instead
```yaml
language: en
entry: main
nodes:
  main:
    prompt: To pay a bill, press 1. For a copy of an invoice, press 2. To speak to an advisor, press 0.
    options:
      "1": {label: Pay a bill, goto: billing}
      "2": {label: Copy of an invoice, goto: invoices}
      "0": {label: Speak to an advisor, goto: advisor}
  billing: {type: agent, queue: billing}
  invoices: {type: self_service}
  advisor: {type: agent}
```

## Settings
- `similarity` (default 85): how alike, from 0 to 100 (rapidfuzz `ratio`), the words
  where two labels differ must be to count as sounding alike. 100 turns that check off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.language.compare import compare
from ivrcheck.model import Menu
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "L301"
NAME = "ambiguous-labels"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {"similarity": 85}
PART = "wording"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    words = line.language.label_words
    for node in menu.nodes.values():
        labelled = [o for o in node.options if o.label]
        for i, first in enumerate(labelled):
            for second in labelled[i + 1:]:
                if first.target and second.target and first.target.ref == second.target.ref:
                    continue
                confusion = compare(words, first.label, second.label, float(settings["similarity"]))
                if confusion is None:
                    continue
                yield Problem(
                    second.label_span or second.span, node.id,
                    f"labels {quote(first.label)} (key {quote(first.key)}) and {quote(second.label)} "
                    f"(key {quote(second.key)}) in {quote(node.id)} could be confused: "
                    f"{confusion.explain(first.label, second.label)}",
                    "name each option by a different task in the words callers use, "
                    "or merge them into one option",
                )
