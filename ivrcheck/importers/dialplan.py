"""Asterisk `extensions.conf` text -> contexts, extensions and their steps, each with its position.

Reads `[context]` headers (with template marks such as `(!)` and `(+)`), `exten =>` and
`exten=>`, `same =>`, priorities (`1`, `n`, `n(label)`, `2(label)`), `include =>`, `;`
comments and `;-- --;` block comments, CRLF and CR line ends, and both the `App(a,b)` and the
old `App(a|b)` argument forms. `#include` and `#exec` are noted, not followed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ivrcheck.findings import Span
from ivrcheck.load.source import LINE_BREAKS
from ivrcheck.numbers import NotANumber, read_number

_HEADER = re.compile(r"^\[(?P<name>[^\]]+)\](?P<marks>\([^)]*\))?\s*$")
_ASSIGN = re.compile(r"^(?P<key>[A-Za-z_#][\w-]*)\s*=>?\s*(?P<value>.*)$")
_PRIORITY = re.compile(r"^(?P<prio>\d+|n(?:\+\d+)?|s|hint)(?:\((?P<label>[^)]*)\))?$", re.IGNORECASE)
_SKIPPED = ("general", "globals")
#: Far beyond any dialplan's priorities; a bigger one is refused rather than read.
MAX_PRIORITY = 10**9
#: Applications that change nothing a caller could notice on the way.
PASS = frozenset(("answer", "noop", "set", "mset", "wait", "ringing", "progress", "verbose", "log", "resetcdr",
                  "nocdr", "sipaddheader", "pjsipaddheader", "setmusiconhold", "stopplaytones", "playtones",
                  "mixmonitor", "monitor", "stopmonitor", "celgenuserevent", "userevent", "dumpchan",
                  "setcallerpres", "setcallerid", "setcidname", "setlanguage", "importvar", "set_var",
                  "waitforsilence", "silencedetect"))
PROMPTS = frozenset(("background", "playback", "controlplayback", "saydigits", "saynumber", "sayalpha",
                     "sayphonetic", "sayunixtime", "festival", "flite", "espeak", "googletts", "mp3player"))
#: Steps a call passes through without waiting for a key: silent ones and prompts.
QUIET = PASS | PROMPTS
OPAQUE = frozenset(("agi", "eagi", "deadagi", "fastagi", "system", "trysystem", "exec", "execif", "gosub", "gosubif",
                    "macro", "macroif", "stasis", "jabbersend", "curl", "func_odbc", "odbc", "lua"))


@dataclass
class Step:
    """One priority of an extension: `exten => 1,2(label),Queue(sales)`."""

    priority: int
    label: str | None
    app: str
    args: list[str]
    raw: str
    span: Span  # where the application name stands


@dataclass
class Extension:
    name: str
    span: Span
    context: str
    steps: list[Step] = field(default_factory=list)
    #: Priority number or label -> the index of the first step with it, and how many steps it indexes.
    _index: dict[str, int] | None = field(default=None, repr=False, compare=False)
    _indexed: int = field(default=0, repr=False, compare=False)
    #: Per step: where its run of silent steps and prompts ends, whether a Background is in it from
    #: there, and where the run began (`_runs`), found once for all steps.
    _quiet: tuple[list[int], list[bool], list[int]] | None = field(default=None, repr=False, compare=False)

    def index_of(self, priority: str) -> int | None:
        """The step for a priority number or label, or None (the first step that has it)."""
        if self._index is None or self._indexed != len(self.steps):  # built once the steps are all read
            self._index, self._indexed = {}, len(self.steps)
            for index, step in reversed(list(enumerate(self.steps))):
                self._index[str(step.priority)] = index
                if step.label is not None:
                    self._index[step.label] = index
        return self._index.get(priority)

    def _runs(self) -> tuple[list[int], list[bool], list[int]]:
        """For every step at once: the index where the run of silent steps and prompts from it ends,
        whether that stretch holds a Background, and where the run holding it began. A scan per
        step made an extension of 25,000 Playbacks quadratic (minutes)."""
        if self._quiet is None or len(self._quiet[0]) != len(self.steps):
            count = len(self.steps)
            ends, background, starts = [count] * count, [False] * count, [0] * count
            end, heard = count, False
            for j in range(count - 1, -1, -1):
                app = self.steps[j].app.lower()
                end, heard = (end, heard or app == "background") if app in QUIET else (j, False)
                ends[j], background[j] = end, heard
            for j in range(1, count):
                starts[j] = starts[j - 1] if self.steps[j - 1].app.lower() in QUIET else j
            self._quiet = (ends, background, starts)
        return self._quiet

    def quiet_until(self, index: int) -> tuple[int, bool]:
        """The first step from `index` on that is neither silent nor a prompt (or the end), and whether
        a Background comes before it."""
        if not 0 <= index < len(self.steps):
            return index, False
        ends, background, _ = self._runs()
        return ends[index], background[index]

    def quiet_since(self, index: int) -> int:
        """The first step of the run of silent steps and prompts that leads into step `index`."""
        return self._runs()[2][index] if 0 <= index < len(self.steps) else index

    def wait_after(self, index: int) -> int | None:
        """The WaitExten that prompts from step `index` run into (through silent steps and prompts), if any."""
        end, _ = self.quiet_until(index)
        return end if end < len(self.steps) and self.steps[end].app.lower() == "waitexten" else None


@dataclass
class Context:
    name: str
    span: Span
    extensions: dict[str, Extension] = field(default_factory=dict)
    includes: list[tuple[str, Span]] = field(default_factory=list)


@dataclass
class Dialplan:
    contexts: dict[str, Context]
    #: (span, message, help) for lines that do not parse.
    errors: list[tuple[Span, str, str]]
    #: (span, what) for directives that are noted but not followed.
    skipped: list[tuple[Span, str]]
    #: Context -> what `answers` found for it, when that holds whichever search asks.
    _answers: dict[str, dict[str, Extension]] = field(default_factory=dict, repr=False)
    #: Entries all kept answers may hold before each search is made on its own (`_search`).
    _budget: int = field(default=500_000, repr=False)
    #: Extensions the searches have merged so far: what `answers` has cost (the importer bounds it).
    merged: int = field(default=0, repr=False)

    def answers(self, context: str) -> dict[str, Extension]:
        """Each extension name a call in `context` can match -> the extension that answers it.

        As Asterisk searches: the context's own extensions, then each included context's in turn,
        depth first, a context met twice searched once; the first found wins. Each context's answer
        is kept, so a chain of includes is walked once, not once per context along it. An answer
        that met a context still being searched (an include loop) is kept only for that search.
        When the kept answers grow past a budget (a long chain of contexts that each add names of
        their own), each context is searched on its own instead, as far as Asterisk searches.
        """
        known = self._answers
        if context in known:
            return known[context]
        if self._budget <= 0:
            known[context] = found = self._search(context)
            return found
        on_stack: dict[str, int] = {}
        finished: dict[str, dict[str, Extension]] = {}
        #: [context, its answers so far, includes left, lowest stack depth its search met]
        stack: list[list] = []

        def enter(name: str) -> None:
            current = self.contexts.get(name)
            on_stack[name] = len(stack)
            stack.append([name, dict(current.extensions) if current else {},
                          iter([n for n, _ in current.includes] if current else ()), len(stack)])

        enter(context)
        while True:
            frame = stack[-1]
            child = next(frame[2], None)
            if child is not None:
                if child in on_stack:
                    frame[3] = min(frame[3], on_stack[child])  # a loop: it adds nothing to this search
                elif child in known or child in finished:
                    self.merged += _first_wins(frame[1], known[child] if child in known else finished[child])
                else:
                    enter(child)
                continue
            stack.pop()
            name, found, _, low = frame
            del on_stack[name]
            (known if low >= len(stack) else finished)[name] = found
            self._budget -= len(found)
            if self._budget <= 0:
                return self.answers(context)
            if not stack:
                return found
            self.merged += _first_wins(stack[-1][1], found)
            stack[-1][3] = min(stack[-1][3], low)


    def _search(self, context: str) -> dict[str, Extension]:
        """`answers` of one context alone: contexts in the order Asterisk searches them, at most
        as many as it does (512), each one's extensions added unless an earlier one had the name."""
        found: dict[str, Extension] = {}
        seen: set[str] = set()
        todo = [context]
        while todo and len(seen) < _SEARCHED:
            name = todo.pop()
            current = self.contexts.get(name)
            if name in seen or current is None:
                continue
            seen.add(name)
            self.merged += _first_wins(found, current.extensions)
            todo.extend(reversed([n for n, _ in current.includes]))
        return found


