"""Options or messages that pile up abbreviations callers may not know, such as "FTTH, ONT and LOS alarm issues".

## What it checks
The words of every menu option (its label, its `say:` phrases and the words that offer its
key in the prompt) and the prompt of every node without options, read in the language the
node speaks. An abbreviation is a word of two to six capitals ("ONT", "SPP" in "SPP-poli",
"CFDI"). Not counted: one every caller of the language knows (PIN, ID, SMS, SIM, TV in
English; DNI, NIE, IVA in Spanish: `caller: abbreviations` in the language file, see
docs/languages.md), a small word in capitals ("IT" in an English line), a unit after a number
("2 GB a day"), a roman numeral, and one the line explains: the words it stands for next to
it ("CDW, the collision damage waiver"; a compound right beside it that holds its letters in
order, "Lapsivuodeosasto (LVO)"), or its letters spelled out ("labelled G P R N"), or one in
the line's own name (its `name:`, and a first sentence that offers no key: "Welcome to
Riverside BMW and MINI.").

A **warning** when the unknown abbreviations pile up: `per_option` (2) or more in one option
("For HR and ESR, press 4"), `per_menu` (3) or more among the options of one menu (ÄPKL, LVO and
SPP on three options), or `per_menu` or more in one message. And a warning when an input asks
for a number by an unknown abbreviation ("key in the six-digit PMS patient ID") and never says
where the caller finds it ("You'll find it on your bill": `caller: found_on` in the language
file); a clause that opens with a purpose or condition ("For ISA enquiries, key in your account
number") does not name the number. One or two abbreviations spread
over a menu are often names callers are told and use (a "WIC" programme, "Wi-Fi or VPN" on an
IT desk): two over a menu or a message are **info**, one is not reported. Jargon without
capitals ("verotusmenettelyasiat", "käyttöpaikan vaihto") is not found: that needs knowing
which everyday words callers use, and no word list says it.

## Why it matters
Callers choose by matching their own words against the labels they hear. An abbreviation
the caller does not know matches nothing, so they guess, wait for a person, or call back,
and a menu of several of them leaves only the options they can read. Plain-language
guidance for public services (the UK Government Digital Service's style guide, the EU's
"How to write clearly") asks for abbreviations to be spelled out or avoided, and IVR design
guidance asks for labels in the caller's terms, not the organisation's.

## Example
```yaml
language: en
entry: main
nodes:
  main:
    prompt: For FTTH, ONT and LOS alarm issues, press 1. For billing, press 2.
    options:
      "1": {label: "FTTH, ONT and LOS alarm issues", goto: faults}
      "2": {label: Billing, goto: billing}
  faults: {type: agent}
  billing: {type: agent}
```

## Use instead
```yaml
language: en
entry: main
nodes:
  main:
    prompt: If your internet is not working or is slow, press 1. For billing, press 2.
    options:
      "1": {label: Internet not working or slow, goto: faults}
      "2": {label: Billing, goto: billing}
  faults: {type: agent}
  billing: {type: agent}
```

## Settings
- `per_option` (2): unknown abbreviations in one option that make a warning.
- `per_menu` (3): unknown abbreviations among one menu's options, or in one message, that make a
  warning; two are info.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.language.abbreviations import Explained, says_where, used
from ivrcheck.model import Menu, Node, NodeType
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis
    from ivrcheck.language import Language

CODE = "L308"
NAME = "jargon-label"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {"per_option": 2, "per_menu": 3}
PART = "wording"

#: Where a prompt's clauses end: a name of what is asked for stays within one.
_CLAUSE = re.compile(r"[,;:.!?]")
#: The nodes a line's first prompt may greet callers in (an input's first sentence asks for something).
_GREETS = frozenset({NodeType.MESSAGE, NodeType.MENU})
_SENTENCE = re.compile(r"[^.!?]*[.!?]?")
_HELP = ("say what the caller has or wants in everyday words (\"If your internet is not working\"), "
         "or say once what each abbreviation stands for")


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    explained = Explained(_texts(menu), _own_name(menu, line))
    per_option, per_menu = int(settings["per_option"]), int(settings["per_menu"])
    for node in menu.nodes.values():
        language = line.speaks(node)
        if node.options:
            found = _in_options(node, language, explained)
            many = _ordered(node, found)
            sure = len(many) >= per_menu or any(len(option) >= per_option for option in found.values())
        else:
            found, many = {}, _unknown(node.prompt, language, explained)
            sure = len(many) >= per_menu
            if node.type is NodeType.INPUT and (named := _names_the_item(node.prompt, many, language)):
                yield _input_problem(node, named)
                continue
        if len(many) >= 2:
            yield _problem(node, many, found, sure)


def _texts(menu: Menu) -> Iterator[str | None]:
    for node in menu.nodes.values():
        yield node.prompt
        for option in node.options:
            yield option.label
            yield from option.say


def _own_name(menu: Menu, line: LineAnalysis) -> str:
    """The line's name as callers hear it first: the file's `name:` and the first sentence of the
    first prompt when it offers no key and more follows ("Welcome to Riverside BMW and MINI.")."""
    entry = menu.nodes.get(menu.entry.ref)
    greeting = (entry.prompt or "") if entry is not None and entry.type in _GREETS else ""
    first = _SENTENCE.match(greeting)
    heard = first.group() if first else ""
    offers = line.speaks(entry).offers(greeting) if entry is not None and entry.options else ()
    if any(o.match.start() < len(heard) for o in offers) or any(c.isdigit() for c in heard) \
            or not greeting[len(heard):].strip():
        heard = ""  # it offers a key, in words read or not ("Billing, 1."), or it is all the prompt says
    return " ".join(t for t in (menu.name, heard) if t)


def _unknown(text: str | None, language: Language, explained: Explained) -> list[str]:
    return [a for a in used(text, language.caller_words, language.label_words) if not explained.explains(a)]


def _in_options(node: Node, language: Language, explained: Explained) -> dict[str, list[str]]:
    """Each option's unknown abbreviations (label, `say:` and the words offering its key), by key."""
    offers = language.offers(node.prompt)
    found: dict[str, list[str]] = {}
    for option in node.options:
        offered = [o.function(node.prompt) for o in offers if o.key == option.key] if node.prompt else []
        text = " ".join([option.label or "", *option.say, *offered])
        if unknown := _unknown(text, language, explained):
            found[option.key] = unknown
    return found


