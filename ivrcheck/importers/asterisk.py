"""Asterisk `extensions.conf` dialplans -> the menu model, following calls from one context.

See docs/importers/asterisk.md for what is read and how each application maps.
"""

from __future__ import annotations

import re
from collections import deque

import networkx as nx

from ivrcheck.findings import Finding, Span
from ivrcheck.importers import asterisk_menu, dialplan
from ivrcheck.importers.dialplan import OPAQUE, PASS, PROMPTS, Context, Dialplan, Extension, Step, goto_target
from ivrcheck.importers.nodeset import NodeSet, humanize, is_computed, replaced
from ivrcheck.importers.steps import Exit, Kind, Way
from ivrcheck.model import Menu, NodeType, Option, Target

NAME = "asterisk"
TITLE = "Asterisk dialplan (extensions.conf)"

#: Leading blanks stop at the line end: `^\s*` would rescan every blank line below each line start.
#: `(?:\s*\n)?` says the same as the old `\s*[^,\n]+` (a value may start on a later line) without backtracking.
_DETECT = re.compile(r"^[^\S\n]*+(exten|same)\s*+=>?(?:\s*\n)?[^,\n]++,", re.MULTILINE | re.IGNORECASE)


def detect(text: str, filename: str) -> bool:
    """A dialplan: `exten =>` lines (or a file named extensions*.conf with contexts)."""
    return bool(_DETECT.search(text[:200_000])) and not text.lstrip().startswith(("<", "{"))


def read(text: str, display: str, entry: str | None) -> tuple[Menu | None, list[Finding]]:
    """The dialplan as one phone line entered at `entry` (`context` or `context,exten`)."""
    nodes = NodeSet(display)
    plan = dialplan.parse(text)
    for span, message, help_text in plan.errors:
        nodes.problem("F018", span, message, help_text)
    for span, what in plan.skipped:
        nodes.opaque(span, None, f"`{what}` pulls in another file, which is not read here",
                     "check the included file on its own, or paste its contexts in")
    contexts = {n: c for n, c in plan.contexts.items() if c.extensions or c.includes}
    if not contexts:
        if not plan.errors:
            nodes.problem("F019", Span(1, 1), "no context with `exten =>` lines was found",
                          "a dialplan has [contexts] with `exten => EXT,PRIORITY,Application(...)` lines")
        return None, nodes.findings
    start = _entry(nodes, plan, contexts, entry)
    if start is None or nodes.failed:
        return None, nodes.findings
    walker = Walker(plan, nodes)
    first = walker.follow(start[0], start[1], 0, contexts[start[0]].span)
    walker.run()
    return nodes.finish(first, start[0])


#: How many times its own extensions a dialplan's menus may answer through includes, plus how many more.
_GROWTH = 10
_SLACK = 10_000
#: Extensions Asterisk runs on events (hang-up, invalid key, timeout...), never where a call arrives.
#: A number dialled out through a trunk (`DAHDI/g0/5551234`, `SIP/provider/+15550100`), not an extension.
_OUTSIDE = re.compile(r"\+?\d{7,}")
SPECIAL = frozenset(("h", "i", "t", "e", "o", "a", "T", "fax", "talk", "hint"))
#: Context names that say calls from outside arrive there.
_ARRIVAL = re.compile(r"from[-_]?(trunk|pstn|external|outside|provider|sip|did)|incoming|inbound|^did|public|ivr",
                      re.IGNORECASE)


