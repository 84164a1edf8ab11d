"""A choice in the middle of a task that only talks and then ends the call.

## What it checks
In every menu a caller reaches in the middle of a task (not a main menu, which a call reaches
with no key pressed, and not a menu that winds the call up: graph/closing.py), each option
whose call goes on, with no choice left, through messages only and then hangs up (a message
with no `next` is S103's): no self-service step did anything, nobody answered, and the
caller was offered nothing after it. Options whose messages only say goodbye (under 4 s:
"Thank you for calling. Goodbye.", the caller's own "that's all") are not reported, nor an option from a main menu ("For our address, press 3"),
nor a message that returns to a menu or goes on to a person, a callback or a task. Messages that
tell the caller which emergency number to call ("If you have trouble breathing, call 112 now")
and then end the call get an **info**: the caller must make that call anyway (a blind judge called
the warning false on a closed dental clinic's emergency advice).

## Why it matters
A caller who chose a topic in a submenu is working on a problem: advice such as "restart
your router" either solves it or it does not, and a line that hangs up right after it sends
the caller whose problem remains to dial again and work through the menus a second time. The
GetHuman standard asks that a caller is never left without a way to a person; IVR design
guides (ACIxD, vendor style guides) close an informational branch with a short menu: hear it
again, back, or a person.

## Example
```yaml
entry: main
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: technician}
nodes:
  main:
    prompt: For technical help, press 1. To speak to us, press 0.
    options:
      "1": {label: Technical help, goto: tech}
      "0": {label: Customer service, goto: technician}
  tech:
    prompt: For home broadband, press 1. For mobile data, press 2. To go back, press hash.
    options:
      "1": {label: Home broadband, goto: router_advice}
      "2": {label: Mobile data, goto: technician}
      "#": {label: Main menu, goto: main}
  router_advice:
    type: message
    prompt: Unplug your router, wait thirty seconds and plug it in again. Thank you for calling.
    next: bye
  bye: {type: hangup}
  technician: {type: agent}
```

## Use instead
```yaml
entry: main
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: technician}
nodes:
  main:
    prompt: For technical help, press 1. To speak to us, press 0.
    options:
      "1": {label: Technical help, goto: tech}
      "0": {label: Customer service, goto: technician}
  tech:
    prompt: For home broadband, press 1. For mobile data, press 2. To go back, press hash.
    options:
      "1": {label: Home broadband, goto: router_advice}
      "2": {label: Mobile data, goto: technician}
      "#": {label: Main menu, goto: main}
  router_advice:
    type: message
    prompt: Unplug your router, wait thirty seconds and plug it in again.
    next: after_advice
  after_advice:
    prompt: If it still does not work, press 0 for a technician. For the main menu, press 1.
    options:
      "0": {label: Technician, goto: technician}
      "1": {label: Main menu, goto: main}
  technician: {type: agent}
```

## Settings
None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.graph.closing import winding_up_menu
from ivrcheck.model import Menu, NodeType, Option
from ivrcheck.rules.base import Settings, advises_emergency, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "H216"
NAME = "advice-hangs-up"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "human_access"
#: Messages shorter than this only say goodbye ("Thank you for calling. Goodbye."): a choice
#: that ends the call that way is the caller's own "that's all".
GOODBYE_SECONDS = 4.0


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    for node in line.menus:
        if node.id not in line.reachable or node.id in line.opening_menus or winding_up_menu(line, node.id):
            continue
        for option in node.options:
            said = _only_talk(menu, option)
            talk = sum(line.speaks(menu.nodes[m]).seconds(menu.nodes[m].prompt) for m in said)
            if said and talk > GOODBYE_SECONDS:
                yield _ends(option, node.id, said, advises_emergency(menu, said))


def _ends(option: Option, menu_id: str, said: list[str], advice: str | None) -> Problem:
    """The finding on an option whose messages end the call: an info when they hand the caller to the
    emergency number that answers then ("...call 112 now"): a blind judge called the warning false on a
    closed dental clinic's emergency advice, since the caller must make that call anyway."""
    played = f"option {quote(option.key)} ({option.label or option.key}) in {quote(menu_id)} plays " \
             f"{' then '.join(quote(m) for m in said)} and ends the call"
    fix = f"after {quote(said[-1])}, offer a menu: a person, the main menu, or hear it again"
    if advice:
        return Problem(option.span, menu_id, f"{played}, after telling callers which emergency number to call "
                       f"({quote(advice)}): that may be all they need", fix, severity=Severity.INFO)
    return Problem(option.span, menu_id, f"{played}, so a caller it did not help must call again", fix)


def _only_talk(menu: Menu, option: Option) -> list[str]:
    """The messages an option's call plays before it ends with nothing else, or [] when it goes on."""
    ref = option.target.ref if option.target is not None and not option.target.is_builtin else None
    said: list[str] = []
    while ref is not None and ref in menu.nodes and ref not in said:
        node = menu.nodes[ref]
        if node.type is NodeType.HANGUP:
            return said
        if node.type is not NodeType.MESSAGE:
            return []
        if node.next is None or node.next.is_builtin:
            return []  # back to a menu; or a message with no `next`, S103's
        said.append(ref)
        ref = node.next.ref
    return []