#: How many contexts one search of Asterisk's visits at most (AST_PBX_MAX_STACK in pbx.c).
_SEARCHED = 512


def _first_wins(into: dict[str, Extension], more: dict[str, Extension]) -> int:
    """Add the names `into` lacks; how many were looked at."""
    for name, extension in more.items():
        into.setdefault(name, extension)
    return len(more)


def parse(text: str) -> Dialplan:
    """Every context of the file, in file order. Never raises."""
    contexts: dict[str, Context] = {}
    errors: list[tuple[Span, str, str]] = []
    skipped: list[tuple[Span, str]] = []
    current: Context | None = None
    last: Extension | None = None
    in_block = False
    for number, raw in enumerate(LINE_BREAKS.split(text.lstrip("\ufeff")), start=1):
        line, in_block = _strip_comment(raw, in_block)
        stripped = line.strip()
        if not stripped:
            continue
        indent = len(line) - len(line.lstrip())
        if stripped.startswith("#"):
            skipped.append((Span(number, indent + 1), stripped.split()[0]))
            continue
        header = _HEADER.match(stripped)
        if header:
            name = header.group("name").strip()
            span = Span(number, indent + 2)
            current = contexts.get(name) if "+" in (header.group("marks") or "") else None
            if current is None:
                current = contexts.setdefault(name, Context(name, span))
            last = None
            continue
        if current is None or current.name.lower() in _SKIPPED:
            continue
        assign = _ASSIGN.match(stripped)
        if not assign:
            errors.append((Span(number, indent + 1), f"this line is not `key => value` inside [{current.name}]",
                           "write `exten => EXT,PRIORITY,Application(args)`, `same => ...` or `include => CONTEXT`"))
            continue
        key = assign.group("key").lower()
        value = assign.group("value")
        value_col = indent + assign.start("value") + 1
        if key == "include":
            current.includes.append((value.strip(), Span(number, value_col)))
        elif key in ("exten", "same"):
            last = _step(current, last, key, value, number, value_col, errors)
    return Dialplan(contexts, errors, skipped)


