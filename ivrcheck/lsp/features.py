"""What the server answers, built from a checked document: hover, inlay hints, completion, code
actions, definitions, references and renames. No protocol plumbing here (server.py has it)."""

from __future__ import annotations

import re
from pathlib import Path

from lsprotocol import types as lsp

from ivrcheck.findings import Finding
from ivrcheck.lsp.document import Document, Lines, Place, caller_facts
from ivrcheck.model import BUILTIN_TARGETS, DTMF_KEYS, Node, NodeType, Option
from ivrcheck.rules import ALL_RULES, lookup

#: Keys whose value is a node id (a target), as the format writes them.
_TARGET_KEY = re.compile(r"(?:^|[\s{,])(goto|next|on_timeout|on_invalid|after_retries|closed|default|entry|expect)"
                         r"\s*:\s*[\"']?[\w.#/-]*$")
#: A `cases:` entry's value: `"1": target` or `vip: target`.
_CASE_VALUE = re.compile(r"^\s*[\"']?[\w*#-]+[\"']?\s*:\s*[\"']?[\w.#/-]*$")
_TYPE_KEY = re.compile(r"(?:^|[\s{,])type\s*:\s*\w*$")
_IGNORE_KEY = re.compile(r"(?:^|[\s{,])ignore\s*:\s*\[?(?:[\w-]+\s*,\s*)*[\w-]*$")
_KEY = re.compile(r"^( *)([\w.-]+)\s*:")
_OPTION_KEY = re.compile(r"^\s*[\"']?[0-9*#]?$")
#: How "ignore this finding here" writes the waiver: the suppression comment with its reason.
WAIVER = "# ivrcheck: disable-line {code} reason: {reason}"
REASON_PLACEHOLDER = "TODO say why this is accepted"


def hover(doc: Document, line: int, column: int) -> str | None:
    """A rule's page on its code or on a finding; what a caller lives through on a node id."""
    node_id = doc.symbol_at(line, column)
    word = doc.lines.word_at(line, column)
    rule = lookup(word[0]) if word and node_id is None else None
    if rule is not None:
        return _page(rule.CODE)
    pages = [_page(f.code) for f in doc.findings_at(line)]
    parts = [_node_hover(doc, node_id)] if node_id is not None else []
    return "\n\n---\n\n".join([*parts, *dict.fromkeys(p for p in pages if p)]) or None


def _page(code: str) -> str | None:
    from ivrcheck.report import rule_pages

    return rule_pages.explain(code)


def _node_hover(doc: Document, node_id: str) -> str:
    facts = caller_facts(doc)
    node = doc.menu.nodes[node_id] if doc.menu is not None else None
    kind = node.type.value if node is not None else "node"
    text = [f"**{node_id}** ({kind})"]
    if facts is None:
        return text[0]
    costs, to_person = facts
    reach = costs.get(node_id)
    if reach is None:
        text.append("No call reaches it in open hours.")
    else:
        text.append(f"A caller reaches it {reach[1]:.1f} s after the call starts, after {_presses(reach[0])}.")
    person = to_person.get(node_id)
    text.append(f"From here a person is {_presses(person[0])} away (**{person[1]}**)." if person
                else "From here no key press reaches a person.")
    return "\n\n".join(text)


def _presses(count: int) -> str:
    return "1 key press" if count == 1 else f"{count} key presses"


def inlay_hints(doc: Document, first: int, last: int) -> list[lsp.InlayHint]:
    """After each option: seconds from the call's start until the caller hears it, and the presses
    from there (this one included) to a person, in open hours."""
    facts = caller_facts(doc)
    if facts is None or doc.menu is None:
        return []
    costs, to_person = facts
    clock = doc.checked.inspection.line.clock  # type: ignore[union-attr]
    hints = []
    for node in doc.menu.nodes.values():
        if node.source is not None or not node.is_menu or node.id not in costs:
            continue
        for option in node.options:
            if first <= option.span.line <= last:
                heard = costs[node.id][1] + clock.seconds_until(node.prompt, option.key)
                person = _to_person(option, to_person)
                label = f"{heard:.1f} s" + (f" · {person}" if person else "")
                end = len(doc.lines.line(option.span.line)) + 1
                hints.append(lsp.InlayHint(doc.lines.position(option.span.line, end), label,
                                           padding_left=True, tooltip="heard this many seconds after the call "
                                           "starts (fastest way, open hours); key presses from here to a person"))
    return hints


def _to_person(option: Option, to_person: dict[str, tuple[int, str]]) -> str | None:
    """Key presses from this option to a person, this one included (None for repeat and back)."""
    ref = option.target.ref if option.target is not None else None
    if ref is None or ref in BUILTIN_TARGETS:
        return None
    found = to_person.get(ref)
    if found is None:
        return "no person"
    return f"person in {found[0] + 1}"


