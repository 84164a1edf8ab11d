"""The Asterisk steps that need a closer look: prompts and waits (menus, messages, digit input),
the keys a context offers, and Goto/GotoIf/GotoIfTime branches (hours become a schedule)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Protocol

from ivrcheck.findings import Span
from ivrcheck.importers.dialplan import PASS, PROMPTS, Extension, Step, goto_target
from ivrcheck.importers.nodeset import humanize, is_computed, sound_label
from ivrcheck.importers.steps import Exit, Kind, Way
from ivrcheck.model import DTMF_KEYS, Target
from ivrcheck.numbers import is_digits, number_or_none

if TYPE_CHECKING:
    from ivrcheck.importers.nodeset import NodeSet


class Walker(Protocol):
    """What the menu builder needs of asterisk.Walker, which walks the dialplan and calls it back.

    Declared here rather than imported, so the two modules do not import each other.
    """

    nodes: NodeSet
    ids: dict[tuple[str, str, int], str]
    hints: dict[str, str]
    labels: list[tuple[str, int]]
    waits: dict[str, str]

    def answers(self, context: str) -> dict[str, Extension]: ...
    def answered(self, context: str, span: Span) -> dict[str, Extension]: ...
    def extension(self, context: str, name: str) -> Extension | None: ...
    def follow(self, context: str, exten: str, index: int, span: Span, priority: str | None = None,
               dialled: str | None = None) -> Target: ...
    def span_of(self, key: tuple[str, str, int]) -> Span: ...
    def options(self, context: str, menu_id: str, span: Span) -> tuple[Way, ...]: ...

PASS_SETS_TIMEOUT = re.compile(r"TIMEOUT\(response\)\s*=\s*(\d+)", re.IGNORECASE)
TTS = frozenset(("festival", "flite", "espeak", "googletts"))
_DEFAULT_WAIT = 10.0  # seconds: Asterisk's response timeout when WaitExten names none
_SPECIAL = frozenset(("s", "i", "t", "e", "h", "o", "a", "T", "fax", "talk"))
_CLASSES = {"X": "0123456789", "Z": "123456789", "N": "23456789"}


def prompted(walker: Walker, key: tuple[str, str, int], extension: Extension, step: Step) -> None:
    """Prompts then a wait for keys make a menu; prompts alone a message; `Read` a digit input."""
    context, exten, index = key
    node_id, span, nodes = walker.ids[key], walker.span_of(key), walker.nodes
    if step.app.lower() == "read":
        args = step.args + [""] * 6
        digits = number_or_none(args[2], whole=True, low=1, high=255)  # Read takes at most 255 digits
        onward = walker.follow(context, exten, index + 1, span)
        # Read takes whatever digits come and, given none after its attempts, runs on with an empty value.
        nodes.at(node_id, Kind.ENTRY, span, [Way(Exit.ENTERED, onward, span), Way(Exit.TIMEOUT, Target("repeat", span), span),
                                             Way(Exit.INVALID, onward, span), Way(Exit.RETRIES, onward, span)],
                 digits=digits, timeout=_float(args[5]), retries=_whole(args[4], 1))  # type: ignore[arg-type]
        if args[1]:
            nodes.recording(node_id, args[1], span)
        walker.hints[node_id] = humanize(args[0]) if args[0] else "Input"
        return
    if step.app.lower() != "waitexten":
        j, background = extension.quiet_until(index)
        fall = walker.follow(context, exten, j, span) if background and _offers_keys(walker, extension) else None
        if fall is None or walker.waits.get(fall.ref) == extension.context:
            # Prompts nobody can interrupt, a Background in a context with no key to press (it runs on into
            # its Goto: an announcement), or a Background that runs on into this context's menu.
            first = step.args[0] if step.args else ""
            text = first if step.app.lower() in TTS else None
            nodes.at(node_id, Kind.MESSAGE, span, [Way(Exit.NEXT, walker.follow(context, exten, index + 1, span), span)],
                     prompt=text)
            walker.hints[node_id] = sound_label(first) if first and not text else "Message"
            return
        _menu(walker, key, extension, index, None, fall)  # Background alone: no key, and the dialplan runs on
        return
    first = extension.quiet_since(index)
    waited = _float(step.args[0]) if step.args else None
    _menu(walker, key, extension, first, waited, special(walker, extension.context, "t"), wait=True)


def _menu(walker: Walker, key: tuple[str, str, int], extension: Extension, first: int, waited: float | None,
          on_timeout: Target | None, wait: bool = False) -> None:
    """A menu whose prompts are the steps from `first` on; its keys are its context's extensions."""
    node_id, span, nodes = walker.ids[key], walker.span_of(key), walker.nodes
    sounds, texts, timeout = [], [], None
    for step in extension.steps[first:key[2] + 1]:
        app = step.app.lower()
        found = PASS_SETS_TIMEOUT.search(step.raw) if app in PASS else None
        timeout = _float(found.group(1)) if found else timeout
        if app in PROMPTS:
            (texts if app in TTS else sounds).append(step.args[0] if step.args else "")
    if wait:
        timeout = waited if waited is not None else timeout if timeout is not None else _DEFAULT_WAIT
    # No `nodes.reserve`: the walker holds the id (asterisk.Walker._id) until the node is built.
    options = walker.options(extension.context, node_id, span)
    prompt = " ".join(texts) or None
    if sounds and not texts:
        nodes.recording(node_id, "&".join(s for s in sounds if s), span)
    on_invalid = special(walker, extension.context, "i")
    # Asterisk counts no retries: a caller goes round the `i`/`t` routes for as long as they lead back.
    nodes.at(node_id, Kind.ASK, span, [*options, Way(Exit.TIMEOUT, on_timeout, span), Way(Exit.INVALID, on_invalid, span),
                                       Way(Exit.RETRIES, on_invalid or on_timeout, span)],
             prompt=prompt, prompt_span=span if prompt else None, timeout=timeout)
    walker.hints[node_id] = humanize(extension.context)


