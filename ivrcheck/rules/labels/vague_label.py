"""An option label that names no task, such as "Other" or "Muut asiat".

## What it checks
Every option label in the file's `language`. A label is vague when every word in it,
after stop words are dropped and words reduced to their stems, is on the language's
list of vague words: "Other", "More options", "General enquiries", "All other
questions", "Muut asiat", "Yleiset kysymykset", "Lisää vaihtoehtoja". A label with one
word that names a task passes: "Account information", "Customer service",
"Muuttoasiat". The list is data (`vague:` in ivrcheck/language/en.yaml, fi.yaml), see
docs/languages.md.

Not reported: a closing choice, an option that takes the caller back up to a menu they
came through or ends the call ("Something else" after the outage notice, "Anything else"
in a closing menu, "That's all" to goodbye). The graph decides, not the words: the
tasks such a choice covers are named in the menu it leads back to, and a goodbye covers
none. The same words on an option that leads to a team of its own are reported.

## Why it matters
Callers choose by matching their goal against the words they hear. A label such as
"Other enquiries" matches every goal a little and none well, so callers either pick it
as a catch-all (and land with an untrained team) or sit through the whole menu again.
IVR design guidance (the ACIxD wiki's rule that each label must exactly represent its
task; Avaya's menu guidelines) asks for labels in the caller's own terms.

## Example
```yaml
language: fi
entry: main
nodes:
  main:
    prompt: Laskutusasioissa paina 1. Muissa asioissa paina 2.
    options:
      "1": {label: Laskutus, goto: billing}
      "2": {label: Muut asiat, goto: advisor}
  billing: {type: agent, queue: laskutus}
  advisor: {type: agent}
```

## Use instead
```yaml
language: fi
entry: main
nodes:
  main:
    prompt: Laskutusasioissa paina 1. Muuttoilmoitukset paina 2. Asiakaspalvelijalle paina 0.
    options:
      "1": {label: Laskutus, goto: billing}
      "2": {label: Muuttoilmoitukset, goto: moving}
      "0": {label: Asiakaspalvelija, goto: advisor}
  billing: {type: agent, queue: laskutus}
  moving: {type: self_service}
  advisor: {type: agent}
```

## Settings
None. The vague words are per language, in ivrcheck/language/*.yaml.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.graph.build import CHOICE
from ivrcheck.model import Menu, Node, NodeType, Option
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import Analysis, LineAnalysis

CODE = "L302"
NAME = "vague-label"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "wording"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    is_vague = cache(line.language.label_words.is_vague)  # once per distinct label, not per option
    for node in menu.nodes.values():
        for option in node.options:
            if option.label and is_vague(option.label) and not _closing(node, option, line):
                yield Problem(
                    option.label_span or option.span, node.id,
                    f"label {quote(option.label)} of key {quote(option.key)} in {quote(node.id)} names no task, "
                    "so callers cannot tell whether their reason for calling belongs there",
                    "name the tasks it covers in the caller's words (\"Moving home or changing address\"), "
                    "or offer a person instead",
                )


def _closing(node: Node, option: Option, line: LineAnalysis) -> bool:
    """Whether an option only takes callers back up (to a main menu of the line, or a menu fewer key
    presses from the entry, which they came through), ends the call, or leads to a closing menu whose
    every choice does, in every state it is heard in."""
    found = False
    for analysis in line.states.values():
        for target, attrs in analysis.edges_from(node.id):
            if attrs["kind"] not in CHOICE or attrs.get("press") != option.key:
                continue
            if not _winds_up(line, analysis, node.id, target, {node.id}):
                return False
            found = True
    return found


def _winds_up(line: LineAnalysis, analysis: Analysis, source: str, target: str, seen: set[str]) -> bool:
    here, there = analysis.steps.get(source), analysis.steps.get(target)
    # Back to a main menu (reached with no key pressed) or up to a menu nearer the entry.
    if target in line.opening_menus or there == 0 or (here is not None and there is not None and there < here):
        return True
    node = line.menu.nodes.get(target)
    while node is not None and node.type is NodeType.MESSAGE and node.next is not None and node.id not in seen:
        seen.add(node.id)
        node = line.menu.nodes.get(node.next.ref)
    if node is None or node.id in seen - {source}:
        return False
    if node.type is NodeType.HANGUP or (node.type is NodeType.MESSAGE and node.next is None):
        return True
    if node.type is not NodeType.MENU or not node.options:
        return False
    seen.add(node.id)
    # A closing menu: every choice winds up too, but for 0 to a person ("anything else? ... or press 0").
    return all(_winds_up(line, analysis, node.id, t, seen) or (a.get("press") == "0" and _is_person(analysis, t))
               for t, a in analysis.edges_from(node.id) if a["kind"] in CHOICE and t != node.id)


def _is_person(analysis: Analysis, node_id: str) -> bool:
    node = analysis.nodes.get(node_id)
    return node is not None and node.is_person
