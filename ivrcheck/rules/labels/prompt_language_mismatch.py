"""A caller hears the wrong language: a language option announced in another, or a node after the choice.

## What it checks
In a line that serves several languages (options and nodes with `language:`), two
things. An option for another language must be announced in that language, not in the
menu's: "På svenska, tryck 9", not "Ruotsiksi paina 9"; "For English, press 3", not
"Englanniksi paina 3" (the words around the option's key are read with every language's
small words, spoken numerals and words for "press"). And a node reached after the caller
chose a language (an option with `language:`, on some path in some schedule state) must
speak it, as must a node that declares `language:` (also a `closed:` message of a person
callers reach, heard when the person closes during the call, as S102 counts it). A prompt's language is judged by
its small words and numerals ("och", "tryck", "ett"; "ja", "paina", "yksi"); a prompt
too short to tell (names and digits) is not judged, and neither are menus that offer a
choice of language, which speak several by design. An option is a choice of language
also when its label names one and nothing else ("På svenska", "Para español"); an option
for a language ivrcheck cannot read ("Per a català, premeu 8") is left to L307, unless it
is announced in the menu's own words, which ivrcheck does read ("For French, press 9" in an
English menu: whatever French sounds like, this is not it). A wrong
way into the other language's nodes is reported once, at the first node callers who chose
a language hear in the wrong one (an English input whose `after_retries` goes to the
Swedish queue: the queue is reported, not its closed message, callback and goodbye after
it); a second way in from a node in the right language is reported where it enters.

## Why it matters
An option for Swedish speakers announced in Finnish is lost on exactly the callers it is
for: they do not know "ruotsiksi", and wait for a choice that has already passed. And a
caller who chose Swedish and is then addressed in Finnish has been told the choice did
not count. In Finland public services must serve Finnish and Swedish speakers in their
own language (Language Act 423/2003); contact-centre practice announces each language
option in its own language.

## Example
```yaml
language: fi
entry: main
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: neuvonta}
nodes:
  main:
    prompt: Tervetuloa. Ruotsiksi paina 9. Neuvontaan paina 1.
    options:
      "9": {label: Svenska, goto: svenska, language: sv}
      "1": {label: Neuvonta, goto: neuvonta}
  svenska:
    type: message
    prompt: Kiitos, että soitit. Yhdistämme puhelusi neuvontaan.
    next: radgivning
  neuvonta: {type: agent, announces_wait: true}
  radgivning: {type: agent, announces_wait: true, language: sv}
```

## Use instead
```yaml
language: fi
entry: main
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: neuvonta}
nodes:
  main:
    prompt: Tervetuloa. På svenska, tryck 9. Neuvontaan paina 1.
    options:
      "9": {label: Svenska, goto: svenska, language: sv}
      "1": {label: Neuvonta, goto: neuvonta}
  svenska:
    type: message
    language: sv
    prompt: Tack för att du ringer. Vi kopplar ditt samtal till rådgivningen.
    next: radgivning
  neuvonta: {type: agent, announces_wait: true}
  radgivning: {type: agent, announces_wait: true, language: sv}
```

## Settings
None.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.language import detect, load_language, name_of, reads
from ivrcheck.model import Menu, Node, Option
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "L306"
NAME = "prompt-language-mismatch"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "wording"

_SENTENCE = re.compile(r"[^.!?]*[^\W\d_][^.!?]*[.!?]*")


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    found: list[tuple[Problem, str | None]] = []  # each finding, and the chosen language it is about
    for node in menu.nodes.values():
        # A closed message behind a person callers reach is heard when the person closes mid-call,
        # even where no schedule state reaches it from the entry: it must speak its language too.
        heard = node.id in line.reachable or (node.language is not None and node.id in line.fallbacks)
        if not heard or not node.prompt:
            continue
        own = node.language or menu.language
        choosing = [o for o in node.options if o.language and o.language != own]
        for option in choosing:
            found.extend((problem, None) for problem in _announced(node, option, own, line))
        if not any(o.language for o in node.options):
            found.extend(_spoken(menu, node, line))
    wrong = {(problem.node_id, chosen) for problem, chosen in found if chosen}
    for problem, chosen in found:
        if chosen is None or _entered(menu, line, problem.node_id or "", chosen, wrong):
            yield problem


def _entered(menu: Menu, line: LineAnalysis, node_id: str, language: str, wrong: set[tuple[str, str]]) -> bool:
    """Whether callers who chose `language` come into `node_id` from outside the nodes already
    reported for it: one wrong way into the other language's menus ("after_retries" of an English
    input to a Swedish queue) is reported where it starts, not again at every node after it."""
    for analysis in line.states.values():
        chosen = analysis.language_chosen
        seen: set[str] = {node_id}

        def inside(source: str) -> bool:  # already wrong, or promptless and only reached from the wrong part
            if (source, language) in wrong or source in seen:
                return True
            seen.add(source)
            node = menu.nodes.get(source)
            return node is not None and not node.prompt and bool(analysis.edges_into(source)) and all(
                inside(s) for s, _ in analysis.edges_into(source) if language in chosen.get(s, {}))

        choices = {menu_id for menu_id, _ in chosen.get(node_id, {}).get(language, ())}
        if any(source in choices or (language in chosen.get(source, {}) and not inside(source))
               for source, _ in analysis.edges_into(node_id)):
            return True
    return False


def _announced(node: Node, option: Option, own: str, line: LineAnalysis) -> Iterator[Problem]:
    """An option for another language, announced in the menu's language instead of its own."""
    offer = next((o for o in line.language.offers(node.prompt) if o.key == option.key), None)
    if offer is None:
        return  # never announced: P401's finding
    prompt = node.prompt or ""
    clause = prompt[offer.start:offer.ready]
    if not reads(option.language):
        # How French should sound ivrcheck cannot say (L307), but "For French, press 9" is English.
        heard = detect(clause, least=2)
        if heard is not None and heard == load_language(own).code:
            yield Problem(node.prompt_span or node.span, node.id,
                          f'option {quote(option.key)} of {quote(node.id)} is for {name_of(option.language or "")} '
                          f'speakers ({quote(option.label or option.key)}) but is announced in {name_of(heard)}: '
                          f'"{" ".join(clause.split())}"',
                          f"announce it in its own language, in the words its speakers know")
        return
    # What tells callers the option is theirs is its function ("På svenska", "Ruotsiksi"):
    # judge that first, then the whole clause with its verb.
    function = prompt[offer.match.end():offer.ready] if offer.key_first else prompt[offer.start:offer.match.start()]
    wanted = option.language or own
    heard = detect(function, least=1) or detect(clause, least=1)
    offered_in_own_words = any(o.key == option.key for o in load_language(wanted).prompt_words.offers(clause))
    if heard == load_language(wanted).code or (heard is None and offered_in_own_words):
        return
    heard = heard or own
    example = load_language(wanted).caller_words.option_example.format(key=option.key)
    yield Problem(node.prompt_span or node.span, node.id,
                  f'option {quote(option.key)} of {quote(node.id)} is for {name_of(wanted)} speakers '
                  f'but is announced in {name_of(heard)}: "{" ".join(clause.split())}"',
                  f'announce it in its own language: "{example}"')


