"""Composed YAML nodes -> the typed model, validating every field against the schema table."""

from __future__ import annotations

import functools
import re
import sys
from collections import deque
from typing import Iterator

import yaml

from ivrcheck.didyoumean import suggest
from ivrcheck.findings import Span
from ivrcheck.language import CODE as LANGUAGE_CODE
from ivrcheck.load.reader import Reader, describe
from ivrcheck.load.schema import (
    COMMON, DEFAULT_FIELDS, EXTENSION_FIELDS, LINE_FIELDS, NODE_FIELDS, OPTION_FIELDS, TARIFF_FIELDS, TASK_FIELDS,
    TOP_FIELDS, UNKNOWN, Field, all_node_fields,
)
from ivrcheck.load.source import span_of
from ivrcheck.model import BUILTIN_TARGETS, DTMF_KEYS, INTERACTIVE, LineInfo, Menu, Node, NodeType, Option, Tariff, Target, Task

_TYPES = {t.value: t for t in NodeType}
#: "HH:MM-HH:MM"; 24:00 ends a day; an end before the start crosses midnight ("22:00-06:00").
_TIME = r"(?:[01]\d|2[0-3]):[0-5]\d"
_TIME_RANGE = re.compile(rf"^({_TIME})-({_TIME}|24:00)$")
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_SPEC = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun|holiday)(-(mon|tue|wed|thu|fri|sat|sun))?$")


def build_menu(root: yaml.Node, path: str, reader: Reader, entry: str | None = None) -> Menu | None:
    """Build the Menu, or None when the file is not a menu at all; `entry` overrides the file's own.

    The YAML under `nodes:` is let go of as it is read (see `_released`): `root` is used up.
    """
    if not isinstance(root, yaml.MappingNode):
        reader.error("F004", root, f"the top level is {describe(root)}, not a mapping",
                     "a menu file is a mapping with at least `entry:` and `nodes:`")
        return None
    top = reader.fields(reader.pairs(root, "the top level"), TOP_FIELDS, "the menu file", Span(1, 1))
    scalars = {name: _field(reader, top, name, TOP_FIELDS, f"`{name}`") for name in ("name", "language", "entry")}
    if scalars["language"] is not None and not LANGUAGE_CODE.match(str(scalars["language"])):
        reader.error("F011", top["language"][1], f"`language` is {str(scalars['language'])[:40]!r}, which is no "
                     "language code", "use a code such as en, es, fi or sv (es-MX for a region)")
        scalars["language"] = None
    defaults = _defaults(reader, top)
    hours, hours_spans = _hours(reader, top)
    nodes: dict[str, Node] = {}
    if "nodes" in top:
        for node_id, key_node, value in _released(reader, top["nodes"][1], "`nodes`"):
            if node_id in BUILTIN_TARGETS:
                _reserved(reader, node_id, key_node)
                continue
            node = _node(reader, sys.intern(node_id), key_node, value, defaults)
            if node is not None:
                nodes[node.id] = node
    _check_schedules(reader, nodes, hours, "hours" in top)
    entry_span = span_of(top["entry"][1]) if "entry" in top else Span(1, 1)
    entry = entry or scalars["entry"]
    if entry is None or "nodes" not in top:
        return None
    return Menu(
        path=path,
        name=str(scalars["name"] or path),
        language=str(scalars["language"] or "en").lower(),
        entry=Target(str(entry), entry_span),
        nodes=nodes,
        hours=hours,
        hours_spans=hours_spans,
        tasks=_tasks(reader, top),
        span=span_of(root),
        line=_line(reader, top),
    )


def _reserved(reader: Reader, node_id: str, key_node: yaml.Node) -> None:
    """`repeat` and `back` are moves, so a node of that name could never be a target (`goto: back`
    would mean the move, not the node): refused where the id is written."""
    reader.error("F011", key_node, f'`{node_id}` cannot be a node id: `repeat` and `back` are reserved names '
                 "of moves (this node again, the menu that led here), so no target could reach the node",
                 f'rename the node (e.g. "{node_id}_menu") and the targets and `entry` that mean it')


def _released(reader: Reader, mapping: yaml.Node, where: str) -> Iterator[tuple[str, yaml.Node, yaml.Node]]:
    """The entries of `nodes:`, each let go of once handed out, so its YAML is freed as its model is built.

    The model grows into the memory the YAML gives back instead of beside it: a lower peak. Only
    without anchors: then no other part of the file can refer to a node's YAML.
    """
    entries = deque(reader.pairs(mapping, where))
    if not reader.shared and isinstance(mapping, yaml.MappingNode):
        mapping.value = []
    while entries:
        yield entries.popleft()