def _offers_keys(walker: Walker, extension: Extension) -> bool:
    """Whether a key pressed during a Background in this extension's context goes anywhere: an extension
    other than the special ones and the one the call is in."""
    return any(name not in _SPECIAL and name != extension.name for name in walker.answers(extension.context))


def special(walker: Walker, context: str, name: str) -> Target | None:
    """The `t` or `i` extension of a context, else its `e` (exception) extension, else None: Asterisk hangs up."""
    for candidate in (name, "e"):
        extension = walker.extension(context, candidate)
        if extension is not None:
            return walker.follow(extension.context, candidate, 0, extension.span)
    return None


def options(walker: Walker, context: str, menu_id: str, span: Span) -> tuple[Way, ...]:
    """The keys a menu in `context` answers: its own extensions and those of included contexts."""
    merged = walker.answered(context, span)
    found: list[Way] = []
    bound: set[str] = set()
    dialled: list[tuple[str, Extension]] = []
    for name, extension in merged.items():
        if name in _SPECIAL:
            continue
        keys = [name] if name in DTMF_KEYS else _single_keys(name)
        if keys is None:
            dialled.append((name, extension))
            continue
        for key in keys:
            if key in bound:
                continue
            bound.add(key)
            target = walker.follow(extension.context, name, 0, extension.span, dialled=key)
            found.append(Way(Exit.KEY, target, extension.span, key))
    if dialled:
        found.append(_dial_by_extension(walker, menu_id, dialled))
    found.sort(key=lambda o: (o.span.line, o.span.column))
    # Labels come from where each key leads, once every node is built.
    walker.labels.extend((menu_id, i) for i, way in enumerate(found) if way.exit is Exit.KEY)
    return tuple(found)


