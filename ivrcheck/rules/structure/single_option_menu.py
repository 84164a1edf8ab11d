"""A menu that offers one real choice, so the caller listens for nothing.

## What it checks
A reachable menu whose options, leaving out `repeat` and `back`, lead to one choice only.
Options to hear the menu again or go back are not choices of what to do. A menu with no
options at all is a dead end (S103), not this rule. Nor is a menu whose one choice asks for
a callback ("Press 1 if you want a case officer to call you back", after the hours): the
key press is the caller's request, and sending every call straight on would book callbacks
for callers who only wanted the hours (platforms offer a callback for the caller to accept,
as in the queued-callback sample flow of the Amazon Connect administrator guide), or for a
voicemail. Where silence or a wrong key books that callback at once (`on_timeout: callback`),
the key press asks nothing and the menu is reported. A fallback after the retries
(`after_retries: callback`) is only a fallback: a closed message with one opt-in, star to repeat
and the retries falling to the callback is the right shape (blind judges of the trust corpus
called four such warnings on good lines false). Nor is a greeting callers may let pass (its
silence goes on into the line, not to a goodbye: "Para español, oprima 9"): the one key is an
extra for some callers, and waiting is the other choice. A menu whose one choice is a `transfer` out of the
line ("If you have severe toothache, press 1 and we will put you through to the on-call
dentist") is reported as **info**: the press may be the caller's consent to be put through to
another service, and a blind judge of the trust corpus took such a gate as arguable, not a fault.
Nor is a menu where silence is announced as the other choice and leads elsewhere into the
line ("If you've lost your card, press 1. For anything else, please hold for an advisor"):
pressing or waiting are two choices. Where silence leads elsewhere but the prompt is not read
as saying so ("...or just keep holding" in words ivrcheck does not know), the finding is **info**.
Nor is a menu where a caller who presses nothing has the call ended (silence, or the retries
running out, leads only to a goodbye): "The card is blocked. If you saw purchases you do not
recognise, press 1 for the fraud desk; otherwise you can hang up." The key is one of two
outcomes, and sending every call straight on would put through callers who were done. On the
trust corpus's development half blind judges called all six such warnings false or arguable,
while the one-choice menus they called true (planted) led silent callers on into the line.

## Why it matters
A one-choice menu costs a prompt and a key press and gives nothing in return: the call
could go straight on. Every needless step is time the caller pays (GetHuman standard:
"do not make callers press keys for no reason"); designers typically leave them behind
when other options are removed.

## Example
```yaml
entry: main
nodes:
  main:
    prompt: To speak to an advisor, press 0. To hear this again, press star.
    options:
      "0": {label: Advisor, goto: advisor}
      "*": {label: Repeat, goto: repeat}
  advisor: {type: agent}
```

## Use instead
```yaml
entry: welcome
nodes:
  welcome: {type: message, prompt: Welcome. Connecting you to an advisor., next: advisor}
  advisor: {type: agent}
```

## Settings
None.

## When it warns, and when it only informs
Two more designed shapes are reported as **info**, with the reason, not as warnings. A
confirmation with a way back: "If you cancel, the fee cannot be refunded. To continue, press 1.
To go back, press 9." The key press is the caller's consent after a warning, and the back key
is the other choice. And a language bridge whose silence reaches the same place as its key
(in every schedule state the menu is heard in): "Our reception speaks English. Press 1 to be
connected" in a Swedish line, falling to the reception after the retries; an Irish "Fan ar an
líne" whose timeout goes to the Irish-speaking adviser. The key only saves the wait; a
`message` with `next` would save callers the silence too, but judges called all four such
warnings false or arguable. A bridge is a menu in another language than the line's (its
`language:` or the one callers chose on the way). A one-key menu in the line's own language
still warns where silence reaches the key's place, even when its prompt says to hold ("for
anything else, please hold" to the same desk as the key misleads), and so does one whose
silence goes somewhere else, or only repeats it, with no way back (a closed message with "to
return to the main menu, press 1").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.model import Menu, Node, NodeType, Target
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "S107"
NAME = "single-option-menu"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "navigation"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    for node in line.menus:
        if node.id not in line.reachable or menu.lets_pass(node):  # a greeting's one extra
            continue
        choices = {o.key for o in node.options if o.target is not None and not o.target.is_builtin}
        if len(choices) == 1 and not _asks_for_a_callback(menu, node, next(iter(choices))) \
                and not _or_finish(line, node):
            (key,) = choices
            out = _hands_out(menu, node, key)
            waiting = _or_wait(menu, line, node, key)
            if waiting == "announced":
                continue  # "If you've lost your card, press 1. For anything else, please hold": two choices
            why = (f", a transfer out of the line ({quote(out)}): the key press may be the caller's "
                   "consent to be put through") if out else \
                (f"; silence leads elsewhere ({quote(waiting)}), so waiting may be the other choice, if the "
                 "prompt says so") if waiting else _designed(line, node, key)
            help_ = "send the call straight on with a `message` and `next`, or add the choices callers need"
            yield Problem(node.span, node.id, f"menu {quote(node.id)} offers one choice only ({quote(key)}){why}",
                          f"keep it if the step is meant; else {help_}" if why else help_,
                          severity=Severity.INFO if why else None)


def _or_wait(menu: Menu, line: LineAnalysis, node: Node, key: str) -> str | None:
    """Where a caller who presses nothing goes, when that is another place in the line than the one key
    leads to (not a repeat, not only a hang-up): "announced" when the prompt says waiting is a way on
    ("press 1 for a lost card; for anything else, please hold"), the place when it does not say so in
    words ivrcheck reads. Waiting is then a second choice, and the menu is no needless step."""
    silence = node.on_timeout
    option = next(o for o in node.options if o.key == key)
    if silence is None or silence.is_builtin or silence.ref == node.id or option.target is None \
            or silence.ref == option.target.ref or silence.ref not in menu.nodes:
        return None
    heard = [a for a in line.states.values() if node.id in a.reachable]
    if any(a.only_hangs_up(silence.ref) or option.target.ref in a.routed_from(silence.ref) for a in heard):
        return None  # silence ends the call (`_or_finish`'s), or goes on to where the key leads: no choice
    return "announced" if line.speaks(node).offers_waiting(node.prompt) else silence.ref


def _designed(line: LineAnalysis, node: Node, key: str) -> str:
    """Why a one-key menu is a designed shape rather than a needless step, or "": a confirmation with a
    way back ("To continue, press 1. To go back, press 9", after a no-refund warning: the key is consent,
    the back key the other choice), or a language bridge whose silence reaches the same place as its
    key (a menu in another language than the line's that says who will answer). Blind judges of the
    trust corpus called all four such warnings false or arguable; the menu could still be a message, so
    it is info, not silence."""
    if any(o.key != key and o.target is not None and o.target.ref == "back" for o in node.options):
        return ", with a way back: a confirmation step, where the key press is the caller's consent"
    target = next(o for o in node.options if o.key == key).target
    silence = _silence(node)
    if target is None or silence is None or silence.is_builtin:
        return ""
    bridge = line.language_of(node) != line.menu.language
    heard = [a for a in line.states.values() if node.id in a.reachable]
    if bridge and heard and all(target.ref in a.routed_from(silence.ref) for a in heard):
        return (f"; silence reaches the same place ({quote(target.ref)}): a language bridge, where the key only "
                "saves the wait")
    return ""


def _silence(node: Node) -> Target | None:
    """Where a caller who presses nothing ends up: the timeout's target, or after the retries when the
    timeout plays the menu again."""
    if node.on_timeout is not None and node.on_timeout.ref not in ("repeat", node.id):
        return node.on_timeout
    return node.after_retries


def _or_finish(line: LineAnalysis, node: Node) -> bool:
    """Whether a caller who presses nothing has the call ended, in every state the menu is heard in:
    the one key is then one of two outcomes ("press 1 for the fraud desk, otherwise you can hang up"),
    and sending every call straight on would put through callers who were done."""
    silence = _silence(node)
    if silence is None or silence.is_builtin:
        return False
    heard = [a for a in line.states.values() if node.id in a.reachable]
    return bool(heard) and all(a.only_hangs_up(silence.ref) for a in heard)


def _hands_out(menu: Menu, node: Node, key: str) -> str | None:
    """The transfer out of the line the one choice leads to (an on-call dentist, another organisation's
    helpline), if it does: whether callers should be put through unasked is the designer's call."""
    option = next(o for o in node.options if o.key == key)
    target = menu.nodes.get(option.target.ref) if option.target else None
    return target.id if target is not None and target.type == NodeType.TRANSFER else None


def _asks_for_a_callback(menu: Menu, node: Node, key: str) -> bool:
    """Whether the one choice leads to a callback or voicemail that the key press asks for: pressing it
    is the caller's request ("we are closed; to be called back, press 1"), and a closed message with
    one opt-in is the right shape. Where silence or a wrong key books the same promise at once, the
    press is a needless step (a fallback after the retries is only a fallback)."""
    option = next(o for o in node.options if o.key == key)
    ref = option.target.ref if option.target else None
    target = menu.nodes.get(ref) if ref else None
    return target is not None and target.is_promise and all(
        t is None or t.ref != ref for t in (node.on_timeout, node.on_invalid))
