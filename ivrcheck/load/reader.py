"""Typed access to composed YAML nodes: mappings without silent duplicates, scalars by kind.

Every problem is recorded as a LoadError with the exact span; readers return None for a
value they could not accept, so the builder can go on and report everything in one pass.
"""

from __future__ import annotations

import math
import sys
from typing import Iterator

import yaml

from ivrcheck.didyoumean import suggest
from ivrcheck.findings import Span
from ivrcheck.load.schema import UNKNOWN, Field
from ivrcheck.load.source import LoadError, span_of
from ivrcheck.numbers import EXPONENT_RULE, exponent_as_text

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
MERGE = "tag:yaml.org,2002:merge"

_KIND_NAMES = {
    "str": "a string", "int": "a whole number", "number": "a number", "bool": "true or false",
    "maybe": "true, false or unknown",
    "target": "a node id (or `repeat`, `back`, `file.ivr.yaml#node`)",
    "targets": "a node id or a list of node ids", "strings": "a list of strings",
    "keys": "a list of rule codes", "mapping": "a mapping",
}
_NODE_NAMES = {yaml.MappingNode: "a mapping", yaml.SequenceNode: "a list"}
_SCALAR_NAMES = {STR: "a string", INT: "a number", FLOAT: "a number", BOOL: "a boolean", NULL: "empty (null)"}


def _advice(node: yaml.Node, kind: str) -> str:
    """What to write instead of a value of the wrong kind, for the mistakes YAML's own rules cause."""
    if not isinstance(node, yaml.ScalarNode):
        return f"write {_KIND_NAMES[kind]} here"
    if kind in ("str", "target", "strings") and node.tag in (BOOL, NULL):
        # YAML 1.1 reads unquoted yes/no/on/off as booleans and ~/null as nothing.
        return (f'quote the word: write "{node.value}"; YAML reads an unquoted {node.value} as '
                f"{'true or false' if node.tag == BOOL else 'empty'}")
    written = exponent_as_text(node.value) if not node.style and node.tag == STR else None
    if kind in ("int", "number") and written:
        return (f"YAML reads {node.value} as text ({EXPONENT_RULE}): write {written}"
                + ("" if kind == "number" else ", or the whole number in digits"))
    if kind == "target" and node.tag == STR and not node.value.strip():
        return "write the id of the node it leads to (or `repeat` or `back`), or remove the line"
    return f"write {_KIND_NAMES[kind]} here"


def describe(node: yaml.Node) -> str:
    """How a YAML node reads to a person: 'a list', 'a number', ..."""
    if isinstance(node, yaml.ScalarNode):
        return _SCALAR_NAMES.get(node.tag, "a scalar")
    return _NODE_NAMES.get(type(node), "a value")


