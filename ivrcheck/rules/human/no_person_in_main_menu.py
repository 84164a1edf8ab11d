"""The main menu offers no person among its options.

## What it checks
On a line that declares `line:` (an audited line), the first menu callers hear must have an
option that reaches a person with no further choice while the line is open. When that menu
only chooses the language (besides a repeat or a person), the menu each language leads to
is the main menu and is checked instead, and so is the menu behind a greeting callers may let
pass ("Welcome. Suomeksi, paina 7. If your card is lost, press 1 now", whose silence and wrong keys
go on to the line proper: a blind judge called the warning on such a greeting false, "welcome is
the greeting, not the main menu"): a language option is one with `language:` or a label
that names a language and nothing else ("På svenska", "In English"), and the menu a caller
who waits is moved on to ("Suomeksi, odota hetki") is the default language's main menu. A person offered only in a sub-menu,
or only after errors, does not count. An option that hands the call to a `transfer` with
`human: unknown` is not reported: whether a person answers there is not in the file.

## Why it matters
Spain's Ley 10/2025 on customer service (art. 8) asks that the phone channel offer a person
among the options of its main menu, and that automatic answering never be the only means.
A caller who must first guess the right sub-menu, or fail on purpose, to reach someone is
the pattern the law forbids. See docs/profiles/es-ley-10-2025.md.

## Example
```yaml
entry: main
line: {country: ES, consumers: true}
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  main:
    prompt: For invoices, press 1. For other matters, press 2.
    options:
      "1": {label: Invoices, goto: invoices}
      "2": {label: Other matters, goto: other}
  invoices: {type: self_service}
  other:
    prompt: To speak to an advisor, press 0.
    options:
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent}
```

## Use instead
```yaml
entry: main
line: {country: ES, consumers: true}
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  main:
    prompt: For invoices, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Invoices, goto: invoices}
      "0": {label: Advisor, goto: advisor}
  invoices: {type: self_service}
  advisor: {type: agent}
```

## Settings
None. Quiet on a line without `line:`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.model import Menu, Node
from ivrcheck.rules.base import Settings, chooses_language, language_menu, quote

if TYPE_CHECKING:
    from ivrcheck.graph import Analysis, LineAnalysis

CODE = "H210"
NAME = "no-person-in-main-menu"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "human_access"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    if menu.line is None:
        return
    analysis = line.open
    for node in main_menus(menu, analysis):
        if any(analysis.option_reaches_human(node.id, o.key, live_only=True)
               or analysis.option_reaches_unknown(node.id, o.key) for o in node.options):
            continue  # a hand-off of unknown answerer may be the person: no claim either way
        yield Problem(node.span, node.id, f"the main menu {quote(node.id)} offers no person among its options",
                      'add an option such as `"0": {label: Speak to an advisor, goto: advisor}` and say it '
                      "in the prompt")


def _chooses_language(node: Node, analysis: Analysis) -> bool:
    """A menu whose choices are languages, next to a repeat or a person at most."""
    return any(chooses_language(o) for o in node.options) and all(
        chooses_language(o) or (o.target is not None and o.target.ref in ("repeat", node.id))
        or analysis.option_reaches_human(node.id, o.key, live_only=True) for o in node.options)


def main_menus(menu: Menu, analysis: Analysis) -> list[Node]:
    """The menus a call opens on; a menu that only chooses the language (besides a repeat or a
    person), or a greeting callers may let pass (`Menu.lets_pass`: "Welcome. Suomeksi, paina 7. If
    your card is lost, press 1 now", silence going on to the line proper), hands over to the menus its
    language options and its silence open on, in file order."""
    found: dict[str, Node] = {}
    for menu_id in sorted(analysis.opening_menus, key=list(menu.nodes).index):
        node = menu.nodes[menu_id]
        passes = menu.lets_pass(node)  # a greeting with extras (another language, an urgent key), then the line
        if passes or _chooses_language(node, analysis):
            # Each language's menu, and the default one a caller who waits is moved on to.
            refs = [o.target.ref for o in node.options if chooses_language(o) and o.target is not None]
            if (passes or language_menu(menu, node)) and node.on_timeout is not None:
                refs.append(node.on_timeout.ref)
            for ref in refs:
                routed = analysis.routed_from(ref)
                first = next((menu.nodes[n] for n in routed if n in menu.nodes and menu.nodes[n].is_menu), None)
                if first is not None and first.id != node.id:
                    found.setdefault(first.id, first)
        else:
            found.setdefault(node.id, node)
    return list(found.values())