def _spoken(menu: Menu, node: Node, line: LineAnalysis) -> Iterator[tuple[Problem, str | None]]:
    """A sentence in another language than the one the node declares, or the caller chose on the way."""
    if node.language:
        expected = {node.language: f"{quote(node.id)} declares {name_of(node.language)}"}
    else:
        chosen: dict[str, set[tuple[str, str | None]]] = {}
        for analysis in line.states.values():
            for language, origins in analysis.language_chosen.get(node.id, {}).items():
                chosen.setdefault(language, set()).update(origins)
        expected = {}
        for language, origins in sorted(chosen.items()):
            menu_id, key = min(origins, key=lambda o: (menu.nodes[o[0]].span.line, o[1] or ""))
            expected[language] = (f"callers who chose {name_of(language)} (key {quote(key or '')} in "
                                  f"{quote(menu_id)}) reach {quote(node.id)}")
    for language, who in expected.items():
        if load_language(language).code != language.split("-")[0]:
            continue  # a language ivrcheck has no words for
        found = next(((s, d) for s in _SENTENCE.findall(node.prompt or "")
                      if (d := detect(s, least=1)) not in (None, load_language(language).code)), None)
        if found is None:
            continue
        sentence, spoken = found
        help_text = (f"translate the prompt, or correct `language:` of {quote(node.id)}" if node.language else
                     f"give {name_of(language)} callers their own {node.type.value} with `language: {language}`, "
                     "or translate this one")
        yield Problem(node.prompt_span or node.span, node.id,
                      f'{who}, but its prompt speaks {name_of(spoken)}: "{" ".join(sentence.split())}"',
                      help_text), None if node.language else language
