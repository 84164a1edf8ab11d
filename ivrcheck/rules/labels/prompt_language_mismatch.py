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
it; a Finnish caller sent to the English closed menu: the closed menu, not the main menu
it leads back to); a second way in from a node in the right language is reported where it
enters.

It warns where callers who chose the language meet the node on the ways they normally
go: their choices, the line's routing and schedules, a full queue moving them on, or a
timeout or wrong keys that lead straight into it (the `after_retries` above: the fix is
that one line). It only informs where they meet it after a failure *and* a step more (a
silence sends them to a queue without a prompt, which then closes into a message in the
other language), and for a goodbye of three words or fewer before hanging up
("Kiitos soitostasi."), which tells the caller nothing they need.

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

import dataclasses
import re
from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.graph.build import SILENT
from ivrcheck.graph.walks import descendants
from ivrcheck.language import detect, load_language, name_of, reads
from ivrcheck.model import Menu, Node, NodeType, Option
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "L306"
NAME = "prompt-language-mismatch"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "wording"

#: A hang-up whose prompt has at most this many words is a goodbye ("Kiitos soitostasi."): info only.
_FAREWELL = 3
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
    wrong: dict[str, set[str]] = {}
    for problem, chosen in found:
        if chosen:
            wrong.setdefault(chosen, set()).add(problem.node_id or "")
    entered = {language: _entered(menu, line, language, frozenset(ids)) for language, ids in wrong.items()}
    for problem, chosen in found:
        if chosen is None:
            yield problem
            continue
        normal, later = entered[chosen]
        node = menu.nodes[problem.node_id or ""]
        if node.id not in normal and node.id not in later:
            continue  # met only through another node reported for this language
        if node.type is NodeType.HANGUP and len((node.prompt or "").split()) <= _FAREWELL:
            yield dataclasses.replace(problem, severity=Severity.INFO, message=(
                f"{problem.message}; a goodbye of a few words, which tells the caller nothing they need"))
        elif node.id in normal:
            yield problem
        else:  # a failure, then a closed desk or a full queue: info
            yield dataclasses.replace(problem, severity=Severity.INFO, message=(
                f"{problem.message}; only after a silence or wrong keys and a step more"))


def _entered(menu: Menu, line: LineAnalysis, language: str, wrong: frozenset[str]) -> tuple[set[str], set[str]]:
    """The nodes of `wrong` that callers who chose `language` come into before any other of them:
    (those met on the ways callers take on purpose, or straight after a silence or wrong keys;
    those met only after a failure and then more: a desk closed, a queue full). One wrong way into
    the other language's menus (an English caller sent to the Swedish closed menu) is reported
    where it starts, not again at every node callers reach only through it."""
    normal: set[str] = set()
    later: set[str] = set()

    def stays(attrs: dict) -> bool:  # another choice of language ends this caller's walk
        option = attrs.get("option")
        return option is None or option.language in (None, language)

    def on_purpose(attrs: dict) -> bool:
        return attrs["kind"] not in SILENT and stays(attrs)

    for analysis in line.states.values():
        for source in (n.id for n in menu.nodes.values() if any(o.language == language for o in n.options)):
            for target, attrs in analysis.edges_from(source):
                if (option := attrs.get("option")) is None or option.language != language:
                    continue
                plainly = descendants(analysis.out, target, on_purpose, wrong)
                at_all = descendants(analysis.out, target, stays, wrong)
                normal |= plainly & wrong
                normal |= {t for s in at_all - wrong for t, a in analysis.edges_from(s)
                           if t in wrong and a["kind"] in SILENT}
                later |= at_all & wrong
    return normal, later - normal


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
