"""The menu format as a JSON Schema (draft-07), generated from the loader's field table.

Editors use it through yaml-language-server; because it comes from the same table the loader
validates against, the two cannot disagree about which fields exist.
"""

from __future__ import annotations

from typing import Any

from ivrcheck import __version__
from ivrcheck.load.schema import (
    COMMON, DEFAULT_FIELDS, EXTENSION_FIELDS, LINE_FIELDS, NODE_FIELDS, OPTION_FIELDS, TARIFF_FIELDS, TASK_FIELDS,
    TOP_FIELDS, UNKNOWN, Field,
)
from ivrcheck.model import BUILTIN_TARGETS, DTMF_KEYS, NodeType

#: An identifier, not an address: ivrcheck publishes the schema nowhere (`ivrcheck schema` prints it).
SCHEMA_ID = "urn:ivrcheck:schema:menu"
_TARGET = {"type": "string", "minLength": 1,
           "description": "A node id, `repeat` (this node again), `back` (the menu that led here), or `file.ivr.yaml#node`."}
_DAYS = "(mon|tue|wed|thu|fri|sat|sun|holiday)(-(mon|tue|wed|thu|fri|sat|sun))?"


def menu_schema() -> dict[str, Any]:
    """The whole schema, ready for json.dumps."""
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "ivrcheck phone menu",
        "description": f"One phone line for ivrcheck {__version__}. Docs: docs/format.md.",
        **_object(TOP_FIELDS),
        "definitions": {"node": _node(), "option": _object(OPTION_FIELDS), "target": _TARGET},
    }


def _object(fields: dict[str, Field]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {name: _field(name, spec) for name, spec in fields.items()},
        "required": [name for name, spec in fields.items() if spec.required],
        "additionalProperties": False,
    }


def _field(name: str, spec: Field) -> dict[str, Any]:
    schema = _kind(spec)
    description = spec.description
    if spec.choices and spec.kind == "strings":
        one = {"type": "string", "enum": list(spec.choices)}
        schema = {"anyOf": [one, {"type": "array", "items": one}]}
        description += " Each one of: " + ", ".join(f"`{c}`" for c in spec.choices) + "."
    elif spec.choices:
        schema["enum"] = list(spec.choices)
        description += " One of: " + ", ".join(f"`{c}`" for c in spec.choices) + "."
    if spec.minimum is not None:
        schema["minimum"] = spec.minimum
    if spec.maximum is not None:
        schema["maximum"] = spec.maximum
    schema["description"] = description
    return schema


def _kind(spec: Field) -> dict[str, Any]:
    simple = {"str": {"type": "string"}, "int": {"type": "integer"}, "number": {"type": "number"},
              "bool": {"type": "boolean"}, "maybe": {"anyOf": [{"type": "boolean"}, {"const": UNKNOWN}]},
              "target": {"$ref": "#/definitions/target"}}
    if spec.kind in simple:
        return dict(simple[spec.kind])
    if spec.kind == "targets":
        target = {"$ref": "#/definitions/target"}
        return {"anyOf": [target, {"type": "array", "items": target, "minItems": 1}]}
    if spec.kind == "strings":
        return {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
    if spec.kind == "keys":
        return {"type": "array", "items": {"type": "string", "pattern": "^[A-Za-z]\\d{3}$"}}
    if spec.kind == "defaults":
        return _object(DEFAULT_FIELDS)
    if spec.kind == "line":
        return _object(LINE_FIELDS)
    if spec.kind == "tariff":
        return _object(TARIFF_FIELDS)
    if spec.kind == "hours":
        day = {"type": "string", "pattern": "^(closed|([01]\\d|2[0-4]):[0-5]\\d-([01]\\d|2[0-4]):[0-5]\\d"
               "(\\s*,\\s*([01]\\d|2[0-4]):[0-5]\\d-([01]\\d|2[0-4]):[0-5]\\d)*)$"}
        schedule = {"type": "object", "propertyNames": {"pattern": f"^{_DAYS}(\\s*,\\s*{_DAYS})*$"},
                    "additionalProperties": day, "description": "Days -> \"HH:MM-HH:MM\" or `closed`."}
        return {"type": "object", "additionalProperties": schedule}
    if spec.kind == "nodes":
        return {"type": "object", "propertyNames": {"not": {"enum": list(BUILTIN_TARGETS)}},
                "additionalProperties": {"$ref": "#/definitions/node"}}
    if spec.kind == "tasks":
        return {"type": "array", "items": _object(TASK_FIELDS)}
    if spec.kind == "options":
        speech = {"allOf": [{"$ref": "#/definitions/option"}, {"required": ["say"]}]}
        keys = "|".join("\\" + k if k in "*#" else k for k in DTMF_KEYS)
        return {"type": "object", "patternProperties": {f"^({keys})$": {"$ref": "#/definitions/option"}},
                "additionalProperties": speech}
    if spec.kind == "extension":
        return _object(EXTENSION_FIELDS)
    if spec.kind == "cases":
        return {"type": "object", "additionalProperties": {"$ref": "#/definitions/target"}}
    raise ValueError(f"no JSON Schema for kind {spec.kind!r}")  # pragma: no cover - every kind is above


def _node() -> dict[str, Any]:
    """A node: its `type` picks the fields it may have (if/then per type)."""
    branches = []
    for node_type, fields in NODE_FIELDS.items():
        allowed = _object({**COMMON, **fields})
        condition: dict[str, Any] = {"properties": {"type": {"const": node_type.value}}}
        if node_type is NodeType.MENU:  # `type` may be left out for a menu
            condition = {"anyOf": [{"not": {"required": ["type"]}}, condition]}
        else:
            condition["required"] = ["type"]
        branches.append({"if": condition, "then": allowed})
    return {"type": "object", "description": "One node of the phone line.",
            "properties": {"type": _field("type", COMMON["type"])}, "allOf": branches}