def _check_schedules(reader: Reader, nodes: dict[str, Node], hours: dict[str, dict[str, str]],
                     declared: bool) -> None:
    """Every `hours:` a node or branch names must be a schedule under the top-level `hours:`."""
    for node in nodes.values():
        if node.hours is None or node.hours in hours:
            continue
        span = node.span_of("hours")
        if not declared:
            reader.error("F011", span, f'`hours: {node.hours}` of node `{node.id}` names a schedule, but the file '
                         "declares none", f'add a top-level `hours:` with `{node.hours}: {{mon-fri: "08:00-17:00"}}`')
        else:
            reader.error("F011", span, f'`hours: {node.hours}` of node `{node.id}` names no schedule',
                         suggest(node.hours, hours))


def _field(reader: Reader, found: dict, name: str, table: dict[str, Field], where: str) -> object | None:
    if name not in found:
        return None
    return reader.value(found[name][1], table[name], where)


def _target(reader: Reader, found: dict, name: str, table: dict[str, Field], where: str) -> Target | None:
    value = _field(reader, found, name, table, where)
    # Interned, a `goto` shares its string with the node id it names (and with every other `goto: advisor`).
    return Target(sys.intern(str(value)), span_of(found[name][1])) if value is not None else None


def _of(reader: Reader, found: dict, name: str, table: dict[str, Field], owner: str) -> object | None:
    """Field `name` of `owner`: its words for messages are put together only when the field is there."""
    return _field(reader, found, name, table, f"`{name}` of {owner}") if name in found else None


def _defaults(reader: Reader, top: dict) -> dict[str, tuple[object, Span]]:
    """Default error handling: field -> (value, span of the default's key)."""
    if "defaults" not in top:
        return {}
    key_node, node = top["defaults"]
    found = reader.fields(reader.pairs(node, "`defaults`"), DEFAULT_FIELDS, "`defaults`", key_node)
    result: dict[str, tuple[object, Span]] = {}
    for name, (k, v) in found.items():
        spec = DEFAULT_FIELDS[name]
        value = reader.value(v, spec, f"`defaults.{name}`")
        if value is not None:
            result[name] = (Target(str(value), span_of(v)) if spec.kind == "target" else value, span_of(k))
    return result


def _hours(reader: Reader, top: dict) -> tuple[dict[str, dict[str, str]], dict[str, Span]]:
    if "hours" not in top:
        return {}, {}
    schedules: dict[str, dict[str, str]] = {}
    spans: dict[str, Span] = {}
    for name, key_node, value in reader.pairs(top["hours"][1], "`hours`"):
        spans[name] = span_of(key_node)
        schedule: dict[str, str] = {}
        for days, day_node, times in reader.pairs(value, f"schedule `{name}`"):
            parts = [p.strip() for p in days.split(",")]
            if not all(_DAY_SPEC.match(p) for p in parts):
                reader.error("F011", day_node, f'"{days}" in schedule `{name}` is not a day or day range',
                             f"use days such as {', '.join(_DAYS)}, ranges such as mon-fri, or holiday")
                continue
            text = reader.value(times, Field("str", ""), f"hours for {days}")
            ranges = [_TIME_RANGE.match(r.strip()) for r in str(text).split(",")] if text not in (None, "closed") else []
            if not all(ranges):
                reader.error("F011", times, f'"{text}" in schedule `{name}` is not a time range',
                             'write "HH:MM-HH:MM" from 00:00 to 24:00 (several joined by commas; an end before the '
                             'start crosses midnight, "22:00-06:00") or "closed"')
                continue
            if any(m.group(1) == m.group(2) for m in ranges if m):
                reader.error("F011", times, f'"{text}" in schedule `{name}` opens and closes at the same time',
                             'write "00:00-24:00" for a whole day, or "closed"')
                continue
            if text is not None:
                schedule[days] = str(text)
        schedules[name] = schedule
    return schedules, spans


