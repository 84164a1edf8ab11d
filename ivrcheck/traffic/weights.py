"""`--write-weights`: observed shares written into the menu YAML as `weight:`, by editing only those spans.

A span edit, not a YAML round trip: the loader already knows where each option starts, so
the value is replaced (or added) on the option's own lines and every other byte of the file
(comments, order, quoting, blank lines) stays as it was. A round-trip library (ruamel.yaml)
would do the same at the cost of a dependency and of reformatting flow mappings.
"""

from __future__ import annotations

import re
from pathlib import Path

from ivrcheck import importers
from ivrcheck.model import Menu, Option
from ivrcheck.traffic.observed import Traffic

_WEIGHT = re.compile(r"(\bweight:\s*)([0-9.eE+-]+)")


def shares(menu: Menu, traffic: Traffic) -> dict[tuple[str, str], float]:
    """(menu, key) -> observed share among the options that go somewhere (not repeat or back)."""
    found = {}
    for seen in traffic.all.menus.values():
        node = menu.nodes[seen.menu]
        real = [o for o in node.options if _goes_somewhere(o, node.id)]
        total = sum(seen.option(o.key).chosen for o in real if seen.option(o.key))
        if not total:
            continue
        for option in real:
            found[(node.id, option.key)] = round(seen.option(option.key).chosen / total, 3)
    return found


class NotMenuYaml(ValueError):
    """The line's file is a platform export, not menu YAML: there is no `weight:` to write."""


def write(path: Path, menu: Menu, traffic: Traffic) -> int:
    """Write the shares into the file at `path` (the line's root YAML); return how many options changed."""
    text = path.read_text(encoding="utf-8")
    found = importers.detect(text, path.name)
    if found is not None:
        raise NotMenuYaml(f"{path} is a {found.TITLE} export, which has no `weight:`; convert it with "
                          f"`ivrcheck import {path} -o line.ivr.yaml` and write the weights there")
    lines = text.splitlines(keepends=True)
    changed = 0
    edits = []
    for (menu_id, key), share in shares(menu, traffic).items():
        node = menu.nodes[menu_id]
        if node.source is None:  # a node merged in from another file of the line is left to that file's run
            edits.append((next(o for o in node.options if o.key == key), share))
    for option, share in sorted(edits, key=lambda e: -e[0].span.line):  # from the bottom: inserts move nothing above
        changed += _edit(lines, option, share)
    path.write_text("".join(lines), encoding="utf-8")
    return changed


def _goes_somewhere(option: Option, node_id: str) -> bool:
    return option.target is not None and not option.target.is_builtin and option.target.ref != node_id


def _edit(lines: list[str], option: Option, share: float) -> int:
    at = option.span.line - 1
    if not 0 <= at < len(lines):
        return 0
    value = f"{share:g}"
    line = lines[at]
    if "{" in line and "}" in line:  # a flow mapping on the option's line
        if _WEIGHT.search(line):
            lines[at] = _WEIGHT.sub(lambda m: m.group(1) + value, line, count=1)
        else:
            end = line.rindex("}")
            lines[at] = line[:end].rstrip() + f", weight: {value}" + line[end:]
        return 1
    indent = None
    for below in range(at + 1, len(lines)):  # a block mapping: the option's own indented lines
        text = lines[below]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        width = len(text) - len(text.lstrip())
        if width <= len(line) - len(line.lstrip()):
            break
        indent = indent if indent is not None else width
        if _WEIGHT.search(text) and width == indent:
            lines[below] = _WEIGHT.sub(lambda m: m.group(1) + value, text, count=1)
            return 1
    if indent is None:
        return 0
    newline = "\r\n" if line.endswith("\r\n") else "\n"
    lines.insert(at + 1, " " * indent + f"weight: {value}" + newline)
    return 1