def key_text(node: yaml.Node) -> str:
    """A mapping key as the string the menu format means by it (`1:` and `"1":` are both "1")."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag == INT:
            try:
                return str(int(node.value.replace("_", ""), 0))
            except ValueError:
                return node.value
        return node.value
    return f"<{describe(node)}>"


class Reader:
    """Collects LoadErrors while reading typed values out of YAML nodes."""

    def __init__(self, merges: bool = True, shared: bool = True) -> None:
        self.errors: list[LoadError] = []
        #: False when the text has no `<<`, which spares a scan of every mapping.
        self.merges = merges
        #: False when the text has no anchor (`&`): then no YAML node is reachable from two places.
        self.shared = shared
        #: The required (name, field) pairs of each schema table seen, by the table's identity.
        self._required_by_table: dict[int, tuple[dict[str, Field], list[tuple[str, Field]]]] = {}

    def error(self, code: str, node_or_span: yaml.Node | Span, message: str, help_text: str) -> None:
        span = node_or_span if isinstance(node_or_span, Span) else span_of(node_or_span)
        self.errors.append(LoadError(code, span, message, help_text))

    def _required(self, allowed: dict[str, Field]) -> list[tuple[str, Field]]:
        """The fields of a table a mapping must have, in table order: worked out once a table, not once a node."""
        known = self._required_by_table.get(id(allowed))
        if known is None:  # the table is kept with its list, so its identity cannot pass to another
            known = self._required_by_table[id(allowed)] = (allowed, [(n, f) for n, f in allowed.items() if f.required])
        return known[1]

    def pairs(
        self, node: yaml.Node, where: str, *, keep_duplicates: bool = False
    ) -> list[tuple[str, yaml.Node, yaml.Node]]:
        """The (key, key node, value node) entries of a mapping, merge keys applied.

        PyYAML keeps the last of two equal keys without a word; here the second is reported
        (or kept, for option keys, where rule S109 reports it with both positions).
        """
        if not isinstance(node, yaml.MappingNode):
            self.error("F006", node, f"{where} must be a mapping, not {describe(node)}",
                       "write `key: value` lines indented under it")
            return []
        result: list[tuple[str, yaml.Node, yaml.Node]] = []
        seen: dict[str, yaml.Node] = {}
        for key_node, value_node in self._with_merges(node) if self.merges else node.value:
            plain = key_node.tag == STR and isinstance(key_node, yaml.ScalarNode)  # most keys: no call needed
            key = key_node.value if plain else key_text(key_node)
            if key in seen and not keep_duplicates:
                first = span_of(seen[key])
                self.error("F008", key_node, f'key "{key}" is duplicated in {where}; '
                           f"previously defined at line {first.line}, column {first.column}",
                           "remove one of them: YAML would silently keep only the last")
                continue
            seen[key] = key_node
            result.append((key, key_node, value_node))
        return result

    def _with_merges(self, node: yaml.MappingNode) -> Iterator[tuple[yaml.Node, yaml.Node]]:
        if not self.merges or not any(k.tag == MERGE for k, _ in node.value):
            yield from node.value
            return
        explicit = {key_text(k) for k, _ in node.value if k.tag != MERGE}
        for key_node, value_node in node.value:
            if key_node.tag != MERGE:
                yield key_node, value_node
                continue
            sources = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
            for source in sources:
                if not isinstance(source, yaml.MappingNode):
                    self.error("F006", source, "a `<<` merge must name a mapping", "merge an anchored mapping: `<<: *name`")
                    continue
                for k, v in source.value:
                    if key_text(k) not in explicit:
                        explicit.add(key_text(k))
                        yield k, v

    def fields(
        self, entries: list[tuple[str, yaml.Node, yaml.Node]], allowed: dict[str, Field],
        where: str, anchor: yaml.Node | Span,
    ) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """Check field names against the schema: unknown ones with a did-you-mean, missing required ones."""
        found: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key, key_node, value_node in entries:
            if key not in allowed:
                self.error("F007", key_node, f'unknown field "{key}" in {where}', suggest(key, allowed))
                continue
            # Interned, every node's field names (and the spans keyed by them) share the schema's strings.
            found[sys.intern(key)] = (key_node, value_node)
        for name, spec in self._required(allowed):
            if name not in found:
                self.error("F005", anchor, f'{where} is missing the required field "{name}"',
                           f"add `{name}:` ({spec.description[0].lower() + spec.description[1:]})")
        return found

    def value(self, node: yaml.Node, spec: Field, where: str) -> object | None:
        """A scalar or list field converted to its kind, or None after recording why not."""
        kind = spec.kind
        if kind in ("strings", "keys"):
            return self._strings(node, spec, where)
        if kind == "targets":
            return self._targets(node, spec, where)
        if not isinstance(node, yaml.ScalarNode) or node.tag == NULL:
            return self._wrong(node, kind, where)
        raw = node.value
        if kind in ("str", "target"):
            if node.tag not in (STR, INT, FLOAT) or (kind == "target" and not raw.strip()):
                return self._wrong(node, kind, where)
            result: object = raw
        elif kind == "bool":
            if node.tag != BOOL:
                return self._wrong(node, kind, where)
            result = raw.lower() in ("true", "yes", "on", "y")
        elif kind == "maybe":
            if node.tag != BOOL and not (node.tag == STR and raw == UNKNOWN):
                return self._wrong(node, kind, where)
            result = raw if node.tag == STR else raw.lower() in ("true", "yes", "on", "y")
        elif kind in ("int", "number"):
            result = self._number(node, spec, where)
            if result is None:
                return None
        else:  # pragma: no cover - the schema names only the kinds above
            raise ValueError(kind)
        if spec.choices and result not in spec.choices:
            self.error("F011", node, f'{where} is "{raw}", which is not allowed', suggest(str(raw), spec.choices))
            return None
        return result

    def _number(self, node: yaml.ScalarNode, spec: Field, where: str) -> int | float | None:
        """A number field within its bounds, or None after recording why not."""
        raw, kind = node.value, spec.kind
        if node.tag not in ((INT,) if kind == "int" else (INT, FLOAT)):
            return self._wrong(node, kind, where)  # type: ignore[return-value]
        try:
            # A number past every bound is refused before it is converted: int() of thousands of
            # digits is slow, and such a value would overflow the timing arithmetic anyway.
            if len(raw) > 40 or raw.lower().lstrip("+-") in (".inf", ".nan"):
                raise OverflowError
            result: int | float = int(raw.replace("_", ""), 0) if node.tag == INT else float(raw)
            if not math.isfinite(result):
                raise OverflowError
        except ValueError:
            return self._wrong(node, kind, where)  # type: ignore[return-value]
        except OverflowError:
            self.error("F011", node, f"{where} is not a finite number of sensible size",
                       "use an ordinary number, such as 5")
            return None
        if (spec.minimum is not None and result < spec.minimum) or (
            spec.maximum is not None and result > spec.maximum
        ):
            bounds = f"at least {spec.minimum:g}" if spec.maximum is None else f"between {spec.minimum:g} and {spec.maximum:g}"
            self.error("F011", node, f"{where} is {raw}, but must be {bounds}", f"use a value {bounds}")
            return None
        return result

    def _strings(self, node: yaml.Node, spec: Field, where: str) -> tuple[str, ...] | None:
        items = [node] if isinstance(node, yaml.ScalarNode) and node.tag != NULL else None
        if isinstance(node, yaml.SequenceNode):
            items = node.value
        if items is None:
            return self._wrong(node, spec.kind, where)
        values = []
        for item in items:
            if not isinstance(item, yaml.ScalarNode) or item.tag == NULL:
                return self._wrong(item, spec.kind, where)
            values.append(item.value)
        return tuple(values)

    def _targets(self, node: yaml.Node, spec: Field, where: str) -> tuple[yaml.ScalarNode, ...] | None:
        """One target or a list of them, as the scalar nodes (each keeps its own span)."""
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        if not items or isinstance(node, yaml.MappingNode):
            return self._wrong(node, spec.kind, where)
        for item in items:
            if self.value(item, Field("target", spec.description), where) is None:
                return None
        return tuple(items)

    def _wrong(self, node: yaml.Node, kind: str, where: str) -> None:
        message = f"{where} must be {_KIND_NAMES[kind]}, not {describe(node)}"
        if kind == "target" and isinstance(node, yaml.ScalarNode) and node.tag == STR and not node.value.strip():
            message = f"{where} is empty; it must be {_KIND_NAMES[kind]}"
        self.error("F006", node, message, _advice(node, kind))
        return None