def _strip_comment(line: str, in_block: bool) -> tuple[str, bool]:
    """Drop `;` comments (not `\\;`) and `;-- ... --;` blocks, keeping columns."""
    if not in_block and ";" not in line:
        return line, False
    out, i = [], 0
    while i < len(line):
        if in_block:
            end = line.find("--;", i)
            if end == -1:
                return "".join(out), True
            out.append(" " * (end + 3 - i))
            i, in_block = end + 3, False
            continue
        char = line[i]
        if char == "\\" and i + 1 < len(line):
            out.append(line[i:i + 2])
            i += 2
            continue
        if char == ";":
            if line.startswith(";--", i):
                in_block = True
                out.append("   ")
                i += 3
                continue
            break
        out.append(char)
        i += 1
    return "".join(out), in_block


def _step(context: Context, last: Extension | None, key: str, value: str, number: int, column: int,
          errors: list) -> Extension | None:
    parts = _split(value, 3 if key == "exten" else 2)
    if key == "exten":
        if len(parts) < 3:
            errors.append((Span(number, column), f"`exten => {value.strip()}` needs EXT,PRIORITY,Application",
                           "write e.g. `exten => 1,1,Goto(sales,s,1)`"))
            return last
        name = parts[0].strip().split("/")[0]  # `1/5551234` matches on the caller id too
        ext_span = Span(number, column + len(parts[0]) - len(parts[0].lstrip()))
        extension = context.extensions.setdefault(name, Extension(name, ext_span, context.name))
        prio_text, app_text = parts[1].strip(), parts[2]
        app_col = column + len(parts[0]) + len(parts[1]) + 2
    else:
        if last is None or len(parts) < 2:
            errors.append((Span(number, column), "`same =>` needs an `exten =>` line before it in this context",
                           "start the extension with `exten => EXT,1,Application(...)`"))
            return last
        extension = last
        prio_text, app_text = parts[0].strip(), parts[1]
        app_col = column + len(parts[0]) + 1
    prio = _PRIORITY.match(prio_text)
    if prio is None:
        errors.append((Span(number, column), f"priority {prio_text!r} is not a number, `n` or `n(label)`",
                       "priorities are 1, 2, 3 ... or n, optionally with a label: n(menu)"))
        return extension
    if prio.group("prio").lower() == "hint":
        return extension
    previous = extension.steps[-1].priority if extension.steps else 0
    word = prio.group("prio").lower()
    try:
        priority = (read_number(word, whole=True, low=1, high=MAX_PRIORITY) if word[0].isdigit() else previous
                    if word == "s" else previous + read_number(word[2:] or 1, whole=True, low=0, high=MAX_PRIORITY))
    except NotANumber as exc:
        errors.append((Span(number, column), f"priority {prio_text[:40]!r}: {exc}",
                       "priorities are 1, 2, 3 ... or n, optionally with a label: n(menu)"))
        return extension
    app_col += len(app_text) - len(app_text.lstrip())
    app, args = _application(app_text.strip())
    steps = extension.steps
    steps.append(Step(priority, prio.group("label"), app, args, app_text.strip(), Span(number, app_col)))
    if len(steps) > 1 and steps[-2].priority > priority:  # in order already unless written out of order
        steps.sort(key=lambda s: s.priority)
    return extension


