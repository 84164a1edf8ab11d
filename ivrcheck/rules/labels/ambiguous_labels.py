"""Two options of one menu whose labels a caller could confuse.

## What it checks
Every pair of labelled task options in a menu, compared by meaning in the language the
menu speaks (its `language:`, else the one chosen on every way there, else the file's:
the Swedish menu behind "På svenska" is read in Swedish), by the meaning model of
docs/languages.md. A negated word is the opposite of the word ("Tid som inte är
brådskande" and "Brådskande ärende" pass). A pair is reported when the two
labels name the same task: the same words after stop words and vague words are dropped
("Billing questions", "Billing problems"), synonyms or paraphrases from the contact-centre
lexicon ("Faults", "Breakdowns"; "Account closure", "Cancel your account";
"Irtisanominen", "Sopimuksen päättäminen", with Finnish inflection and derivation
taken into account); when one label covers everything the other says ("Cards", "Card
payments"; "Sopimukset", "Sähkösopimukset", as compounds are taken apart); or when the
words where they differ are spelled, and so sound, nearly alike ("Statements",
"Settlements": rapidfuzz similarity at or above `similarity`; one alike word counts only
when it is all that sets one label apart). Labels that share a word
but each add a different one name distinct tasks and pass: "Card payments" and "Card
activation", "Car insurance quotes" and "Car insurance claims". Universal options (repeat, back, the main menu, a person: by their target or because the
label asks for nothing else, "Repeat these options", "Speak to an advisor"; and an option on 0 that reaches a person, whatever its label:
"Billing representative" on 0 beside "Make a payment" is the department's person, 0 being
the key for a person in ISO/IEC 13714) are compared only with options that ask for the
same function: "Repeat prescription" and "Repeat these
options" pass, as do "Henkilöasiakkaat" and "Asiakaspalvelija" (a compound's first part
is no reason). Two options that lead to the same place are compared apart: picking
either is right, so only two task options naming one task are reported ("Billing" and
"Payments and financial assistance", both to the billing team: callers hesitate between
two options that do the same, and the menu is one option longer than its tasks; the fix
is to merge them), not labels that merely sound alike or name different tasks ("Sick
note" and "Letter, form or report", both to the admin team). Options without a label are
not compared, nor choices of language ("På svenska" and
"In English" are never the same task), nor an option offered as the rest of the others
(`rest:` words in the language file, in its label or its prompt clause: "Muusta viasta
ilmoittamiseen, paina 2" after urgent faults on 1). Every pair in the example menus, with the
verdict, is in docs/label-pairs.md; add your own synonyms with `synonyms:` in the config.
An option is reported once, with the first option before it that it could be confused
with; in a menu of more than 100 labelled options (far beyond what a caller can hold), each
option is compared with the first 100 only, so a generated menu of thousands is still
checked in linear time.

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
from ivrcheck.language.meaning import CONTAINS, SAME
from ivrcheck.model import Menu, Node, Option
from ivrcheck.rules.base import Settings, aims_at_person, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis
    from ivrcheck.language import Language

CODE = "L301"
NAME = "ambiguous-labels"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {"similarity": 85}
PART = "wording"
#: How many earlier options each option is compared with: pairs of a longer menu would grow quadratically.
COMPARED = 100


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    similarity = float(settings["similarity"])
    for node in menu.nodes.values():
        language = line.speaks(node)  # the Spanish menu of an English line is read in Spanish
        earlier: dict[tuple[str, str | None], _Alike] = {}
        reported: set[str] = set()
        for i, (second, second_function) in enumerate((o, universal_function(node, o, line))
                                                      for o in node.options if o.label):
            if second.language:
                continue  # a choice of language ("På svenska", "In English") is no task to confuse
            # A universal option is confusable only with one asking for the same function.
            candidates = sorted(found for (_, function), alike in earlier.items() if function == second_function
                                and (found := alike.first_apart_from(second)) is not None)
            for _, first in candidates:
                verdict = language.relate(first.label, second.label, similarity)
                if not verdict.confusable or _the_rest(language, node, first, second):
                    continue
                yield Problem(
                    second.label_span or second.span, node.id,
                    f"labels {quote(first.label)} (key {quote(first.key)}) and {quote(second.label)} "
                    f"(key {quote(second.key)}) in {quote(node.id)} could be confused: "
                    f"{verdict.explain(first.label, second.label)}",
                    "name each option by a different task in the words callers use, "
                    "or merge them into one option",
                )
                reported.add(second.key)
                break  # one finding an option: K alike options would otherwise make K*K/2
            if i < COMPARED:
                earlier.setdefault((second.label, second_function), _Alike(i, second)).add(i, second)
        yield from _one_task_twice(node, line, language, reported)


def _one_task_twice(node: Node, line: LineAnalysis, language: Language, reported: set[str]) -> Iterator[Problem]:
    """Two task options to one place whose labels name one task ("Billing", "Payments and financial
    assistance"): nobody is misrouted, but a caller with a bill hears two options for it and
    hesitates, and the menu is one option longer than its tasks. Sounding alike is no reason here."""
    by_place: dict[str, list[Option]] = {}
    for option in node.options:
        # keys only: a spoken word ("bookings") beside key 1 "Bookings" is that option said, not a second one
        if option.label and option.target and option.is_dtmf and not option.language \
                and option.key not in reported and universal_function(node, option, line) is None:
            by_place.setdefault(option.target.ref, []).append(option)
    for options in by_place.values():
        for i, second in enumerate(options[1:COMPARED], start=1):
            first = next((o for o in options[:i] if language.relate(o.label, second.label).kind in (SAME, CONTAINS)
                          and not _the_rest(language, node, o, second)), None)
            if first is None:
                continue
            verdict = language.relate(first.label, second.label)
            yield Problem(
                second.label_span or second.span, node.id,
                f"labels {quote(first.label)} (key {quote(first.key)}) and {quote(second.label)} (key "
                f"{quote(second.key)}) in {quote(node.id)} name one task and lead to the same place "
                f"{quote(second.target.ref)}: {verdict.explain(first.label, second.label)}, so callers "
                "hesitate between two options that do the same",
                "merge them into one option, with the other wording as a `say:` phrase",
            )


def _the_rest(language: Language, node: Node, *options: Option) -> bool:
    """Whether one of the options is offered as the rest of the others, by its label or its prompt
    clause ("Muusta viasta ilmoittamiseen, paina 2" after urgent faults on 1): a caller hears
    the two as exclusive."""
    clauses = {o.key: o.function(node.prompt) for o in language.offers(node.prompt)} if node.prompt else {}
    words = language.label_words
    return any(words.names_the_rest(o.label or "") or words.names_the_rest(clauses.get(o.key, ""))
               for o in options)


class _Alike:
    """Earlier options with one label and function: the first, and the first leading elsewhere.

    Options of one label are judged alike against any other, so the first of them that may be
    compared (one leading to another place) stands for all: a menu of thousands of options
    that share a label is compared once per option, not once per pair.
    """

    def __init__(self, index: int, option: Option) -> None:
        self.first = (index, option)
        self.elsewhere: tuple[int, Option] | None = None

    def add(self, index: int, option: Option) -> None:
        if self.elsewhere is None and _apart(option, self.first[1]):
            self.elsewhere = (index, option)

    def first_apart_from(self, option: Option) -> tuple[int, Option] | None:
        """The earliest of these options that does not lead where `option` leads."""
        return self.first if _apart(self.first[1], option) else self.elsewhere


def _apart(one: Option, other: Option) -> bool:
    """Whether two options may be compared: not both leading to the same place (picking either is right)."""
    return not (one.target and other.target and one.target.ref == other.target.ref)


def universal_function(node: Node, option: Option, line: LineAnalysis) -> str | None:
    """The universal function an option serves (repeat, back, main menu, person), or None for a task."""
    ref = option.target.ref if option.target else None
    if ref in ("repeat", node.id):
        return "repeat"
    if ref == "back":
        return "back"
    if ref is not None and ref in line.opening_menus and ref != node.id:
        return "main menu"
    asked = line.asks_for(option.label or "")
    if asked is None and option.key == "0" and aims_at_person(line.menu, line, node.id, option):
        # 0 is the key for a person (ISO/IEC 13714): "Billing representative" on 0 beside "Make
        # a payment" is the way to a person of that department, not a second payment task
        return "person"
    return asked

