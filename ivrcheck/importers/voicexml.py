"""VoiceXML 2.x documents (`<menu>`s and `<form>`s, with or without the namespace) -> the menu model.

See docs/importers/voicexml.md for what is read and how each element maps.
"""

from __future__ import annotations

import re
from itertools import islice
import xml.etree.ElementTree as ET

from ivrcheck.findings import Finding, Span
from ivrcheck.importers import xml_source
from ivrcheck.importers.nodeset import NodeSet, humanize, prompt_label
from ivrcheck.importers.steps import Exit, Kind, Way, add
from ivrcheck.importers.steps import Step as Built
from ivrcheck.importers.vxml_text import condition_value, grammar_items, prompt_text, seconds
from ivrcheck.importers.xml_source import Document, local, text_of
from ivrcheck.model import DTMF_KEYS, Menu, Node, Target
from ivrcheck.numbers import number_or_none

NAME = "voicexml"
TITLE = "VoiceXML 2.x document"
ROOTS = ("vxml",)

_ROOT = re.compile(r"<(?:\w+:)?vxml\b")
_ACTIONS = ("goto", "transfer", "exit", "disconnect", "reprompt", "submit", "return", "throw", "if", "clear")
_ITEMS = ("block", "field", "transfer", "record", "subdialog", "object")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def detect(text: str, filename: str) -> bool:
    """A document whose root element is `<vxml>`."""
    return bool(_ROOT.search(text[:20_000]))


def read(text: str, display: str, entry: str | None) -> tuple[Menu | None, list[Finding]]:
    """The document's dialogs as one phone line, starting at the first dialog (or `entry`)."""
    nodes = NodeSet(display)
    doc = xml_source.document(text, nodes.problem)
    if doc is None:
        return None, nodes.findings
    if local(doc.root.tag) != "vxml":
        nodes.problem("F019", doc.span(doc.root), f"the root element is <{local(doc.root.tag)}>, not <vxml>",
                      "a VoiceXML document starts with <vxml version=\"2.1\">")
        return None, nodes.findings
    dialogs = [d for d in doc.root if local(d.tag) in ("menu", "form")]
    if not dialogs:
        nodes.problem("F019", doc.span(doc.root), "the document declares no <menu> or <form>",
                      "a VoiceXML application needs at least one dialog")
        return None, nodes.findings
    ids = [d.get("id") or f"{local(d.tag)}{i + 1}" for i, d in enumerate(dialogs)]
    if entry is not None and entry not in ids:
        nodes.problem("F021", doc.span(doc.root), f"--entry {entry!r} names no dialog in this document",
                      f"use one of: {', '.join(ids)}")
        return None, nodes.findings
    builder = _Builder(doc, nodes, doc.root.get(_XML_LANG) or doc.root.get("lang") or "en")
    for dialog_id, dialog in zip(ids, dialogs):
        builder.dialog(dialog_id, dialog)
    start = entry or ids[0]
    return nodes.finish(Target(start, doc.span(dialogs[ids.index(start)])), start, builder.language)


