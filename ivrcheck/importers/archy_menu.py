"""Archy menus built from actions: a `collectInput` into a variable, then a `switch` or `decision`
on that variable's digits, is how many real flows make a menu without a `menus:` object."""

from __future__ import annotations

import re
from dataclasses import replace

import yaml

from ivrcheck.findings import Span
from ivrcheck.importers import archy
from ivrcheck.importers.archy import get, items, seq, single, span
from ivrcheck.importers.common import unknown_prompt
from ivrcheck.importers.genesys_tasks import Reader, actions, chain
from ivrcheck.importers.nodeset import prompt_label
from ivrcheck.importers.steps import Exit, Kind, Way, add
from ivrcheck.importers.steps import Step as Built
from ivrcheck.model import Target

#: `Task.choice == "1"`, `"1" == Task.choice`, `ToString(Task.choice) == "#"`.
_TEST = r'^\s*(?:{a}\s*==\s*"?([0-9*#])"?|"?([0-9*#])"?\s*==\s*{a})\s*$'


def collected_menu(r: Reader, body: yaml.Node, name: str, where: Span, cont: Target | None, menu: str | None,
                   base: str) -> Target | None:
    """A menu when the input's `success` starts with a switch or decision on the stored digits, else None."""
    variable = archy.value(r.doc, get(body, "inputData")).text
    success = seq(get(get(get(body, "outputs"), "success"), "actions"))
    first = single(success[0]) if success else None
    if not variable or first is None or first[0] not in ("switch", "decision"):
        return None
    test = re.compile(_TEST.format(a=rf"(?:ToString\(\s*)?{re.escape(variable)}(?:\s*\))?"))
    after = chain(r, success[1:], cont, menu, base)
    keyed = _switch(r, first[2], test, after, menu, base) if first[0] == "switch" else _decision(
        r, first[2], test, after, menu, base)
    if keyed is None:
        return None
    choices, other = keyed
    failure = next((actions(r, get(out, "actions"), cont, menu, base) for key, _, out in items(get(body, "outputs"))
                    if key == "failure"), cont)
    node_id = r.flow.claim(f"{base}_{name}")
    text, unknown = archy.audio(r.doc, get(body, "inputAudio"))
    choices = [replace(w, label=prompt_label(text, w.value)) if text else w for w in choices]
    ignore = unknown_prompt(r.flow, node_id, span(get(body, "inputAudio") or body), unknown) if unknown else None
    exits = [*choices, Way(Exit.TIMEOUT, failure, where), Way(Exit.INVALID, other, where)]
    return add(r.flow, Built(node_id, Kind.ASK, where, exits, prompt=text, retries=0, unknown=ignore,
                             prompt_span=span(get(body, "inputAudio")) if text else None))


def _key(r: Reader, node: yaml.Node | None, test: re.Pattern[str]) -> str | None:
    match = test.match(archy.value(r.doc, node).text or "")
    return (match.group(1) or match.group(2)) if match else None


def _switch(r: Reader, body: yaml.Node, test: re.Pattern[str], after: Target | None, menu: str | None,
            base: str) -> tuple[list[Way], Target | None] | None:
    """Every case tests one key: the key exits, and where any other key goes (`default`)."""
    found: list[Way] = []
    listed, otherwise = archy.switch_parts(body)
    for case in listed:
        inner = get(case, "case") or case
        key = _key(r, get(inner, "value"), test)
        if key is None:
            return None
        target = actions(r, get(inner, "actions"), after, menu, base) or r.flow.end_call(span(inner))
        found.append(Way(Exit.KEY, target, span(get(inner, "value") or inner), key))
    other = actions(r, get(otherwise, "actions"), after, menu, base) if otherwise is not None else after
    return (found, other) if found else None


def _decision(r: Reader, body: yaml.Node, test: re.Pattern[str], after: Target | None, menu: str | None,
              base: str) -> tuple[list[Way], Target | None] | None:
    """`decision` on one key; its `no` may hold the next decision on the same digits, and so on."""
    found: list[Way] = []
    while body is not None:
        key = _key(r, get(body, "condition"), test)
        if key is None:
            break
        outs = {archy.yes_no(k): out for k, _, out in items(get(body, "outputs"))}
        target = actions(r, get(outs.get("yes"), "actions"), after, menu, base) or r.flow.end_call(span(body))
        found.append(Way(Exit.KEY, target, span(get(body, "condition") or body), key))
        rest = seq(get(outs.get("no"), "actions"))
        nested = single(rest[0]) if len(rest) == 1 else None
        if nested is not None and nested[0] == "decision" and _key(r, get(nested[2], "condition"), test):
            body = nested[2]
            continue
        return found, chain(r, rest, after, menu, base)
    return (found, after) if found else None