def _entry(nodes: NodeSet, plan: Dialplan, contexts: dict[str, Context], entry: str | None) -> tuple[str, str] | None:
    """(context, extension) calls start at; F021 with the candidates, best guess first, when it cannot be told."""
    if entry is not None:
        name, _, exten = entry.partition(",")
        context = contexts.get(name)
        if context is None or (exten and exten.split(",")[0] not in context.extensions):
            nodes.problem("F021", Span(1, 1), f"--entry {entry!r} names no context (or extension) in this dialplan",
                          f"use one of: {', '.join(c for c in contexts if _arrival(contexts[c]))}")
            return None
        return name, exten.split(",")[0] if exten else _first(context)
    edges = {name: {t for t, _ in c.includes} for name, c in contexts.items()}
    for context in contexts.values():
        for extension in context.extensions.values():
            for step in extension.steps:
                if step.app.lower() in ("goto", "gotoif", "gotoiftime", "gosub", "gosubif") and step.args:
                    edges[context.name].update(_named_contexts(step, context.name))
    # A start is a context a call can arrive in that nothing leads to, except contexts it leads to itself
    # (a menu loop): not a macro, and with an extension that is not an event (`h`, `i`, `t`...).
    # A context only ever `include`d holds keys for another: no call arrives there. "Nothing leads to
    # it" is asked of its group of contexts that lead to each other (one pass finds the groups; what
    # each context reaches, asked of every context, was quadratic on a long chain).
    included = {t for c in contexts.values() for t, _ in c.includes}
    graph = nx.DiGraph()
    graph.add_nodes_from(contexts)
    graph.add_edges_from((name, target) for name, targets in edges.items() for target in targets if target in contexts)
    groups = nx.condensation(graph)
    roots = [n for n, c in contexts.items() if _arrival(c) and n not in included
             and groups.in_degree(groups.graph["mapping"][n]) == 0]
    if len(roots) == 1:
        return roots[0], _first(contexts[roots[0]])
    candidates = sorted(roots or [n for n, c in contexts.items() if _arrival(c)] or list(contexts),
                        key=lambda n: (not _ARRIVAL.search(n), "s" not in contexts[n].extensions))
    listed = "; ".join(f"{n} ({_why(contexts[n])})" for n in candidates[:8])
    nodes.problem("F021", contexts[candidates[0]].span,
                  f"calls could start in {len(candidates)} contexts, best guess first: {listed}"
                  f"{'; ...' if len(candidates) > 8 else ''}; the channel configuration decides which",
                  f"pass --entry {candidates[0]} (or `context,extension`)")
    return None


def _arrival(context: Context) -> bool:
    """Whether a call can arrive in this context: no macro, and an extension that is not an event."""
    return not context.name.lower().startswith("macro-") and any(n not in SPECIAL for n in context.extensions)


def _why(context: Context) -> str:
    """Why a context is a candidate start, for the F021 message."""
    named = "named for incoming calls, " if _ARRIVAL.search(context.name) else ""
    return f"{named}starts at {_first(context)}"


def _first(context: Context) -> str:
    """Where a call arriving in the context starts: `s`, else its first DID or pattern extension."""
    if "s" in context.extensions:
        return "s"
    return next((n for n in context.extensions if n not in SPECIAL), next(iter(context.extensions), "s"))


def _named_contexts(step: Step, here: str) -> set[str]:
    text = ",".join(step.args)
    found = set()
    for branch in re.split(r"[?:]", text)[1:] if step.app.lower() not in ("goto", "gosub") else [text]:
        parts = [p.strip() for p in branch.split(",")]
        if len(parts) >= 3 and parts[0] != here:
            found.add(parts[0])
    return found