def _dial_by_extension(walker: Walker, menu_id: str, dialled: list[tuple[str, Extension]]) -> Way:
    first = dialled[0][1]
    lengths = {_length(name) for name, _ in dialled}
    targets = [(name, walker.follow(e.context, name, 0, e.span)) for name, e in dialled]
    target = targets[0][1]
    if len(targets) > 1:
        target = walker.nodes.step(f"{menu_id}:dialled", Kind.DATA, first.span,
                                   [Way(Exit.CASE, t, first.span, name) for name, t in targets])
    return Way(Exit.EXTENSION, target, first.span, label="Dial an extension",
               digits=lengths.pop() if len(lengths) == 1 else None)


def _single_keys(name: str) -> list[str] | None:
    """The keys a one-character pattern (`_X`, `_[1-3]`) matches; None for longer extensions."""
    if not name.startswith("_"):
        return None
    tokens = _tokens(name[1:])
    if len(tokens) != 1 or tokens[0] in (".", "!"):
        return None
    token = tokens[0]
    if token.upper() in _CLASSES:
        return list(_CLASSES[token.upper()])
    if token.startswith("["):
        chars = re.sub(r"(\d)-(\d)", lambda m: "".join(str(d) for d in range(int(m[1]), int(m[2]) + 1)), token[1:-1])
        return [c for c in chars if c in DTMF_KEYS]
    return [token] if token in DTMF_KEYS else None


def _tokens(pattern: str) -> list[str]:
    """The characters and `[...]` classes of an extension pattern (`_1[2-4]X.`)."""
    # After the last `]` no `[` closes: every character there is a token of its own. Splitting there
    # keeps findall from scanning from each such `[` to the end of the name.
    cut = pattern.rfind("]") + 1
    return re.findall(r"\[[^\]]*+\]|.", pattern[:cut]) + [c for c in pattern[cut:] if c != "\n"]


def _length(name: str) -> int | None:
    if not name.startswith("_"):
        return len(name) if is_digits(name) else None
    tokens = _tokens(name[1:])
    return None if any(t in (".", "!") for t in tokens) else len(tokens)


def branch(walker: Walker, key: tuple[str, str, int], extension: Extension, step: Step) -> None:
    """GotoIf and GotoIfTime branch; a computed Goto is opaque; a silent loop is a message that loops."""
    context, exten, index = key
    node_id, span, nodes = walker.ids[key], walker.span_of(key), walker.nodes
    app = step.app.lower()
    text = ",".join(step.args)
    if app == "goto" and is_computed(text):
        nodes.at(node_id, Kind.TASK, span)
        nodes.opaque(span, node_id, f"Goto({text}) jumps to a place computed at run time")
        return
    if app not in ("gotoif", "gotoiftime"):  # reached again with no step in between: a silent loop
        onward = (_goto(walker, step.args, extension, span) if app == "goto"
                  else walker.follow(context, exten, index + 1, span))
        nodes.at(node_id, Kind.MESSAGE, span, [Way(Exit.NEXT, onward, span)])
        return
    condition, _, labels = text.rpartition("?")
    if not _:
        condition, labels = text, ""
    true_label, _, false_label = labels.partition(":")

    def to(label: str) -> Target:
        if not label.strip():
            return walker.follow(context, exten, index + 1, span)
        if is_computed(label):
            return nodes.step(f"{node_id}:computed", Kind.TASK, span)
        return _goto(walker, label.split(","), extension, span)

    when_true, when_false = to(true_label), to(false_label)
    if app == "gotoiftime":
        schedule = _schedule(condition)
        if schedule is not None:
            matching_closed = _tests_closed_hours(condition, true_label, false_label)
            if matching_closed:
                schedule = _complement(schedule)
                when_true, when_false = when_false, when_true
            if schedule is not None:
                nodes.hours[node_id] = schedule
                nodes.hours_spans[node_id] = span
            nodes.at(node_id, Kind.SCHEDULE, span, [Way(Exit.SCHEDULE, when_true, span, "open"),
                                                    Way(Exit.SCHEDULE, when_false, span, "closed")],
                     hours=node_id if schedule else None)
            return
        why = f"GotoIfTime({condition}) tests days of the month or months, which a weekly schedule cannot hold"
    else:
        why = f"GotoIf tests {condition.strip()} at run time"
    nodes.at(node_id, Kind.DATA, span, [Way(Exit.CASE, when_true, span, condition.strip() or "true"),
                                        Way(Exit.DEFAULT, when_false, span)])
    nodes.opaque(span, node_id, why + "; both routes are kept")