def goto_target(args: list[str], extension: Extension) -> tuple[str, str, str]:
    """`Goto(ctx,ext,prio)`, `Goto(ext,prio)` or `Goto(label)` -> (context, extension, priority)."""
    parts = [a.strip() for a in args if a.strip() != ""]
    if len(parts) >= 3:
        return parts[0], parts[1], parts[2]
    if len(parts) == 2:
        return extension.context, parts[0], parts[1]
    return extension.context, extension.name, parts[0] if parts else "1"


def _application(text: str) -> tuple[str, list[str]]:
    """`Goto(sales,s,1)` -> ("Goto", ["sales", "s", "1"]); `Playback,file` (old form) too."""
    match = _APPLICATION.match(text)
    if match is None:
        return text, []
    inner = match.group(2) if match.group(2) is not None else match.group(3)
    if inner is None:
        return match.group(1), []
    if inner.endswith(")") and inner.count("(") < inner.count(")"):
        inner = inner[:-1]
    args = _split(inner, 0)
    if len(args) == 1 and "|" in inner and "$[" not in inner:
        args = inner.split("|")  # Asterisk 1.2 and older separated arguments with |
    return match.group(1), [a.strip() for a in args]


#: `App(args)`, `App,args` (the old form) or a bare `App`.
_APPLICATION = re.compile(r"^([\w:]+)\s*(?:\((.*)\)?\s*$|,(.*)$|$)", re.DOTALL)
#: The characters `_split` reads; the others never change where it splits.
_SPLITTING = re.compile(r'[",()\[\]{}]')
#: What can keep a comma from splitting: an opening quote or bracket (a closing one at depth 0 changes nothing).
_OPENING = re.compile(r'["(\[{]')


def _split(text: str, limit: int) -> list[str]:
    """Split on commas outside (), [], {} and quotes; at most `limit` parts (0: no limit).

    Only commas, brackets and quotes are visited: a step of a dialplan is read once, and a
    file of 30,000 steps was read character by character.
    """
    plain = text.split(",", limit - 1) if limit else text.split(",")
    if not _OPENING.search(text if limit == 0 or len(plain) < limit else text[:len(text) - len(plain[-1])]):
        return plain  # no quote or bracket before the last split: every comma there splits
    parts, depth, quote, start = [], 0, "", 0
    for found in _SPLITTING.finditer(text):
        char = found.group()
        if quote:
            quote = "" if char == quote else quote
        elif char == '"':
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth = max(0, depth - 1)
        elif char == "," and depth == 0 and (limit == 0 or len(parts) < limit - 1):
            i = found.start()
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


__all__ = ["OPAQUE", "PASS", "PROMPTS", "Context", "Dialplan", "Extension", "Step", "goto_target", "parse"]