class Walker:
    """Follows calls through the dialplan, making a node for every step a caller notices."""

    def __init__(self, plan: Dialplan, nodes: NodeSet) -> None:
        self.plan, self.nodes = plan, nodes
        self.ids: dict[tuple[str, str, int], str] = {}
        self.queue: deque[tuple[str, str, int]] = deque()
        self.hints: dict[str, str] = {}
        self.labels: list[tuple[str, int]] = []
        #: Menu node ids (made at a WaitExten) -> their context.
        self.waits: dict[str, str] = {}  # (menu id, option index) whose label comes from the target
        #: Subroutine context -> (context, extension, index) its `Return` goes back to.
        self.returns: dict[str, tuple[str, str, int]] = {}
        self.noted: set[str] = set()
        #: Extensions the menus may answer in all, through their includes, before the file is refused.
        self.own = sum(len(c.extensions) for c in plan.contexts.values())
        self.budget = _GROWTH * self.own + _SLACK
        self.options_made = 0
        self.refused = False

    # -- finding steps -------------------------------------------------------------------------------
    def answers(self, context: str) -> dict[str, Extension]:
        """Each extension name the context answers (its own or an included context's) -> the extension."""
        return self.plan.answers(context)

    def extension(self, context: str, name: str) -> Extension | None:
        """An extension of the context or of a context it includes (searched in Asterisk's order)."""
        found = self.plan.answers(context).get(name)
        searched = self.plan.contexts.get(context)
        return found if self._within(0, searched.span if searched else Span(1, 1)) else None

    def follow(self, context: str, exten: str, index: int, span: Span, priority: str | None = None,
               dialled: str | None = None) -> Target:
        """The node a call meets from this step on, skipping silent steps, static Gotos, and Gosub and
        Return (a subroutine's steps are followed, and its Return goes back after the Gosub).
        `dialled` is what `${EXTEN}` holds when the extension is a pattern (the key pressed)."""
        seen: set[tuple[str, str, int]] = set()
        while True:
            extension = self.extension(context, exten)
            if extension is not None and priority is not None:
                found = extension.index_of(priority)
                index = found if found is not None else -1
            if extension is None or index < 0:
                return Target(f"{context},{exten},{priority or 1}".replace("#", "hash"), span)  # rule S101 reports it
            priority = None
            key = (extension.context, extension.name, index)
            if key in self.ids or key in seen or index >= len(extension.steps):
                return self._id(key)
            seen.add(key)
            step = extension.steps[index]
            app = step.app.lower()
            if app in PASS:
                index += 1
            elif app in ("goto", "gosub") and step.args and not is_computed(
                    ",".join(args := _exten_value(step.args, extension, dialled))):
                if app == "gosub":
                    self._called(extension, index, step, goto_target(args, extension)[0])
                context, exten, priority = goto_target(args, extension)
                span, dialled = step.span, None
            elif app == "return" and extension.context in self.returns:
                context, exten, index = self.returns[extension.context]
            elif app in PROMPTS:  # prompts that lead into a WaitExten are that menu's prompt
                wait = extension.wait_after(index)
                return self._id((key[0], key[1], wait) if wait is not None else key)
            else:
                return self._id(key)

    def _called(self, extension: Extension, index: int, step: Step, sub: str) -> None:
        """Remember where the subroutine `sub` returns to; one called from several places returns to the first."""
        back = (extension.context, extension.name, index + 1)
        if self.returns.setdefault(sub, back) != back and sub not in self.noted:
            self.noted.add(sub)
            self.nodes.opaque(step.span, None, f"the subroutine [{sub}] is called from several places; its `Return` "
                              "is read as going back after the first `Gosub` met",
                              "check the routes after each Gosub by hand")

    def _id(self, key: tuple[str, str, int]) -> Target:
        if key not in self.ids:
            context, exten, index = key
            steps = self.plan.contexts[context].extensions[exten].steps
            where = steps[index].priority if index < len(steps) else "end"
            self.ids[key] = self.nodes.new_id(f"{context},{exten},{where}")
            if index < len(steps) and steps[index].app.lower() == "waitexten":
                self.waits[self.ids[key]] = context
            self.nodes.nodes[self.ids[key]] = None  # type: ignore[assignment]  # reserved; built in run()
            self.queue.append(key)
        return Target(self.ids[key], self.span_of(key))

    def span_of(self, key: tuple[str, str, int]) -> Span:
        extension = self.plan.contexts[key[0]].extensions[key[1]]
        return extension.steps[key[2]].span if key[2] < len(extension.steps) else \
            (extension.steps[-1].span if extension.steps else extension.span)

    def answered(self, context: str, span: Span) -> dict[str, Extension]:
        """What a menu in `context` answers (`answers`), or {} once the budget is spent."""
        merged = self.answers(context)
        return merged if self._within(len(merged), span) else {}

    def _within(self, options: int, span: Span) -> bool:
        """Whether the searches through includes and the menus' options (`options` more) stay within
        the budget; once they do not, F019 (the file is refused) and nothing more is built.

        Each context answers the extensions of the contexts it includes, so a chain of contexts
        that each add extensions of their own makes every menu along it answer those of all the
        rest (as far as Asterisk searches, 512 contexts): a 700 kB file of 1,000 such contexts
        made ten million options and took minutes. Like YAML aliases (F009), that expansion is
        bounded by the file's own size: ten times its extensions, plus 10,000.
        """
        self.options_made += options
        if self.plan.merged + self.options_made <= self.budget:
            return True
        if not self.refused:
            self.refused = True
            self.nodes.problem("F019", span, f"through their includes, the menus of this dialplan answer more than "
                               f"{self.budget:,} extensions in all ({_GROWTH} times its own {self.own:,}, plus "
                               f"{_SLACK:,}); it is not read further",
                               "include fewer contexts in each menu's context; no phone menu answers this many keys")
        self.queue.clear()
        return False

    # -- building nodes ------------------------------------------------------------------------------
    def run(self) -> None:
        while self.queue:
            key = self.queue.popleft()
            self._build(key)
        if self.nodes.failed:
            return  # the file is refused: its menus need no labels
        by_menu: dict[str, list[int]] = {}
        for menu_id, index in self.labels:
            by_menu.setdefault(menu_id, []).append(index)
        for menu_id, indexes in by_menu.items():
            options = list(self.nodes.nodes[menu_id].options)
            for index in indexes:
                option = options[index]
                if option.target is not None and option.label is None:
                    options[index] = _with_label(option, self._hint(option.target.ref, menu_id))
            self.nodes.change(menu_id, options=tuple(options))

    def _hint(self, node_id: str, menu_id: str) -> str | None:
        """A label from where an option leads: the endpoint after any messages, or the first message's sound."""
        first = self.hints.get(node_id)
        for _ in range(8):
            node = self.nodes.nodes.get(node_id)
            if node is None or node.type is not NodeType.MESSAGE or node.next is None:
                break
            node_id = node.next.ref
        node = self.nodes.nodes.get(node_id)
        if node_id == menu_id:
            return first if first != self.hints.get(menu_id) else None
        if node is None or node.type in (NodeType.MENU, NodeType.HANGUP, NodeType.BRANCH):
            return first
        return self.hints.get(node_id, first)

    def _build(self, key: tuple[str, str, int]) -> None:
        """One priority -> the step it is: a prompt or menu, a jump or condition, or where the call ends up."""
        context, exten, index = key
        extension = self.plan.contexts[context].extensions[exten]
        if index >= len(extension.steps):  # falling off the end: Asterisk hangs up
            self.nodes.at(self.ids[key], Kind.HANGUP, self.span_of(key))
            return
        step = extension.steps[index]
        app = step.app.lower()
        if app in PROMPTS or app in ("waitexten", "read"):
            asterisk_menu.prompted(self, key, extension, step)
        elif app in ("goto", "gotoif", "gotoiftime") or app in PASS:
            asterisk_menu.branch(self, key, extension, step)
        elif app == "dial":
            self._dial(key, extension, step, lambda: self.follow(context, exten, index + 1, self.span_of(key)))
        else:
            self._application(key, step, lambda: self.follow(context, exten, index + 1, self.span_of(key)))

    def _application(self, key: tuple[str, str, int], step: Step, onward) -> None:
        """An application that ends the call somewhere (a queue, voicemail, a hang-up) or runs and goes on."""
        node_id, span, app, args = self.ids[key], self.span_of(key), step.app.lower(), step.args
        at, hint = self.nodes.at, self.hints.__setitem__
        if app == "queue":
            queue = args[0] if args else ""
            # Whether a queue announces the wait is set in queues.conf, which is not read: H207 cannot judge it.
            at(node_id, Kind.QUEUE, span, queue=None if is_computed(queue) else queue or None,
               ignore=frozenset({"H207"}))
            hint(node_id, humanize(queue) if queue and not is_computed(queue) else "Queue")
            if is_computed(queue):
                self.nodes.opaque(span, node_id, f"the queue is computed at run time ({queue}); it is read as a queue "
                                  "of agents")
        elif app in ("voicemail", "vm", "hangup", "busy", "congestion"):
            at(node_id, Kind.VOICEMAIL if app in ("voicemail", "vm") else Kind.HANGUP, span)
            hint(node_id, "Voicemail" if app in ("voicemail", "vm") else "Hang up")
        elif app in ("confbridge", "meetme"):
            at(node_id, Kind.NOBODY, span, what=f"a conference room ({step.app})")
            hint(node_id, "Conference")
        elif app in ("directory", "voicemailmain", "record", "echo", "milliwatt", "musiconhold", "followme",
                     "chanspy", "page", "dictate"):
            ends = app in ("directory", "echo", "milliwatt", "musiconhold", "followme", "chanspy", "page")
            at(node_id, Kind.TASK, span, [Way(Exit.NEXT, None if ends else onward(), span)])
            hint(node_id, humanize(step.app))
        elif app == "return":
            at(node_id, Kind.TASK, span)
            self.nodes.opaque(span, node_id, "`Return` goes back to whichever `Gosub` called this; the route "
                              "depends on the caller")
        else:
            why = (f"`{step.app}` runs code outside the dialplan, whose outcome cannot be known here"
                   if app in OPAQUE else f"`{step.app}` is not an application ivrcheck knows")
            at(node_id, Kind.TASK, span, [Way(Exit.NEXT, onward(), span)])
            self.nodes.opaque(span, node_id, why + "; the call is assumed to carry on with the next priority")
            hint(node_id, humanize(step.app))

    def _dial(self, key: tuple[str, str, int], extension: Extension, step: Step, onward) -> None:
        """Dial: a phone rings. When the dialplan goes on after it, Dial returns on no answer, so both
        routes are kept (answered, and the no-answer route). Who answers: `_answerer`."""
        node_id, span, args = self.ids[key], self.span_of(key), step.args
        device = args[0] if args else ""
        self.hints[node_id] = device.split("&")[0].rsplit("/", 1)[-1] or "Dial"
        kind, fields = self._answerer(device, key[0])
        if any(s.app.lower() not in PASS | {"hangup"} for s in extension.steps[key[2] + 1:]):
            rung = self.nodes.step(f"{node_id}:answered", kind, span, **fields)
            self.nodes.at(node_id, Kind.DATA, span, [Way(Exit.CASE, rung, span, "answered"),
                                                     Way(Exit.DEFAULT, onward(), span)])
            self.nodes.opaque(span, node_id, f"Dial({','.join(args)}) goes on to the next priority when nobody "
                              "answers; both routes are kept", "check who answers, and how long it rings")
        else:
            self.nodes.at(node_id, kind, span, **fields)

    def _answerer(self, device: str, context: str) -> tuple[Kind, dict]:
        """A device of the system (`PJSIP/alice`, `SIP/1000`) is a person's phone; `PJSIP/${EXT}` is any
        extension of a range (the one the caller dialled), not counted; a number out through a trunk
        (`DAHDI/g0/5551234`) or a device computed otherwise is a number (steps' one policy)."""
        tech, _, resource = device.split("&")[0].partition("/")
        if resource and "/" not in resource and not is_computed(tech) and is_computed(resource):
            return Kind.NOBODY, {"note": (
                f"dials an extension computed at run time ({device}), any of a range; whether a person answers "
                "each is not in the dialplan, so it is not counted as one",
                "if a person always answers, the imported YAML can say `human: true`")}
        number = device.split("&")[0].rsplit("/", 1)[-1]
        if is_computed(device) or (device.count("/") >= 2 and _OUTSIDE.fullmatch(number)):
            return Kind.NUMBER, {"what": number, "names": (context,)}
        return Kind.DEVICE, {}

    def options(self, context: str, menu_id: str, span: Span) -> tuple[Way, ...]:
        return asterisk_menu.options(self, context, menu_id, span)


def _exten_value(args: list[str], extension: Extension, dialled: str | None) -> list[str]:
    """Arguments with `${EXTEN}` as the extension the call is in (the key pressed, for a pattern), and a
    Gosub's own arguments (`1(a,b)`) dropped."""
    value = dialled if extension.name.startswith("_") else extension.name
    found = [a.replace("${EXTEN}", value) if value else a for a in args]
    return [_GOSUB_ARGS.sub(r"\1", a.strip()) if "(" in a else a.strip() for a in found]


#: A Gosub target's own arguments: `1(a,b)` is priority 1.
_GOSUB_ARGS = re.compile(r"^(\w+)\(.*\)$")


def _with_label(option: Option, label: str | None) -> Option:
    return replaced(option, {"label": label, "label_span": option.span}) if label else option


__all__ = ["NAME", "TITLE", "detect", "read"]
