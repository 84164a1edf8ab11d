"""Genesys Cloud Architect call flows, as Archy YAML (`inboundCall:` with `menus` and `tasks`)."""

from __future__ import annotations

import re
from collections import deque

import yaml

from ivrcheck.config import Limits
from ivrcheck.findings import Finding, Span
from ivrcheck.importers import archy, archy_menu, genesys_tasks
from ivrcheck.importers.archy import Doc, get, items, seq, single, span
from ivrcheck.importers.common import END, Flow, language_code, unknown_prompt
from ivrcheck.importers.steps import Exit, Kind, Way, add
from ivrcheck.importers.steps import Step as Built
from ivrcheck.load.source import compose
from ivrcheck.model import Menu, Target

NAME = "genesys"
TITLE = "Genesys Cloud Architect flow (Archy YAML)"

_FLOW_TYPES = ("inboundCall", "inQueueCall", "outboundCall", "secureCall", "inboundShortMessage", "inboundEmail",
               "inboundChat", "commonModule", "bot", "digitalBot", "workflow", "voiceSurvey", "voicemail")
_DETECT = re.compile(rf"^({'|'.join(_FLOW_TYPES)})\s*:", re.MULTILINE)
#: `callTask` copies the called task once per place it returns to; the steps so made are bounded by
#: the file's own: `_GROWTH` steps per action written, plus `_SLACK` (as the Asterisk include budget is).
_GROWTH = 2
_SLACK = 10_000
#: `callTask`s nested deeper than this are refused (F019): each level is a few calls deep in Python.
MAX_CALL_DEPTH = 100


def detect(text: str, filename: str) -> bool:
    """Archy YAML: a top-level flow-type key such as `inboundCall:`."""
    return not text.lstrip().startswith(("{", "<")) and bool(_DETECT.search(text))


def read(text: str, display: str, entry: str | None) -> tuple[Menu | None, list[Finding]]:
    """Read an Archy inbound call flow into the model."""
    flow = Flow(display, TITLE)
    masked, originals = archy.mask(text)
    root, error = compose(masked, Limits())
    if root is None or error is not None:
        if error is not None and error.code == "F001":
            flow.syntax((error.span, error.message.replace("YAML syntax error: ", "")))
        elif error is not None:
            from ivrcheck.load.codes import load_finding

            flow.findings.append(load_finding(display, error.code, error.span, error.message, error.help))
        return flow.result(None)
    doc = Doc(root, originals)
    call = get(root, "inboundCall")
    if not isinstance(call, yaml.MappingNode):
        kinds = [k for k, _, _ in items(root) if k in _FLOW_TYPES]
        what = f"a {kinds[0]} flow" if kinds else "no `inboundCall:` flow"
        flow.structure(span(root), f"the file holds {what}; ivrcheck reads inbound call flows",
                       "export the inbound call flow (Archy `inboundCall:`), not a chat, email or module flow")
        return flow.result(None)
    menu = Reader(doc, flow, call).run(entry)
    for where, why in doc.bad_numbers:
        flow.structure(where, why, "write a number of seconds or a count, such as `lit: 5`")
    return flow.result(None if doc.bad_numbers else menu)