class _Builder:
    def __init__(self, doc: Document, nodes: NodeSet, language: str) -> None:
        self.doc, self.nodes, self.language = doc, nodes, language.split("-")[0].lower() or "en"
        # Handlers and properties on <vxml> itself, collected once (every dialog inherits them).
        self.root_handlers = [c for c in doc.root if local(c.tag) in ("catch", "noinput", "nomatch")]
        self.root_properties = [c for c in doc.root if local(c.tag) == "property"]
        #: Form id -> the node ids of its items, for a `<goto expritem>` that picks one at run time.
        self.form_items: dict[str, list[str]] = {}
        self.parents = {child: parent for parent in doc.root.iter() for child in parent}
        #: Every node id the nodes of the dialogs read so far lead to (`leads_to`), while `exact`.
        self.targeted: set[str] = set()
        #: False once a dialog rewrote a node of an earlier one (a repeated id): then `leads_to` scans every node.
        self.exact = True

    def form_of(self, element: ET.Element) -> ET.Element:
        """The dialog an item belongs to."""
        parent = self.parents.get(element, element)
        return parent if local(parent.tag) in ("form", "menu") or parent is self.doc.root else self.form_of(parent)

    # -- dialogs -------------------------------------------------------------------------------
    def dialog(self, dialog_id: str, element: ET.Element) -> None:
        mark = len(self.nodes.nodes)
        self.exact = self.exact and dialog_id not in self.nodes.nodes
        if local(element.tag) == "menu":
            self.menu(dialog_id, element)
        else:
            self.form(dialog_id, element)
        self.targeted.update(t.ref for node in self._since(mark) for t in node.targets())

    def _since(self, mark: int) -> list[Node]:
        """The nodes added after the first `mark` (a dialog's own: reserved, then built in place)."""
        nodes = self.nodes.nodes
        return [n for n in islice(reversed(nodes.values()), max(0, len(nodes) - mark)) if n is not None]

    def leads_to(self, node_id: str, mark: int) -> bool:
        """Whether any node leads to `node_id`: those of earlier dialogs by `targeted`, the current
        dialog's (added after `mark`) by a look at each. One scan per dialog of every node made a
        document of thousands of forms quadratic (issue 23)."""
        if not self.exact:
            return any(t.ref == node_id for n in self.nodes.nodes.values() if n is not None for t in n.targets())
        return node_id in self.targeted or any(t.ref == node_id for n in self._since(mark) for t in n.targets())

    def menu(self, menu_id: str, element: ET.Element) -> None:
        span = self.doc.span(element)
        self.nodes.reserve(menu_id, span)
        choices = [c for c in element if local(c.tag) == "choice"]
        numbered = iter(str(n) for n in range(1, 10)) if element.get("dtmf", "").lower() == "true" else iter(())
        keyed = [(c, c.get("dtmf") or next(numbered, None)) for c in choices]
        prompt, sounds = prompt_text(element, [(k or "", text_of(c)) for c, k in keyed])
        options: list[Way] = []
        for choice, key in keyed:
            said = text_of(choice)
            target = self.goto(choice, menu_id, span)
            label = said or prompt_label(prompt, key or "", self.language) or (
                humanize(target.ref) if target else None)
            where = self.doc.attr_span(choice, "dtmf") if choice.get("dtmf") else self.doc.span(choice)
            if key is None and not said:
                self.nodes.problem("F019", where, "a <choice> with no dtmf key and no words can never be chosen",
                                   "give it dtmf=\"N\" or words to say", menu_id)
                continue
            options.append(Way(Exit.KEY if key in DTMF_KEYS else Exit.SPEECH, target, where,
                               key if key in DTMF_KEYS else said, label, (said,) if said else ()))
        self._interactive(menu_id, Kind.ASK, element, span, prompt, sounds, options)

    def form(self, form_id: str, element: ET.Element) -> None:
        items = [i for i in element if local(i.tag) in _ITEMS]
        if not items:
            self.nodes.step(form_id, Kind.HANGUP, self.doc.span(element))
            return
        names = [form_id] + [f"{form_id}.{i.get('name') or local(i.tag) + str(n + 1)}"
                             for n, i in enumerate(items[1:], start=1)]
        self.form_items[form_id] = names
        mark = len(self.nodes.nodes)
        self.exact = self.exact and not any(name in self.nodes.nodes for name in names)
        # A form-level <filled> runs once its fields are filled: the call goes on there, not off the end.
        form_filled = next((f for f in element if local(f.tag) == "filled"), None)
        for name, item in zip(names, items):
            self.nodes.reserve(name, self.doc.span(item))
        end = self.doc.span(items[-1])
        for index, (name, item) in enumerate(zip(names, items)):
            onward = Target(names[index + 1], self.doc.span(items[index + 1])) if index + 1 < len(items) else \
                self.nodes.step(f"{form_id}:end", Kind.HANGUP, end)
            if index + 1 == len(items) and form_filled is not None and not _tests(form_filled, item.get("name")):
                onward = self.actions(form_filled, name, self.doc.span(form_filled), onward, form_id)
            self.item(name, item, element, onward, form_id)
        ending = f"{form_id}:end"
        if ending in self.nodes.nodes and not self.leads_to(ending, mark):
            self.exact = self.exact and not self.nodes.nodes[ending].targets()
            del self.nodes.nodes[ending]  # the form never runs off its end

    # -- form items ----------------------------------------------------------------------------
    def transfer(self, transfer: ET.Element, node_id: str, span: Span) -> Built:
        """A `<transfer>` to a number, named by its form's or its own name (`<form id="advisor">`) and by
        what its prompt says ("transferring you to an agent"): who answers is steps' one policy."""
        words = prompt_text(transfer)[0]
        dest = transfer.get("dest") or transfer.get("destexpr")
        computed = bool(not transfer.get("dest") and transfer.get("destexpr"))
        return Built(node_id, Kind.NUMBER, span, what=f"${{{dest}}}" if computed else dest,
                     names=(node_id.split(".")[0], transfer.get("name"), words))


    def item(self, node_id: str, item: ET.Element, form: ET.Element, onward: Target, form_id: str) -> None:
        kind, span = local(item.tag), self.doc.span(item)
        if kind == "block":
            prompt, _ = prompt_text(item)
            target = self.actions(item, node_id, span, onward, form_id)
            self.nodes.at(node_id, Kind.MESSAGE, span, [Way(Exit.NEXT, target, span)], prompt=prompt or None)
        elif kind == "field":
            self.field(node_id, item, onward, form_id)
        elif kind == "transfer":
            add(self.nodes, self.transfer(item, node_id, span))
        elif kind == "record":
            self.nodes.at(node_id, Kind.VOICEMAIL, span)
        else:
            self.nodes.at(node_id, Kind.TASK, span, [Way(Exit.NEXT, onward, span)])
            self.nodes.opaque(span, node_id, f"<{kind}> runs another dialog or platform object "
                              f"({item.get('src') or item.get('classid') or item.get('srcexpr') or '?'}), whose "
                              "outcome is not in this document; the call is assumed to carry on")

    def field(self, node_id: str, field: ET.Element, onward: Target, form_id: str) -> None:
        span = self.doc.span(field)
        name = field.get("name") or ""
        items, length, _ = grammar_items(field)
        filled = next((f for f in field if local(f.tag) == "filled"), None)
        if filled is None:  # a form-level <filled> whose conditions test this field routes on its value
            filled = next((f for f in self.form_of(field) if local(f.tag) == "filled" and _tests(f, name)), None)
        cases, rest = self.filled(filled, name, node_id, span, onward, form_id)
        keys = [(said, value) for said, value in items if said in DTMF_KEYS]
        words = [(said, value) for said, value in items if said not in DTMF_KEYS]
        prompt, sounds = prompt_text(field)
        if keys and not any(said.isdigit() for said, _ in words):  # DTMF choices, perhaps with words: a menu
            options = [Way(Exit.KEY, cases.get(value, cases.get(said, rest)), span, said,
                           prompt_label(prompt, said, self.language) or humanize(value)) for said, value in keys]
            options += [Way(Exit.SPEECH, cases.get(value, cases.get(said, rest)), span, said, said)
                        for said, value in words]
            self._interactive(node_id, Kind.ASK, field, span, prompt, sounds, options)
            return
        if not items and length == 1 and cases and all(key in DTMF_KEYS for key in cases):
            # One key, routed by <filled> on its value: the keys it compares with are a menu's choices.
            options = [Way(Exit.KEY, target, span, key, prompt_label(prompt, key, self.language) or humanize(target.ref))
                       for key, target in cases.items()]
            self._interactive(node_id, Kind.ASK, field, span, prompt, sounds, options)
            return
        onward_after = rest
        if cases:  # branches on what was entered
            onward_after = self.nodes.step(f"{node_id}:filled", Kind.DATA, span, [
                *(Way(Exit.CASE, t, span, v) for v, t in cases.items()), Way(Exit.DEFAULT, rest, span)])
            self.nodes.opaque(span, onward_after.ref, f"the route depends on the value entered in {name!r}")
        self._interactive(node_id, Kind.ENTRY, field, span, prompt, sounds, [Way(Exit.ENTERED, onward_after, span)],
                          digits=length)

    def filled(self, filled: ET.Element | None, name: str, node_id: str, span: Span, onward: Target,
               form_id: str) -> tuple[dict[str, Target], Target]:
        """Value -> target from `<if cond="name == 'x'">` branches, and where every other value goes."""
        if filled is None:
            return {}, onward
        cases: dict[str, Target] = {}
        branch = next((c for c in filled if local(c.tag) == "if"), None)
        if branch is None:
            return {}, self.actions(filled, node_id, span, onward, form_id)
        rest = onward
        for cond, body in _arms(branch):
            target = self.actions(body, node_id, span, onward, form_id)
            values = condition_value(cond, name) if cond is not None else None
            if cond is None:
                rest = target
            elif values is None:
                self.nodes.opaque(self.doc.span(branch), node_id, f"the condition {cond!r} is not a comparison of "
                                  f"{name!r} with a value; its route is kept as a data branch")
                cases[cond] = target
            else:
                for value in values:
                    cases.setdefault(value, target)
        return cases, rest

    # -- shared pieces -------------------------------------------------------------------------
    def _interactive(self, node_id: str, kind: Kind, element: ET.Element, span: Span, prompt: str,
                     sounds: list[str], exits: list[Way], digits: int | None = None) -> None:
        """A choice (a menu) or a typed value (an input) with its prompt and its noinput/nomatch handling."""
        if sounds and not prompt:
            self.nodes.recording(node_id, sounds[0], span)
        timeout = self._property(element, "timeout")
        handling = self.handlers(element, node_id, span)
        exits = exits + [Way(Exit.TIMEOUT, handling["on_timeout"], span), Way(Exit.INVALID, handling["on_invalid"], span),
                         Way(Exit.RETRIES, handling["after_retries"], span)]
        self.nodes.at(node_id, kind, span, exits, prompt=prompt or None, prompt_span=span if prompt else None,
                 timeout=timeout, retries=handling.get("retries"), digits=digits)

    def _property(self, element: ET.Element, name: str) -> float | None:
        for prop in [p for p in element if local(p.tag) == "property"] + self.root_properties:
            if prop.get("name") == name:
                return seconds(prop.get("value"))
        return None

    def handlers(self, element: ET.Element, node_id: str, span: Span) -> dict:
        """on_timeout / on_invalid / retries / after_retries from noinput and nomatch handlers.

        Handlers on the element win over those of the document root. With none, VoiceXML's
        default handlers reprompt for ever: `repeat`, and no count after which the call moves on.
        """
        found: dict[str, dict[int, ET.Element]] = {"noinput": {}, "nomatch": {}}
        for holder in (self.root_handlers, list(element)):
            for handler in holder:
                name = local(handler.tag)
                events = handler.get("event", "").split() if name == "catch" else [name]
                count = int(number_or_none(handler.get("count", "1"), whole=True, low=1, high=1000) or 1)
                for event in events:
                    if event in found:
                        found[event][count] = handler
        result: dict = {}
        repeat = Target("repeat", span)
        for event, field in (("noinput", "on_timeout"), ("nomatch", "on_invalid")):
            first = found[event].get(1)
            result[field] = self.actions(first, node_id, span, repeat, None) if first is not None else repeat
        counted = [(c, e, h) for e in ("nomatch", "noinput") for c, h in found[e].items() if c > 1]
        if counted:
            count, _, handler = min(counted, key=lambda x: x[0])
            result["retries"] = count  # the handler for the Nth failure: N attempts, as max-failures
            result["after_retries"] = self.actions(handler, node_id, self.doc.span(handler), repeat, None)
        else:
            result["after_retries"] = repeat
        return result

    def actions(self, element: ET.Element | None, node_id: str, span: Span, onward: Target,
                form_id: str | None) -> Target:
        """Where a block of executable content sends the call: its first goto, transfer, exit ..."""
        if element is None:
            return onward
        for child in element:
            name = local(child.tag)
            if name not in _ACTIONS:
                continue
            where = self.doc.span(child)
            if name == "goto":
                if child.get("nextitem") and form_id:
                    return Target(f"{form_id}.{child.get('nextitem')}", where)
                if child.get("expritem") and form_id in self.form_items:
                    return self._computed_item(child, node_id, where, form_id)
                return self.goto(child, node_id, where) or onward
            if name == "reprompt":
                return Target("repeat", where)
            if name in ("exit", "disconnect"):
                return self.nodes.step(f"{node_id}:{name}", Kind.HANGUP, where)
            if name == "transfer":
                built = self.transfer(child, f"{node_id}:transfer", where)
                built.id = self.nodes.new_id(built.id)
                return add(self.nodes, built)
            if name == "if":
                arms = [(cond, self.actions(body, node_id, where, onward, form_id)) for cond, body in _arms(child)]
                default = next((t for c, t in arms if c is None), onward)
                target = self.nodes.step(f"{node_id}:if", Kind.DATA, where, [
                    *(Way(Exit.CASE, t, where, c) for c, t in arms if c is not None), Way(Exit.DEFAULT, default, where)])
                self.nodes.opaque(where, target.ref, f"<if cond={arms[0][0]!r}> decides at run time; every "
                                  "route is kept")
                return target
            target = self.nodes.step(f"{node_id}:{name}", Kind.TASK, where)
            self.nodes.opaque(where, target.ref, f"<{name}> hands the call to the server or another document "
                              f"({child.get('next') or child.get('event') or child.get('expr') or '?'}); "
                              "where it goes next is decided there")
            return target
        return onward

    def _computed_item(self, child: ET.Element, node_id: str, where: Span, form_id: str) -> Target:
        """`<goto expritem>` picks an item of the same form at run time: every item stays possible."""
        items = self.form_items[form_id]
        target = self.nodes.step(f"{node_id}:expritem", Kind.DATA, where,
                                 [Way(Exit.CASE, Target(item, where), where, item) for item in items])
        self.nodes.opaque(where, target.ref, f"<goto expritem={child.get('expritem')!r}> goes to an item of this "
                          "form chosen at run time; every item is kept as a route")
        return target

    def goto(self, element: ET.Element, node_id: str, span: Span) -> Target | None:
        """`next="#id"` is a dialog here; another document or a computed `expr` is opaque."""
        target = (element.get("next") or "").strip()
        where = self.doc.attr_span(element, "next") if target else span
        if target.startswith("#"):
            return Target(target[1:], where)
        described = target or element.get("expr") or element.get("expritem") or element.get("event")
        if not described:
            return None
        # Another document decides who answers there: a hand-off of unknown answerer, never "no person".
        return self.nodes.step(f"{node_id}:leaves", Kind.FLOW, where, note=(
            f"the call continues in {described!r}, outside this document; it is imported as a transfer with "
            "`human: unknown`", "check that document on its own"))


def _tests(filled: ET.Element, name: str | None) -> bool:
    """Whether a `<filled>`'s `<if>` conditions compare the field `name` with a value."""
    branch = next((c for c in filled if local(c.tag) == "if"), None)
    return bool(name) and branch is not None and any(
        cond is not None and condition_value(cond, name or "") is not None for cond, _ in _arms(branch))


def _arms(branch: ET.Element) -> list[tuple[str | None, ET.Element]]:
    """`<if>`'s arms as (condition or None for `else`, a container of that arm's content)."""
    arms: list[tuple[str | None, ET.Element]] = []
    current = ET.Element("arm")
    cond: str | None = branch.get("cond", "")
    for child in branch:
        name = local(child.tag)
        if name in ("elseif", "else"):
            arms.append((cond, current))
            current, cond = ET.Element("arm"), child.get("cond", "") if name == "elseif" else None
        else:
            current.append(child)
    arms.append((cond, current))
    return arms


__all__ = ["NAME", "TITLE", "detect", "read"]