def _node(reader: Reader, node_id: str, key_node: yaml.Node, value: yaml.Node,
          defaults: dict[str, tuple[object, Span]]) -> Node | None:
    where = f"node `{node_id}`"
    entries = reader.pairs(value, where)
    if not isinstance(value, yaml.MappingNode):
        return None
    type_name = next((v for k, _, v in entries if k == "type"), None)
    node_type = NodeType.MENU
    if type_name is not None:
        raw = reader.value(type_name, COMMON["type"], f"the type of {where}")
        if raw is None:
            return None
        node_type = _TYPES[str(raw)]
    table = _NODE_TABLES[node_type]
    found = reader.fields(entries, table, f"{where} (type {node_type.value})", key_node)
    # An empty menu (no options, no dial_by_extension) is reported by rule S103 (dead-end), with its position.
    spans = {name: span_of(k) for name, (k, _) in found.items()}
    if "hours" in found:  # a schedule name is checked where it is written, at the value
        spans["hours"] = span_of(found["hours"][1])
    attrs: dict[str, object] = {}
    for name in found:  # in file order; findings are sorted by position in the end
        kind = table[name].kind
        if kind in _VALUE_KINDS:
            attrs[name] = _field(reader, found, name, table, f"`{name}` of {where}")
        elif kind == "target":
            attrs[name] = _target(reader, found, name, table, f"`{name}` of {where}")
    inherited = []
    if node_type in INTERACTIVE:
        for name, (default, span) in defaults.items():
            if name not in found:
                attrs[name] = default
                spans[name] = span
                inherited.append(name)
    options = _options(reader, found, where) if node_type is NodeType.MENU else ()
    cases = _cases(reader, found, where) if node_type is NodeType.BRANCH else ()
    _as_model(attrs)
    return Node(
        id=node_id, type=node_type, span=span_of(key_node),
        prompt_span=span_of(found["prompt"][1]) if "prompt" in found else None,
        options=options, cases=cases, ignore=_codes(attrs.pop("ignore", None)), spans=spans,
        inherited=_names(tuple(inherited)),
        **{k: v for k, v in attrs.items() if v is not None or k == "human"},
    )



def _as_model(attrs: dict[str, object]) -> None:
    """Fields as the model holds them: schema-only fields dropped, a recording without words marked,
    language codes lower-cased, lists as tuples."""
    for name in _NOT_IN_MODEL:
        attrs.pop(name, None)
    if attrs.pop("recording", None) is not None and "prompt" not in attrs:
        attrs["words_unknown"] = True
    if "human" in attrs and attrs["human"] is None:
        del attrs["human"]  # a wrong value, already reported
    if attrs.get("human") == UNKNOWN:
        attrs["human"] = None  # the model's "whether a person answers is unknown", kept below
    if attrs.get("language") is not None:
        attrs["language"] = str(attrs["language"]).lower()
    if attrs.get("receives") is not None:
        attrs["receives"] = tuple(str(item) for item in attrs["receives"])  # type: ignore[union-attr]
    if attrs.get("languages") is not None:
        attrs["languages"] = tuple(str(item).lower() for item in attrs["languages"])  # type: ignore[union-attr]

#: Each node type's fields with the common ones: the schema is static, so merged once.
_NODE_TABLES = {node_type: {**COMMON, **fields} for node_type, fields in NODE_FIELDS.items()}
_VALUE_KINDS = frozenset({"str", "int", "number", "bool", "maybe", "keys", "strings"})
#: Fields the file may hold that the model has no place for.
_NOT_IN_MODEL = ("type", "description", "number")
_NO_CODES: frozenset[str] = frozenset()


def _codes(ignore: object) -> frozenset[str]:
    """Rule codes of an `ignore:`, upper-cased; most nodes and options have none, and share one empty set."""
    return frozenset(str(c).upper() for c in ignore) if ignore else _NO_CODES  # type: ignore[union-attr]


@functools.lru_cache(maxsize=64)
def _names(names: tuple[str, ...]) -> frozenset[str]:
    """One frozenset for each set of inherited default names: nodes share it (the names are schema fields)."""
    return frozenset(names)


def _options(reader: Reader, found: dict, where: str) -> tuple[Option, ...]:
    options: list[Option] = []
    if "options" in found:
        for key, key_node, value in reader.pairs(found["options"][1], f"the options of {where}", keep_duplicates=True):
            option = _option(reader, key, key_node, value, where)
            if option is not None:
                options.append(option)
    if "dial_by_extension" in found:
        key_node, value = found["dial_by_extension"]
        sub = reader.fields(reader.pairs(value, "`dial_by_extension`"), EXTENSION_FIELDS,
                            f"`dial_by_extension` of {where}", key_node)
        digits = _field(reader, sub, "digits", EXTENSION_FIELDS, "`dial_by_extension.digits`")
        target = _target(reader, sub, "goto", EXTENSION_FIELDS, "`dial_by_extension.goto`")
        label = _field(reader, sub, "label", EXTENSION_FIELDS, "`dial_by_extension.label`")
        options.append(Option(key="extension", span=span_of(key_node), target=target, kind="extension",
                              digits=digits if isinstance(digits, int) else None,
                              label=str(label) if label is not None else "Dial an extension"))
    return tuple(options)


