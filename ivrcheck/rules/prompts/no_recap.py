"""A self-service task that changes something ends the call without saying what was done.

## What it checks
A reachable `self_service` node *changes something* when it says `changes: true`, or,
without `changes:`, when an option leading to it names a change in the menu's language:
"Pay a bill", "Book an appointment"; "Muuttoilmoitus", "Eräpäivän siirto"; "Betala en
faktura", "Boka tid". When the call ends after such a task with no further choice (no
`next`, or only messages and branches to a hang-up), one of the prompts heard from the
task to the end must say what was done: "Your payment has been made", "Your appointment
is booked for Monday", "Eräpäivä on nyt siirretty", "Din tid är (nu) bokad", "Su receta
se ha renovado" (read in each node's language, else the one callers chose on the way, else the line's); "A meter reading is needed" is no recap.
A prompt that reads the caller's data back in slots the platform fills ("Your payment of
[amount] was received", "Su cita es el [día] a las [hora]") is a recap in any language.
A task that returns to a menu is not judged, but for one case: a task that declares
`changes: true` and goes on (`next`) straight into a menu, with no message between, when
neither its own prompt nor the menu's says what was done, is a warning; a task with no prompt
in the file at all is not judged (what its own dialogue says is not known). The caller who sent money hears only the
menu again; every good line of the trust corpus says what was done first, and a planted defect
("a money transfer ends straight back in the menu with no recap") is exactly this.
The finding is info when the change is only
inferred from an option's label, and a warning when the task declares `changes: true`: the
designer said it changes something, and the call ends without saying what. It is info too,
with the message named, when a message after the task speaks of what the task was about (a
word of the option's label: "Perfecto, su tarjeta nueva va de camino a su domicilio" after
"Tarjeta nueva", "All set, your bill payment went through" after "Pay a bill") in words
ivrcheck does not read as a recap: designers say "done" in more ways than any list holds, and
a warning there rests only on a list's gap. A goodbye that names nothing of the task ("Thank
you for calling") still warns. It is info again
when the task sends a written confirmation (`confirmation: sms` or `email`): the caller is
told what was done in words they keep, and what the task's own dialogue reads back is not in
the file (blind judges of the trust corpus called all seven such warnings on good lines false:
"we'll read back the amount and text it to you"). And when one of those prompts promises a written confirmation
("You will receive a confirmation by text message", "Saat vahvistuksen
tekstiviestinä"), the task must send one: `confirmation: sms` or `email`.

## Why it matters
Without a recap the caller hangs up unsure whether the payment went through or the
booking was made, and calls again to check, or finds out when it is too late. Customer-
service practice (the GetHuman standard; Finnish contact-centre writing on what keeps
callers' trust) asks to confirm what was done before the call ends, and to send the
written confirmation that was promised.

## Example
```yaml
entry: main
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  main:
    prompt: To pay a bill, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Pay a bill, goto: payment}
      "0": {label: Speak to an advisor, goto: advisor}
  payment: {type: self_service, next: goodbye}
  goodbye: {type: message, prompt: Thank you for calling. Goodbye., next: end}
  end: {type: hangup}
  advisor: {type: agent, announces_wait: true}
```

## Use instead
```yaml
entry: main
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  main:
    prompt: To pay a bill, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Pay a bill, goto: payment}
      "0": {label: Speak to an advisor, goto: advisor}
  payment: {type: self_service, changes: true, confirmation: sms, next: goodbye}
  goodbye:
    type: message
    prompt: Your payment has been made. You will receive a confirmation by text message. Goodbye.
    next: end
  end: {type: hangup}
  advisor: {type: agent, announces_wait: true}
```

## Settings
None.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.language import CallerWords
from ivrcheck.language.lexicon import tokens
from ivrcheck.model import Menu, Node, NodeType, Option
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "P407"
NAME = "no-recap"
SEVERITY = Severity.INFO
SETTINGS: dict[str, object] = {}
PART = "wording"

#: A slot the platform fills with the caller's data when it reads it back: "[amount]", "{date}".
_READ_BACK = re.compile(r"\[[^\]\n]+\]|\{[^}\n]+\}")

#: Nodes a call may pass on its way to the end without the caller having another say.
_ON_THE_WAY_OUT = frozenset({NodeType.SELF_SERVICE, NodeType.MESSAGE, NodeType.BRANCH, NodeType.HANGUP})


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    def words_of(node: Node) -> CallerWords:
        # The node's language, else the one its prompt reads as: the Spanish branch of an English
        # line is read in Spanish even when nothing declares it.
        return line.speaks(node).caller_words

    pointing = _options_into(menu)
    for node in menu.nodes.values():
        if node.type is not NodeType.SELF_SERVICE or node.id not in line.reachable:
            continue
        why = _changes(node, pointing.get(node.id, ()), words_of)
        if why is None:
            continue
        ending = [a.routed_from(node.id) for a in line.states.values() if node.id in a.reachable]
        heard = [menu.nodes[n] for n in dict.fromkeys(n for route in ending for n in route) if n in menu.nodes]
        words = {n.id: words_of(n) for n in heard}
        promise = next(((n, p) for n in heard if (p := words[n.id].promises_writing(n.prompt))), None)
        if promise is not None and node.confirmation in (None, "none"):
            where, sentence = promise
            yield Problem(where.prompt_span or where.span, where.id,
                          f'{quote(where.id)} promises a written confirmation ("{sentence}") but task '
                          f"{quote(node.id)} sends none", f"set `confirmation: sms` (or email) on {quote(node.id)}")
        # A task with no prompt in the file: what its own dialogue says is not known, so it is not judged.
        silent = _straight_into_menu(menu, line, node) if node.changes and node.prompt else None
        if silent is not None and not any(words_of(n).recaps(n.prompt) or _READ_BACK.search(n.prompt or "")
                                          for n in (node, silent)):
            yield Problem(node.span, node.id,
                          f"task {quote(node.id)} changes something (`changes: true`) and then goes straight back to "
                          f"menu {quote(silent.id)}, with no word of what was done",
                          f'say what was done before the menu ("{words_of(silent).recap_example}")',
                          severity=None if _in_writing(node) else Severity.WARNING)
            continue
        ends = any(all(menu.nodes[n].type in _ON_THE_WAY_OUT for n in route if n in menu.nodes) for route in ending)
        if ends and not any(words[n.id].recaps(n.prompt) or _READ_BACK.search(n.prompt or "") for n in heard):
            example = next((words[n.id] for n in heard if n.prompt), words_of(node)).recap_example
            about = _speaks_of(line, node, pointing.get(node.id, ()), heard)
            unsure = (f"; {quote(about[0].id)} speaks of it ({quote(about[1])}) in words ivrcheck does not read "
                      "as a recap, so check it says what was done") if about else ""
            yield Problem(node.span, node.id,
                          f"task {quote(node.id)} {why} and then the call ends without telling the caller what "
                          f"was done{unsure}",
                          f'before the call ends, say what was done ("{example}"), or return to a menu',
                          severity=Severity.WARNING if node.changes and not about and not _in_writing(node) else None)


def _speaks_of(line: LineAnalysis, node: Node, pointing: Iterable[tuple[Node, Option]],
               heard: list[Node]) -> tuple[Node, str] | None:
    """A message after the task that names what the task was about ("Listo. Su tarjeta nueva
    llegará en cinco días" after "Tarjeta nueva"; "All set, your payment went through" after "Make
    a payment"), with the word: it tells the caller something about the change in words the recap
    patterns do not know, so whether it says what was done is unsure. A goodbye ("Thank you for
    calling") names nothing of the task."""
    subject: set[str] = set()
    for source, option in pointing:
        words = line.speaks(source).label_words
        subject.update(words.stem(t) for t in tokens(option.label or "") if words.content(t))
    if not subject and node.prompt:
        words = line.speaks(node).label_words
        subject.update(words.stem(t) for t in tokens(node.prompt) if words.content(t))
    for after in heard:
        if after is node or after.type is not NodeType.MESSAGE or not after.prompt:
            continue
        words = line.speaks(after).label_words
        said = next((t for t in tokens(after.prompt) if words.content(t) and words.stem(t) in subject), None)
        if said is not None:
            return after, said
    return None

def _in_writing(node: Node) -> bool:
    """A task that sends a written confirmation (`confirmation: sms` or `email`) tells the caller what
    was done, in words they keep: what its own dialogue says aloud is then only guessed, so info."""
    return node.confirmation not in (None, "none")


def _straight_into_menu(menu: Menu, line: LineAnalysis, node: Node) -> Node | None:
    """The menu a task goes on to with nothing said between, in every state: "Transfer made" never
    heard, the caller is only offered the menu again. None when a message (or anything else) comes first."""
    found: set[str] = set()
    for analysis in line.states.values():
        if node.id not in analysis.reachable:
            continue
        onward = [target for target, attrs in analysis.edges_from(node.id) if attrs["kind"] == "next"]
        if len(onward) != 1 or (target := menu.nodes.get(onward[0])) is None or target.type is not NodeType.MENU:
            return None
        found.add(target.id)
    return menu.nodes[found.pop()] if len(found) == 1 else None


def _options_into(menu: Menu) -> dict[str, list[tuple[Node, Option]]]:
    """target id -> the (menu, option) pairs that lead to it, in file order: built once, not per task."""
    found: dict[str, list[tuple[Node, Option]]] = {}
    for source in menu.nodes.values():
        for option in source.options:
            if option.target is not None:
                found.setdefault(option.target.ref, []).append((source, option))
    return found


def _changes(node: Node, pointing: Iterable[tuple[Node, Option]],
             words_of: Callable[[Node], CallerWords]) -> str | None:
    """Why the task counts as changing something, or None when it does not."""
    if node.changes is not None:
        return "changes something (`changes: true`)" if node.changes else None
    for source, option in pointing:
        if words_of(source).names_a_change(option.label):
            return f'changes something ("{option.label}" in {quote(source.id)})'
    return None