def completions(doc: Document, line: int, column: int, lines: Lines | None = None) -> list[lsp.CompletionItem]:
    """Targets after `goto:` and the other target keys, node types, rule codes in `ignore:`, and
    in a menu's options the keys it has not used yet. `lines` is the text as typed, when `doc` is
    the last check that loaded."""
    lines = lines or doc.lines
    before = lines.line(line)[:column - 1]
    if _IGNORE_KEY.search(before):
        return [lsp.CompletionItem(r.CODE, kind=lsp.CompletionItemKind.Value, detail=r.NAME) for r in ALL_RULES]
    if _TYPE_KEY.search(before):
        return [lsp.CompletionItem(t.value, kind=lsp.CompletionItemKind.EnumMember) for t in NodeType]
    node = _node_above(doc, lines, line)
    in_cases = node is not None and _CASE_VALUE.match(before) and _under(lines, line, node.span.line, "cases:")
    if (_TARGET_KEY.search(before) or in_cases) and doc.menu is not None:
        ids = [*(n for n in doc.menu.nodes), *BUILTIN_TARGETS]
        return [lsp.CompletionItem(i, kind=lsp.CompletionItemKind.Reference,
                                   detail=_kind(doc, i)) for i in ids]
    if node is not None and node.is_menu and _OPTION_KEY.match(before) and _under(lines, line, node.span.line, "options:"):
        used = {o.key for o in node.options}
        return [lsp.CompletionItem(k, kind=lsp.CompletionItemKind.Keyword, insert_text=f'"{k}": ',
                                   detail="free in this menu") for k in DTMF_KEYS if k not in used]
    return []


def _node_above(doc: Document, lines: Lines, line: int) -> Node | None:
    """The node of this file whose block holds a line of the text as typed: the nearest key above it,
    less indented, that names a node of the last model that loaded."""
    nodes = doc.menu.nodes if doc.menu is not None else {}
    depth = len(lines.line(line)) - len(lines.line(line).lstrip(" "))
    for number in range(line - 1, 0, -1):
        key = _KEY.match(lines.line(number))
        if key and len(key.group(1)) < depth and key.group(2) in nodes:
            return nodes[key.group(2)]
    return None


def _kind(doc: Document, node_id: str) -> str:
    node = doc.menu.nodes.get(node_id) if doc.menu is not None else None
    return node.type.value if node is not None else "built in"


def _under(lines: Lines, line: int, node_line: int, key: str) -> bool:
    """Whether a line lies under a key (`options:`, `cases:`) of the node declared at `node_line`."""
    depth = len(lines.line(line)) - len(lines.line(line).lstrip(" "))
    for number in range(line - 1, node_line, -1):
        text = lines.line(number)
        if text.strip() and len(text) - len(text.lstrip(" ")) < depth:
            return text.strip().startswith(key)
    return False


def code_actions(doc: Document, first: int, last: int) -> list[lsp.CodeAction]:
    """The fixes of the findings on these lines, and for each finding a waiver with its reason."""
    if not doc.editable:
        return []
    actions = []
    for finding in doc.result.findings:
        if not first <= finding.span.line <= last:
            continue
        if finding.fix is not None:
            edits = [doc.lines.edit(e) for e in finding.fix.edits]
            actions.append(lsp.CodeAction(finding.fix.title, kind=lsp.CodeActionKind.QuickFix,
                                          is_preferred=finding.fix.safe, edit=_edit(doc.path, edits)))
        actions.append(lsp.CodeAction(f"ignore {finding.code} here (with a reason)", kind=lsp.CodeActionKind.QuickFix,
                                      edit=_edit(doc.path, [waiver(doc.lines, finding)])))
    return actions


def waiver(lines: Lines, finding: Finding) -> lsp.TextEdit:
    """A suppression comment on its own line above the finding, which `disable-line` applies to the next line."""
    text = lines.line(finding.span.line)
    depth = len(text) - len(text.lstrip(" "))
    comment = " " * depth + WAIVER.format(code=finding.code, reason=REASON_PLACEHOLDER) + "\n"
    start = lines.position(finding.span.line, 1)
    return lsp.TextEdit(lsp.Range(start, start), comment)


def _edit(path: Path, edits: list[lsp.TextEdit]) -> lsp.WorkspaceEdit:
    return lsp.WorkspaceEdit(changes={path.resolve().as_uri(): edits})


def locations(doc: Document, node_id: str, declaration: bool = True) -> list[lsp.Location]:
    places = doc.symbols.get(node_id, [])
    return [_location(doc, p) for p in (places if declaration else places[1:])]


def _location(doc: Document, place: Place) -> lsp.Location:
    lines = doc.text_of(place.display)
    start = lines.position(place.line, place.column)
    end = lines.position(place.line, place.column + place.length)
    return lsp.Location(doc.files[place.display].resolve().as_uri(), lsp.Range(start, end))


def rename(doc: Document, node_id: str, new: str) -> lsp.WorkspaceEdit:
    """Every place that writes the id, in every file of the line, made to write `new`."""
    changes: dict[str, list[lsp.TextEdit]] = {}
    for location in locations(doc, node_id):
        changes.setdefault(location.uri, []).append(lsp.TextEdit(location.range, new))
    return lsp.WorkspaceEdit(changes=changes)