def _option(reader: Reader, key: str, key_node: yaml.Node, value: yaml.Node, where: str) -> Option | None:
    owhere = f'option "{key}" of {where}'
    sub = reader.fields(reader.pairs(value, owhere), OPTION_FIELDS, owhere, key_node)
    if not isinstance(value, yaml.MappingNode):
        return None
    say = _of(reader, sub, "say", OPTION_FIELDS, owhere) or ()
    kind = "dtmf" if key in DTMF_KEYS else "speech"
    if kind == "speech" and not say:
        hint = ("use `dial_by_extension` for multi-digit entry" if key.isdigit()
                else 'keys are 0-9, "*" and "#"; a speech-only option needs `say:` phrases')
        reader.error("F011", key_node, f'"{key}" in {where} is not a DTMF key and has no `say:` phrases', hint)
        return None
    label = _of(reader, sub, "label", OPTION_FIELDS, owhere)
    weight = _of(reader, sub, "weight", OPTION_FIELDS, owhere)
    ignore = _of(reader, sub, "ignore", OPTION_FIELDS, owhere)
    collects = _of(reader, sub, "collects", OPTION_FIELDS, owhere)
    language = _of(reader, sub, "language", OPTION_FIELDS, owhere)
    contract = _of(reader, sub, "contract_matter", OPTION_FIELDS, owhere)
    return Option(
        key=key, span=span_of(key_node),
        target=_target(reader, sub, "goto", OPTION_FIELDS, f"`goto` of {owhere}") if "goto" in sub else None,
        label=str(label) if label is not None else None,
        label_span=span_of(sub["label"][1]) if "label" in sub else None,
        say=tuple(map(str, say)) if say else (), weight=float(weight) if weight is not None else None, kind=kind,
        ignore=_codes(ignore),
        collects=str(collects) if collects is not None else None,
        language=str(language).lower() if language is not None else None,
        contract_matter=contract is True,
    )


def _cases(reader: Reader, found: dict, where: str) -> tuple[tuple[str, Target], ...]:
    if "cases" not in found:
        return ()
    cases = []
    for value, _, target_node in reader.pairs(found["cases"][1], f"the cases of {where}"):
        ref = reader.value(target_node, Field("target", ""), f'case "{value}" of {where}')
        if ref is not None:
            cases.append((value, Target(str(ref), span_of(target_node))))
    return tuple(cases)


def _line(reader: Reader, top: dict) -> LineInfo | None:
    """`line:`, the line as a service; None when the file leaves it out."""
    if "line" not in top:
        return None
    key_node, value = top["line"]
    found = reader.fields(reader.pairs(value, "`line`"), LINE_FIELDS, "`line`", key_node)
    values = {name: _of(reader, found, name, LINE_FIELDS, "`line`") for name in found if name != "tariff"}
    alternatives = values.pop("text_alternative", None)
    if alternatives is not None:
        alternatives = tuple(str(a).lower() for a in alternatives)  # type: ignore[union-attr]
        choices = LINE_FIELDS["text_alternative"].choices
        for wrong in (a for a in alternatives if a not in choices):
            reader.error("F011", found["text_alternative"][1], f'`line.text_alternative` names "{wrong}", '
                         "which is no known way", suggest(wrong, choices))
        alternatives = tuple(a for a in alternatives if a in choices)
    return LineInfo(span=span_of(key_node), tariff=_tariff(reader, found), text_alternative=alternatives,
                    spans={name: span_of(k) for name, (k, _) in found.items()},
                    **{k: (str(v) if k in ("number", "country") else v) for k, v in values.items() if v is not None})


def _tariff(reader: Reader, found: dict) -> Tariff | None:
    if "tariff" not in found:
        return None
    key_node, value = found["tariff"]
    sub = reader.fields(reader.pairs(value, "`line.tariff`"), TARIFF_FIELDS, "`line.tariff`", key_node)
    values = {name: _of(reader, sub, name, TARIFF_FIELDS, "`line.tariff`") for name in sub}
    if values.get("per_minute") is None:
        return None
    return Tariff(**{k: (str(v).upper() if k == "currency" else v) for k, v in values.items() if v is not None})


def _tasks(reader: Reader, top: dict) -> tuple[Task, ...]:
    if "tasks" not in top:
        return ()
    node = top["tasks"][1]
    if not isinstance(node, yaml.SequenceNode):
        reader.error("F006", node, f"`tasks` must be a list, not {describe(node)}", "write `- say: ...` items")
        return ()
    tasks = []
    for item in node.value:
        found = reader.fields(reader.pairs(item, "a task"), TASK_FIELDS, "a task", item)
        say = _field(reader, found, "say", TASK_FIELDS, "`say` of a task")
        expect = _field(reader, found, "expect", TASK_FIELDS, "`expect` of a task")
        if say is not None and expect:
            first, *more = (Target(str(t.value), span_of(t)) for t in expect)
            tasks.append(Task(str(say), first, span_of(item), tuple(more)))
    return tuple(tasks)


__all__ = ["build_menu", "all_node_fields"]