def _names_the_item(prompt: str | None, unknown: list[str], language: Language) -> list[str]:
    """The unknown abbreviations in the name of what an input asks for ("key in the six-digit PMS
    patient ID"), when the prompt never says where the caller finds it. A clause that opens with
    a condition or a purpose ("For ISA enquiries, key in your account number") names no item."""
    if not prompt or not unknown or says_where(prompt, language.caller_words) is not False:
        return []
    openers = language.prompt_words.openers
    asked = [c for c in _CLAUSE.split(prompt) if c.split() and c.split()[0].lower() not in openers]
    return [a for a in unknown if any(re.search(rf"(?<!\w){re.escape(a)}(?!\w)", c) for c in asked)]


def _ordered(node: Node, found: dict[str, list[str]]) -> list[str]:
    seen: list[str] = []
    for option in node.options:
        seen += [a for a in found.get(option.key, ()) if a not in seen]
    return seen


def _input_problem(node: Node, named: list[str]) -> Problem:
    names = ", ".join(quote(a) for a in named)
    return Problem(
        node.prompt_span or node.span, node.id,
        f"the prompt of {quote(node.id)} asks for a number by an abbreviation callers may not know, {names}, "
        "and never says what it stands for or where to find it, so a caller cannot tell which of their numbers it is",
        "name the number as the caller knows it (\"the patient number on your admission slip\"), or say where it is "
        "printed",
    )


def _problem(node: Node, abbreviations: list[str], found: dict[str, list[str]], sure: bool) -> Problem:
    first = next((o for o in node.options if o.key in found), None)
    span = (first.label_span or first.span) if first is not None else (node.prompt_span or node.span)
    names = ", ".join(quote(a) for a in abbreviations)
    where = f"the options of {quote(node.id)} use" if node.options else f"the prompt of {quote(node.id)} uses"
    unsure = "" if sure else " (two only: they may be names the line's callers are told and use)"
    return Problem(
        span, node.id,
        f"{where} abbreviations callers may not know, {names}, and the line never says what they stand for, "
        f"so a caller cannot match their own reason for calling to them{unsure}",
        _HELP, severity=None if sure else Severity.INFO,
    )
