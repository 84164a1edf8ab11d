"""A Menu -> our menu YAML, written so that loading it back gives the same menu (`ivrcheck import`).

Written by hand rather than with `yaml.safe_dump` because a menu may bind one key twice
(rule S109 reports it), which a Python dict cannot hold; every string is written as a JSON
string, which is also a valid YAML double-quoted scalar.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping

from ivrcheck.findings import Finding
from ivrcheck.model import Menu, Node, NodeType, Option, Target

_PLAIN = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
#: Words YAML 1.1 reads as booleans or null: always quoted.
_RESERVED = frozenset(["y", "n", "yes", "no", "on", "off", "true", "false", "null"])
_UNSAFE = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff]")

_FIELD_ORDER = ("prompt", "seconds", "language", "speaking_rate", "queue", "hours", "closed", "announces_wait",
                "confirmation", "promise", "human", "changes", "on", "digits", "digit_timeout", "collects", "next",
                "timeout", "retries", "on_timeout", "on_invalid", "after_retries", "default")


def imported(menu: Menu, findings: Iterable[Finding], title: str, source: str) -> str:
    """An imported menu as YAML, with each opaque step's reason as its node's `description`."""
    notes: dict[str, str] = {}
    for finding in findings:
        if finding.code == "F020" and finding.node_id and finding.node_id in menu.nodes:
            notes[finding.node_id] = f"{notes[finding.node_id]} {finding.message}" if finding.node_id in notes \
                else finding.message
    return dump(menu, notes, f"Imported by ivrcheck from {source} ({title}).\n"
                              "Opaque steps say why in `description`; check them by hand.")


def dump(menu: Menu, notes: Mapping[str, str] | None = None, header: str = "") -> str:
    """The menu as YAML; `notes` (node id -> text) become each node's `description:`."""
    notes = notes or {}
    out: list[str] = [f"# {line}".rstrip() for line in header.splitlines()]
    out.append(f"name: {_str(menu.name)}")
    out.append(f"language: {_str(menu.language)}")
    out.append(f"entry: {_key(menu.entry.ref)}")
    out.extend(_hours(menu))
    out.append("nodes:")
    for node in menu.nodes.values():
        out.append(f"  {_key(node.id)}:")
        out.extend(f"    {line}" for line in _node(node, notes.get(node.id)))
    return "\n".join(out) + "\n"


def _hours(menu: Menu) -> list[str]:
    """Every schedule the menu declares, and an empty one (times not in the export) for each one a
    node names without it, so the written file names no schedule it does not declare."""
    schedules = {name: dict(days) for name, days in menu.hours.items()}
    for node in menu.nodes.values():
        if node.hours is not None:
            schedules.setdefault(node.hours, {})
    if not schedules:
        return []
    lines = ["hours:"]
    for name, days in schedules.items():
        inner = ", ".join(f"{_key(day)}: {_str(times)}" for day, times in days.items())
        lines.append(f"  {_key(name)}: {{{inner}}}" + ("" if days else "  # times not in the export"))
    return lines


def _node(node: Node, note: str | None) -> list[str]:
    lines: list[str] = []
    if node.type is not NodeType.MENU:
        lines.append(f"type: {node.type.value}")
    if note:
        lines.append(f"description: {_str(note)}")
    if node.words_unknown and not node.prompt:  # keeps "its words are unknown" when the file is read back
        lines.append("recording: recorded prompt")
    if node.person_unknown:
        lines.append("human: unknown")
    for name in _FIELD_ORDER:
        value = getattr(node, name)
        if value is None or (name == "human" and not value):
            continue
        lines.append(f"{name}: {_value(value)}")
    if node.receives is not None:
        lines.append(f"receives: [{', '.join(_key(item) for item in node.receives)}]")
    if node.cases:
        lines.append("cases:")
        lines.extend(f"  {_key(value)}: {_key(target.ref)}" for value, target in node.cases)
    options = [o for o in node.options if o.kind != "extension"]
    if options:
        lines.append("options:")
        for opt in options:
            lines.append(f"  {_key(opt.key)}:")
            lines.extend(f"    {line}" for line in _option(opt))
    extension = next((o for o in node.options if o.kind == "extension"), None)
    if extension is not None and extension.target is not None:
        lines.append("dial_by_extension:")
        lines.append(f"  digits: {extension.digits or 1}")
        lines.append(f"  goto: {_key(extension.target.ref)}")
        if extension.label:
            lines.append(f"  label: {_str(extension.label)}")
    if node.ignore:
        lines.append(f"ignore: [{', '.join(sorted(node.ignore))}]")
    return lines


def _option(opt: Option) -> list[str]:
    lines = []
    if opt.label is not None:
        lines.append(f"label: {_str(opt.label)}")
    lines.append(f"goto: {_key(opt.target.ref) if opt.target else _str('')}")
    if opt.say:
        lines.append(f"say: [{', '.join(_str(s) for s in opt.say)}]")
    if opt.weight is not None:
        lines.append(f"weight: {opt.weight}")
    for name in ("collects", "language"):
        if getattr(opt, name) is not None:
            lines.append(f"{name}: {_str(getattr(opt, name))}")
    if opt.ignore:
        lines.append(f"ignore: [{', '.join(sorted(opt.ignore))}]")
    return lines


def _value(value: object) -> str:
    if isinstance(value, Target):
        return _key(value.ref)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return _str(str(value))


def _key(text: str) -> str:
    """Ids, keys and targets: plain when that is unambiguous, quoted otherwise."""
    if _PLAIN.match(text) and text.lower() not in _RESERVED:
        return text
    return _str(text)


def _str(text: str) -> str:
    quoted = json.dumps(text, ensure_ascii=False)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", quoted)