class Reader:
    """One flow being mapped: its menus and tasks by refId and name, and the flow's menu defaults."""

    def __init__(self, doc: Doc, flow: Flow, call: yaml.Node) -> None:
        self.doc, self.flow, self.call = doc, flow, call
        self.menus: dict[str, tuple[str, yaml.Node]] = {}
        self.tasks: dict[str, tuple[str, yaml.Node]] = {}
        self.defaults = get(call, "settingsMenu")
        self._built: set[str] = set()
        #: Open `loop` actions: (the loop step, where the call goes when it ends).
        self.loops: list[tuple[Target, Target | None]] = []
        self._calls: dict[tuple[str, str | None], Target | None] = {}
        #: How many steps the flow may hold before `callTask` copies stop (F019): see `_GROWTH`.
        self.own = _actions(call)
        self.budget = _GROWTH * self.own + _SLACK
        self.refused = False
        #: Tasks a jump has named, to build (`_drain`); how many `callTask` copies are open now.
        self._queue: deque[tuple[str, yaml.Node]] = deque()
        self._depth = 0

    def run(self, entry: str | None) -> Menu | None:
        for kind, table in (("menu", self.menus), ("task", self.tasks)):
            for item in seq(get(self.call, f"{kind}s")):
                body = get(item, kind)
                if isinstance(body, yaml.MappingNode):
                    name = self.doc.text(get(body, "name")) or kind
                    ref = self.doc.text(get(body, "refId")) or name
                    node_id = self.flow.claim(name, kind)
                    for key in (ref, name):
                        table.setdefault(key, (node_id, body))
        start = self.start(entry)
        self._drain()
        for node_id, body in {v[0]: v[1] for v in self.menus.values()}.items():
            self.build_menu(node_id, body, None)
            self._drain()
        # Tasks only ever run by `callTask` are copied into their callers; one nothing uses is shown as is.
        called = {key for key, _ in self._calls}
        for node_id, body in {v[0]: v[1] for v in self.tasks.values()}.items():
            if node_id not in called:
                self.build_task(node_id, body)
                self._drain()
        if start is None:
            return None
        greeting_text, unknown = archy.audio(self.doc, get(self.call, "initialGreeting"))
        greeting = get(self.call, "initialGreeting")
        if greeting is not None and (greeting_text or unknown) and entry is None:
            start = add(self.flow, Built(self.flow.claim("initial_greeting"), Kind.MESSAGE, span(greeting),
                                         [Way(Exit.NEXT, start, span(greeting))], prompt=greeting_text,
                                         prompt_span=span(greeting) if greeting_text else None))
        name = self.doc.text(get(self.call, "name")) or self.flow.display
        language = language_code(self.doc.text(get(self.call, "defaultLanguage")))
        return self.flow.menu(name, language, start, span(self.call))

    def start(self, entry: str | None) -> Target | None:
        """Where calls start: `--entry` (a menu or task name or refId), else `startUpRef`."""
        names = [k for k in (*self.menus, *self.tasks)]
        if entry is not None:
            found = self.menus.get(entry) or self.tasks.get(entry)
            if found is None:
                self.flow.unknown_entry(span(self.call), entry, names, "menus and tasks")
                return None
            return Target(found[0], span(found[1]))
        node = get(self.call, "startUpRef")
        ref = self.doc.text(node)
        if ref is None:
            self.flow.unknown_entry(span(self.call), None, names, "menus and tasks")
            return None
        target = self.resolve(ref, span(node))
        if target.ref not in {v[0] for v in (*self.menus.values(), *self.tasks.values())}:
            self.flow.findings.append(_entry_not_found(self.flow, span(node), ref, names))
            return None
        return target

    def resolve(self, ref: str, where: Span) -> Target:
        """A menu or task ref (`/inboundCall/menus/menu[x]`, `./tasks/task[y]`, or a name) -> a target.

        A ref to nothing stays as written, so rule S101 reports it at this position.
        """
        kind, key = archy.ref_name(ref)
        tables = {"menu": [self.menus], "task": [self.tasks]}.get(kind or "", [self.menus, self.tasks])
        for table in tables:
            if key in table:
                node_id, body = table[key]
                if table is self.tasks:
                    self.build_task(node_id, body)
                return Target(node_id, where)
        return Target(ref, where)

    def build_task(self, node_id: str, body: yaml.Node) -> None:
        """A top-level task as a node of its own, built once, when a jump or the start names it.

        Only queued here (`_drain` builds it), so a chain of tasks that each jump to the next is
        built in a loop, not by a recursion as deep as the chain (400 tasks overflowed Python's stack).
        """
        if node_id not in self._built:
            self._built.add(node_id)
            self._queue.append((node_id, body))

    def _drain(self) -> None:
        """Build the tasks jumps have named, and those their own jumps name."""
        while self._queue:
            node_id, body = self._queue.popleft()
            genesys_tasks.task(self, node_id, body, None, None)

    def called(self, ref: str, where: Span, cont: Target | None, menu: str | None) -> Target | None:
        """`callTask`: the called task's actions, continuing at `cont` when they end (one copy per return point)."""
        kind, key = archy.ref_name(ref)
        found = self.tasks.get(key)
        if found is None:
            return Target(ref, where)
        memo = (found[0], cont.ref if cont else None)
        if memo in self._calls:
            return self._calls[memo] or Target(found[0], where)
        if not self._within(where):
            return None
        self._calls[memo] = None  # a task that calls itself jumps to its own start
        self._depth += 1
        entry = genesys_tasks.actions(self, get(found[1], "actions"), cont, menu, found[0])
        self._depth -= 1
        self._calls[memo] = entry
        return entry

    def _within(self, where: Span) -> bool:
        """Whether another `callTask` copy fits the budget; once it does not, F019 (the file is refused).

        Each copy is made for one return point, so tasks that each call the next twice double at
        every level: 30 of them (13 kB) made a billion steps and never finished.
        """
        if self.refused:
            return False
        if self._depth >= MAX_CALL_DEPTH:
            self.refused = True
            self.flow.structure(where, f"`callTask` calls nest more than {MAX_CALL_DEPTH} deep (a task calls a task "
                                "that calls a task...); it is not read further",
                                "let a task jump (`jumpToTask`) to the next instead of calling it")
        elif len(self.flow.nodes) > self.budget:
            self.refused = True
            self.flow.structure(where, f"through `callTask`, the tasks of this flow make more than {self.budget:,} "
                                f"steps ({_GROWTH} times its own {self.own:,} actions, plus {_SLACK:,}); it is not read further",
                                "call each task from fewer places, or make a task that many calls share "
                                "end the call or jump (`jumpToTask`) instead of returning")
        return not self.refused

    def collected(self, body: yaml.Node, name: str, where: Span, cont: Target | None, menu: str | None,
                  base: str) -> Target | None:
        """A `collectInput` whose digits a switch or decision reads as keys, as a menu (else None)."""
        return archy_menu.collected_menu(self, body, name, where, cont, menu, base)

    def build_menu(self, node_id: str, body: yaml.Node, parent: str | None) -> Target:
        """A menu (top-level or a `menuSubMenu`'s) -> a menu node and the nodes its choices lead to."""
        where = span(get(body, "name") or body)
        if node_id in self._built:
            return Target(node_id, where)
        self._built.add(node_id)
        prompt, unknown = archy.audio(self.doc, get(body, "audio"))
        ignore = unknown_prompt(self.flow, node_id, span(get(body, "audio") or body), unknown) if unknown else None
        exits: list[Way] = []
        by_name: dict[str, Target] = {}
        for item in seq(get(body, "choices")):
            made = self.choice(item, node_id)
            if made is None:
                continue
            names, way = made
            for name in names:
                by_name.setdefault(name, way.to)  # type: ignore[arg-type]
            if way.value:
                exits.append(way)
        settings = get(body, "settingsMenu")
        timeout = archy.number(self.doc, get(settings, "menuSelectionTimeout"))
        retries = archy.number(self.doc, get(settings, "repeatCount"))
        timeout = timeout if timeout is not None else archy.number(self.doc, get(self.defaults, "menuSelectionTimeout"))
        retries = retries if retries is not None else archy.number(self.doc, get(self.defaults, "repeatCount"))
        default_node = get(body, "defaultChildMenuRef")
        after = None
        if default_node is not None and self.doc.text(default_node):
            ref = self.doc.text(default_node) or ""
            after = by_name.get(archy.ref_name(ref)[1]) or self.resolve(ref, span(default_node))
            after = Target(after.ref, span(default_node))
        exits += [Way(Exit.TIMEOUT, Target("repeat", where), where), Way(Exit.INVALID, Target("repeat", where), where),
                  Way(Exit.RETRIES, after, where)]
        return add(self.flow, Built(node_id, Kind.ASK, where, exits, prompt=prompt,
                                    prompt_span=span(get(body, "audio")) if prompt else None,
                                    timeout=timeout, retries=int(retries) if retries is not None else None,
                                    unknown=ignore, spans={"after_retries": span(default_node)} if after else {}))

    def choice(self, item: yaml.Node, menu_id: str) -> tuple[list[str], Way] | None:
        """A `- menuX: {...}` choice -> (its names, a key or speech exit whose key may be empty when it has none)."""
        parts = single(item)
        if parts is None:
            return None
        kind, kind_node, body = parts
        name = self.doc.text(get(body, "name")) or kind
        key = archy.DIGITS.get((self.doc.text(get(body, "dtmf")) or "").strip(), "")
        terms = [self.doc.text(t) or "" for _, _, lang in items(get(body, "speechRecTerms"))
                 for t in seq(get(lang, "terms"))]
        where = span(get(body, "dtmf") or kind_node)
        target = genesys_tasks.choice_target(self, kind, body, name, span(kind_node), menu_id)
        if target is None:
            target = self.flow.end_call(where) if kind == "menuDisconnect" else None
        if target is None:
            return None
        if not key and terms:
            key = name
        way = Way(Exit.SPEECH if key == name else Exit.KEY, target, where, key, name, tuple(terms))
        refs = [name] + [self.doc.text(get(body, "refId")) or ""]
        return refs, way


def _actions(root: yaml.Node) -> int:
    """How many actions the flow writes: the items of every `actions` list, at any depth."""
    count, stack = 0, [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == "actions" and isinstance(value, yaml.SequenceNode):
                    count += len(value.value)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return count


def _entry_not_found(flow: Flow, where: Span, ref: str, names: list[str]) -> Finding:
    from ivrcheck.didyoumean import suggest
    from ivrcheck.load.codes import load_finding

    return load_finding(flow.display, "F021", where, f'`startUpRef` "{ref}" names no menu or task in the flow',
                        suggest(archy.ref_name(ref)[1], names) if names else "the flow has no menus or tasks")


__all__ = ["END", "NAME", "TITLE", "detect", "read"]
