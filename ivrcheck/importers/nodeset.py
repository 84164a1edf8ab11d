"""What the FreeSWITCH, Asterisk and VoiceXML importers share: the one builder (common.Flow) with ids
kept as written, schedules and recordings, and labels derived where a format has none."""

from __future__ import annotations

import re
from dataclasses import fields as fields_of
from dataclasses import replace
from typing import Any, TypeVar

from ivrcheck.findings import Finding, Span
from ivrcheck.language import load_language
from ivrcheck.importers.common import Flow, unknown_prompt
from ivrcheck.importers.steps import Kind, Step, Way, add
from ivrcheck.model import Menu, Node, NodeType, Option, Target

T = TypeVar("T", Node, Option)

#: The fields in order of the model's classes an importer replaces often (frozen, slotted, with no
#: `__post_init__` to run again), and the setter of each slot.
_SLOTS = {cls: tuple((f.name, getattr(cls, f.name).__set__) for f in fields_of(cls)) for cls in (Node, Option)}


def replaced(item: T, changes: dict[str, Any]) -> T:
    """`dataclasses.replace(item, **changes)` for a Node or an Option, without its checks per field
    and call: an importer replaces each menu and option of a file once or twice, and a file may
    have tens of thousands (issue 23)."""
    slots = _SLOTS.get(type(item))
    if slots is None or not changes.keys() <= _FIELD_SETS[type(item)]:
        return replace(item, **changes)
    new = object.__new__(type(item))
    for name, put in slots:
        put(new, changes[name] if name in changes else getattr(item, name))
    return new


_FIELD_SETS = {cls: frozenset(name for name, _ in slots) for cls, slots in _SLOTS.items()}
_SOUND_EXT = re.compile(r"\.(wav|mp3|gsm|ulaw|alaw|sln\d*|g729|g722|ogg|vox|raw)$", re.IGNORECASE)


class NodeSet(Flow):
    """The builder for formats whose ids are kept as written (`ctx,exten,prio`, menu names): the
    shared builder (`Flow`) plus the schedules and the recorded prompts met."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.hours: dict[str, dict[str, str]] = {}
        self.hours_spans: dict[str, Span] = {}
        #: Menus whose prompt is a recording: (node id, sound).
        self.recorded: list[tuple[str, str, Span]] = []
        #: Fields to set on built nodes when the flow is finished (`change`): one rebuild a node.
        self.changes: dict[str, dict[str, Any]] = {}

    def new_id(self, base: str) -> str:
        """`base`, or `base~2`, `base~3`... when taken. A `#` key is spelt `hash` (`#` marks another file)."""
        base = base.replace("#", "hash")
        if base not in self.nodes:
            return base
        n = 2
        while f"{base}~{n}" in self.nodes:
            n += 1
        return f"{base}~{n}"

    def reserve(self, node_id: str, span: Span) -> None:
        """Hold `node_id` (as a menu) while what it leads to is read: an option may lead back to it, and
        its place among the nodes is kept when its step is mapped (NodeSet.at)."""
        self.nodes[node_id] = Node(node_id, NodeType.MENU, span)

    def step(self, base: str, kind: Kind, span: Span, exits: list[Way] | None = None, **fields) -> Target:
        """A step (steps.Step) of this kind under a fresh id made from `base`, mapped at once (steps.add)."""
        return self.at(self.new_id(base), kind, span, exits, **fields)

    def at(self, node_id: str, kind: Kind, span: Span, exits: list[Way] | None = None, **fields) -> Target:
        """A step under an id already chosen (`ctx,exten,prio`, a reserved form item), mapped in its place."""
        return add(self, Step(node_id, kind, span, exits or [], **fields))

    def change(self, node_id: str, **fields) -> None:
        """Set these fields of a built node when the flow is finished, with any other change made
        to it then (a recorded prompt's): the node is rebuilt once, not once per change."""
        self.changes.setdefault(node_id, {}).update(fields)

    def recording(self, node_id: str, sound: str, span: Span) -> None:
        """Note that a menu's prompt is a sound file whose words ivrcheck cannot read."""
        self.recorded.append((node_id, sound, span))

    def finish(self, entry: Target, name: str, language: str = "en") -> tuple[Menu | None, list[Finding]]:
        """The Menu (None when an error-level finding exists) and every finding."""
        for node_id, sound, span in self.recorded:
            node = self.nodes.get(node_id)
            if node is not None:  # the same marking as every other importer's (common.unknown_prompt)
                pending = self.changes.setdefault(node_id, {})
                pending["ignore"] = pending.get("ignore", node.ignore) | unknown_prompt(
                    self, node_id, span, f"a recording ({sound})")
                pending["words_unknown"] = not pending.get("prompt", node.prompt)
        for node_id, fields in self.changes.items():
            if self.nodes.get(node_id) is not None:
                self.nodes[node_id] = replaced(self.nodes[node_id], fields)
        if self.failed:
            return None, self.findings
        menu = Menu(path=self.display, name=name, language=language, entry=entry, nodes=dict(self.nodes),
                    hours=self.hours, hours_spans=self.hours_spans)
        return menu, self.findings


def humanize(name: str) -> str:
    """`demo_ivr_submenu` -> `Demo ivr submenu`; `sales-menu` -> `Sales menu`."""
    words = re.sub(r"[_\-.]+", " ", name).split()
    text = " ".join(words)
    return text[:1].upper() + text[1:] if text else name


def sound_label(sound: str) -> str:
    """A label from a sound file's name: `ivr/ivr-sample_submenu.wav` -> `Sample submenu`."""
    base = _SOUND_EXT.sub("", sound.strip().split("!")[-1].rstrip("/").rsplit("/", 1)[-1])
    folder = sound.rsplit("/", 2)[-2] if "/" in sound else ""
    for prefix in (folder, "ivr", "vm", "custom", "demo"):
        if prefix and base.lower().startswith(prefix.lower() + "-"):
            base = base[len(prefix) + 1:]
    return humanize(base)


def prompt_label(prompt: str | None, key: str, language: str = "en") -> str | None:
    """The function a text prompt announces for `key` ("For sales, press 1" -> `sales`), or None."""
    if not prompt:
        return None
    for offer in load_language(language).offers(prompt):
        if offer.key != key:
            continue
        if offer.key_first:
            phrase = prompt[offer.match.end():offer.ready]
        else:
            phrase = prompt[offer.start:offer.match.start()]
        phrase = re.sub(r"^\W*(for|to|if you|if|jos|for the)\s+", "", phrase.strip(" ,.;:"), flags=re.IGNORECASE)
        phrase = phrase.strip(" ,.;:")
        if phrase and len(phrase) <= 60:
            return phrase[:1].upper() + phrase[1:]
    return None


def is_computed(value: str) -> bool:
    """Whether a value is worked out at run time (`${VAR}`, `$[...]`, a Lua or JS expression)."""
    return "${" in value.replace("$${", "") or "$[" in value


__all__ = ["NodeSet", "humanize", "is_computed", "prompt_label", "sound_label"]