def _goto(walker: Walker, args: list[str], extension: Extension, span: Span) -> Target:
    context, exten, priority = goto_target(args, extension)
    return walker.follow(context, exten, 0, span, priority=priority)


_CLOSED_WORDS = re.compile(r"clos|after|night|holiday|weekend|ooh|outside|out-of|offhours|off-hours|nacht", re.I)
_OPEN_WORDS = re.compile(r"open|business|office|work|daytime", re.I)


def _tests_closed_hours(condition: str, true_label: str, false_label: str) -> bool:
    """Whether GotoIfTime's matching branch is the closed one: it jumps when the time matches, so
    `GotoIfTime(18:00-08:00,...?night)` or `GotoIfTime(*,sat-sun,...?closed)` names closed hours.
    Told by the labels' names, else by a time range over midnight or a weekend-only day range."""
    true_closed, false_closed = bool(_CLOSED_WORDS.search(true_label)), bool(_CLOSED_WORDS.search(false_label))
    true_open, false_open = bool(_OPEN_WORDS.search(true_label)), bool(_OPEN_WORDS.search(false_label))
    if true_closed != false_closed or true_open != false_open:
        return (true_closed and not false_closed) or (false_open and not true_open)
    times, days = ([p.strip().lower() for p in condition.split(",")] + ["*", "*"])[:2]
    match = re.fullmatch(r"(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})", times)
    wraps = match is not None and (int(match[1]), int(match[2])) > (int(match[3]), int(match[4]))
    return wraps or days in ("sat-sun", "sat&sun", "sun", "sat")


def _complement(schedule: dict[str, str]) -> dict[str, str] | None:
    """The open hours when the condition names the closed ones, for the shapes that have a weekly
    complement (a range over midnight on the same days, or whole days); None otherwise."""
    ((days, hours),) = schedule.items()
    start, end = hours.split("-")
    if hours == "00:00-24:00":
        weekend = {"sat-sun": "mon-fri", "sat,sun": "mon-fri", "sun": "mon-sat", "sat": "mon-fri,sun"}
        rest = weekend.get(days)
        return {rest: "00:00-24:00"} if rest else None
    return {days: f"{end}-{start}"} if start > end else None


def _schedule(condition: str) -> dict[str, str] | None:
    """`9:00-17:00,mon-fri,*,*` -> {"mon-fri": "09:00-17:00"}; None when it is not a weekly schedule."""
    parts = [p.strip() for p in condition.split(",")] + ["*"] * 4
    times, days, mdays, months = parts[:4]
    if mdays != "*" or months != "*" or is_computed(condition):
        return None
    if times == "*":
        times = "00:00-24:00"
    match = re.fullmatch(r"(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})", times)
    if match is None:
        return None
    hours = f"{int(match[1]):02d}:{match[2]}-{int(match[3]):02d}:{match[4]}"
    day_spec = "mon-sun" if days == "*" else days.lower().replace("&", ",")
    if not re.fullmatch(r"(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?"
                        r"(,(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?)*", day_spec):
        return None
    return {day_spec: hours}


def _whole(text: str, default: int) -> int:
    found = number_or_none(text, whole=True, low=0, high=1000)
    return int(found) if found is not None else default


def _float(text: str) -> float | None:
    return number_or_none(text, low=0)  # type: ignore[return-value] - a float, as whole is not asked


__all__ = ["branch", "options", "prompted", "special"]
