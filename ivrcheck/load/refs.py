"""`other.ivr.yaml#node` targets: resolve them inside the repository and merge a line's files.

A phone line is a root file plus every file its targets reach, transitively. Files may
refer to each other in a cycle (a submenu file going back to the main menu is normal);
files are loaded once each, so a cycle never loops the loader. A caller who loops between
files without a way out is a trap like any other, reported by S104 on the merged graph.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ivrcheck.discover import real_path, usable_name
from ivrcheck.findings import Finding
from ivrcheck.load.codes import load_finding as problem
from ivrcheck.model import Menu, Node, Target
from ivrcheck.records import record


@record
class Ref:
    """A cross-file target as written, resolved to a file and node."""

    target: Target
    #: None when the name cannot be a file at all (a NUL byte, a name too long for any file system).
    file: Path | None
    node: str
    source: Path
    #: The file's name as written, before the `#` that ends it.
    name: str


def repository_root(path: Path) -> Path:
    """The closest folder above `path` holding `.git`; the file's own folder when there is none."""
    start = real_path(path).parent
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


#: (folder, name) -> the file `name` names from that folder, within one line's reading: a folder of
#: 2,000 files that name each other resolved each name once per mention, twice over.
Resolved = dict[tuple[Path, str], "Path | None"]


def external_refs(menu: Menu, source: Path, resolved: Resolved | None = None) -> list[Ref]:
    """Every `file#node` target in the menu, with the file resolved against the declaring file."""
    refs = []
    for node in menu.nodes.values():
        for target in node.targets():
            if target.is_external:
                name, node_id, file = split(source, target.ref, resolved)
                refs.append(Ref(target, file, node_id, source, name))
    return refs


def split(source: Path, ref: str, resolved: Resolved | None = None) -> tuple[str, str, Path | None]:
    """A `file#node` target as (the file's name, the node id, the file).

    A file name may hold a `#` (`a#b.ivr.yaml#x`): with several, the target is cut at the first
    `#` before which a file exists, else at the first `#` (the file is missing either way).
    """
    cuts = [at for at, char in enumerate(ref) if char == "#"]
    if len(cuts) > 1:  # only then is there a choice
        for cut in cuts:
            file = file_of(source, ref[:cut], resolved)
            if file is not None and file.is_file():
                return ref[:cut], ref[cut + 1:], file
    return ref[:cuts[0]], ref[cuts[0] + 1:], file_of(source, ref[:cuts[0]], resolved)


def file_of(source: Path, name: str, resolved: Resolved | None = None) -> Path | None:
    """The file a `name#node` target names, relative to the declaring file; None when no file can have it."""
    if not usable_name(name):
        return None
    if resolved is None:
        return real_path(source.parent / name)
    key = (source.parent, name)
    if key not in resolved:
        resolved[key] = real_path(source.parent / name)
    return resolved[key]


def check_ref(ref: Ref, root: Path, menus: dict[Path, Menu | None], display: str) -> Finding | None:
    """Why a reference cannot be followed, or None when it can."""
    name = ref.name
    if ref.file is None:
        shown = name.replace("\0", "\\0")[:80] + ("..." if len(name) > 80 else "")
        return problem(display, "F017", ref.target.span, f'"{shown}" cannot be a file name',
                       "name a file of the repository, relative to this file's folder")
    if not ref.file.is_relative_to(root):
        return problem(display, "F016", ref.target.span, f'"{name}" is outside the repository ({root})',
                       "keep every file of a phone line inside one repository")
    if ref.file not in menus:
        return problem(display, "F017", ref.target.span, f'"{name}" does not exist',
                       "fix the file name; it is relative to this file's folder" + _how_read(ref))
    target_menu = menus[ref.file]
    if target_menu is None:
        return problem(display, "F017", ref.target.span, f'"{name}" could not be loaded',
                       "fix the problems reported in that file first")
    if ref.node not in target_menu.nodes:
        return problem(display, "F017", ref.target.span, f'"{name}" has no node "{ref.node}"',
                       f"use one of its nodes, such as \"{target_menu.entry.ref}\"" + _how_read(ref))
    return None


def _how_read(ref: Ref) -> str:
    """How a target with a surprising `#` was read: a local id holding one, or a name with several."""
    if ref.name and ref.target.ref.count("#") == 1:
        return ""
    return (f' (`#` splits a target into file and node: "{ref.target.ref[:80]}" reads as node "{ref.node[:40]}" of '
            f'file "{ref.name[:40]}"; a node id cannot hold a `#`, and a file name can only if that file exists)')


def merge(root: Path, files: list[Path], menus: dict[Path, Menu], displays: dict[Path, str],
          resolved: Resolved | None = None) -> Menu:
    """One Menu for the whole line: the root's ids stay; other files' ids become `path#node`."""
    def canonical(file: Path, node_id: str) -> str:
        return node_id if file == root else f"{displays[file]}#{node_id}"

    def retarget(file: Path, target: Target | None) -> Target | None:
        if target is None or target.is_builtin:
            return target
        if target.is_external:
            _, node_id, other = split(file, target.ref, resolved)
            if other in menus and node_id in menus[other].nodes:
                return dataclasses.replace(target, ref=canonical(other, node_id))
            return target  # a missing file or node: F017 reports it once, where it is written
        return dataclasses.replace(target, ref=canonical(file, target.ref))

    nodes: dict[str, Node] = {}
    for file in files:
        for node_id, node in menus[file].nodes.items():
            nodes[canonical(file, node_id)] = _retargeted(node, canonical(file, node_id), file, retarget,
                                                          None if file == root else displays[file])
    return dataclasses.replace(menus[root], nodes=nodes)


def _retargeted(node: Node, new_id: str, file: Path, retarget, source: str | None) -> Node:
    fields = {name: retarget(file, getattr(node, name))
              for name in ("next", "on_timeout", "on_invalid", "after_retries", "closed", "default")}
    options = tuple(dataclasses.replace(o, target=retarget(file, o.target)) for o in node.options)
    cases = tuple((value, retarget(file, t)) for value, t in node.cases)
    return dataclasses.replace(node, id=new_id, options=options, cases=cases, source=source, **fields)


__all__ = ["Ref", "Resolved", "check_ref", "external_refs", "merge", "repository_root", "split"]
