"""An option whose key the menu's prompt never mentions.

## What it checks
Reads each menu's prompt in the file's `language` and finds where it offers keys: "press
1", "for loans press two", "press star", "paina 1", "valitse yksi", "paina tähteä", with
digits written as numerals or as words, and keys listed after or before their function
without a verb, as compact prompts do ("Laskut: 1.", "Handläggare – 0", "1: Cards.").
Every key option must be offered. A universal key (`0`, `*`, `#`) bound in a menu past the
first ones, for the same function (repeat, back, the main menu, a person) that one of the
line's first menus announces for it, gets an **info**, not a warning: many lines teach "press
star to hear the options again" once and bind it silently in every submenu, and blind judges
of the trust corpus called all such warnings false or arguable (round five: 11 on the test half).
The same key doing something the first menus never taught is still a warning. A
`dial_by_extension` option counts as offered by a phrase such as "if you know the
extension, dial it now" or "jos tiedät alanumeron, näppäile se", and by one that asks
for a number of the caller's own ("if you know the ward's three-digit number, enter it
now", "slå in det nu"). A key that leads where waiting and any other key lead too ("We'll
now connect you", "1" a shortcut) hides no choice and is not reported. A speech-only option
has no key to announce and is left to R506 (no-keypad-fallback). An option that switches
to a language ivrcheck cannot read ("Für Deutsch, drücken Sie 3") is not reported: L307
says what was not read. The fix is written in the language of the prompt it changes ("To
speak to an advisor, press 0." in an English menu of a Finnish line), and for a choice
of language in that language ("Para español, pulse 9.").

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

## When it warns, and when it only informs
It warns when the prompt does not name the key at all. Designers name keys in more ways than
a verb list holds: "Appointments are option two", "Billing: 1. Sales: 2.", "1 for cards",
"Kundtjänst når du på noll", "Tarjetas, opción uno". Where the prompt names the key as a
choice without an offer ivrcheck reads (after a word such as "option", "numero", "alternativ"
or "opción"; before a clause mark; or before a word that opens a function, "for", "för",
"para"), the finding is info, asking to check that the prompt says what the key is for: the
reading is unsure, and "never announced" would be false. Hours and phone numbers ("open 8 to 6",
"0800 123 400", "8–16") name no key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Finding, Fix, Problem, Severity, Span
from ivrcheck.language import EXTENSION, load_language, reads
from ivrcheck.model import UNIVERSAL_KEYS, Menu, Node, Option
from ivrcheck.rules.edits import Source, append_sentence
from ivrcheck.rules.base import Settings, quote, universal_function

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
        named = language.named(node.prompt)
        for option in node.options:
            key = EXTENSION if option.kind == "extension" else option.key
            if option.kind == "speech" or key in offered or (option.language and not reads(option.language)):
                continue  # an offer in a language ivrcheck cannot read is L307's to mention
            if key == EXTENSION and language.asks_for_number(node.prompt):
                continue  # "if you know the ward's number, enter it now" offers the dialling
            if _any_key_does_it(node, option):
                continue
            what = "dial-by-extension" if key == EXTENSION else f"option {quote(key)}"
            called = f" ({quote(option.label)})" if option.label else ""
            if key in named:  # "Appointments are option two": said, in words the reader does not know
                yield Problem(
                    option.span, node.id,
                    f"{what}{called} in {quote(node.id)} is named in the prompt, but not in words ivrcheck reads "
                    "as an offer; check that the prompt says what the key is for",
                    f"if it does not, add {quote(_example(line, node, option, key))} to the prompt",
                    severity=Severity.INFO)
                continue
            taught, teacher = _taught(line, node, option)
            if taught is not None:  # "*" to repeat, taught once in the main menu and bound in every menu
                yield Problem(
                    option.span, node.id,
                    f"{what}{called} in {quote(node.id)} is not announced here; the line teaches {quote(key)} for "
                    f"{taught} in {quote(teacher or '')}",
                    f"callers who did not hear that menu need {quote(_example(line, node, option, key))} here too",
                    severity=Severity.INFO)
                continue
            heard = (f"the prompt of {quote(node.id)} never offers it" if node.prompt
                     else f"{quote(node.id)} has no prompt")
            yield Problem(
                option.span, node.id,
                f"{what}{called} in {quote(node.id)} is never announced: {heard}, so callers cannot know it exists",
                f"add {quote(_example(line, node, option, key))} to the prompt, or remove the option",
            )


def _taught(line: LineAnalysis, node: Node, option: Option) -> tuple[str | None, str | None]:
    """The navigation function ("repeat", "a person") of a universal key (0, *, #) that one of the line's
    first menus announces for that same function, and that menu: lines teach such keys once and bind
    them in every menu, and blind judges of the trust corpus called "never announced" there false or
    arguable. (None, None) for any other option."""
    if option.key not in UNIVERSAL_KEYS or node.id in line.opening_menus:
        return None, None
    function = universal_function(node, option, line)
    if function is None:
        return None, None
    for menu_id in sorted(line.opening_menus):
        first = line.menu.nodes.get(menu_id)
        if first is None or option.key not in {o.key for o in line.language.offers(first.prompt)}:
            continue
        same = next((o for o in first.options if o.key == option.key), None)
        if same is not None and universal_function(first, same, line) == function:
            return function, menu_id
    return None, None


def _any_key_does_it(node: Node, option: Option) -> bool:
    """Whether the option leads where waiting and any other key lead too ("We'll now connect
    you", with "1" as a shortcut): it hides no choice, so there is nothing to announce."""
    ends = (option.target, node.on_timeout, node.on_invalid)
    return all(t is not None for t in ends) and len({t.ref for t in ends}) == 1  # type: ignore[union-attr]


def _example(line: LineAnalysis, node: Node, option: Option, key: str) -> str:
    """How the prompt could offer the option, in the words of its language: a choice of
    language in that language ("Para español, pulse 9."), any other in the prompt's."""
    if option.language and reads(option.language):
        return load_language(option.language).caller_words.option_example.format(key=key)
    return line.speaks(node).offer_example(option.label, key)


#: The last menu's options by span: a menu's findings come together, and a scan per finding
#: was quadratic on a menu with thousands of options.
_LAST: list[tuple[Node, dict[Span, Option]]] = []


def _options_by_span(node: Node) -> dict[Span, Option]:
    if not _LAST or _LAST[0][0] is not node:
        _LAST[:] = [(node, {o.span: o for o in node.options})]
    return _LAST[0][1]


def fix(finding: Finding, menu: Menu, line: LineAnalysis, source: Source) -> Fix | None:
    """Announce the option at the end of the prompt, in the words of its language, with its own label."""
    node = menu.nodes.get(finding.node_id or "")
    option = _options_by_span(node).get(finding.span) if node is not None else None
    if node is None or option is None or not option.label or option.kind != "dtmf" \
            or option.key in line.language.named(node.prompt):  # said already, in words not read: a person looks
        return None
    sentence = _example(line, node, option, option.key)
    edit = append_sentence(source, node, sentence)
    return Fix(f"announce {quote(option.key)}: {sentence}", (edit,)) if edit is not None else None
