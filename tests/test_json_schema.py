"""`ivrcheck schema`: a draft-07 schema every example menu satisfies and broken menus do not."""

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from ivrcheck.cli import app
from tests.conftest import MENUS


def exported() -> dict:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    return json.loads(result.output)


def as_json(text: str):
    """What an editor validates: keys as written (YAML 1.2 reads `on:` as "on", not True)."""
    constructor = yaml.SafeLoader("")

    def walk(node):
        if isinstance(node, yaml.MappingNode):
            return {k.value: walk(v) for k, v in node.value}
        if isinstance(node, yaml.SequenceNode):
            return [walk(v) for v in node.value]
        return constructor.construct_object(node)
    return walk(yaml.compose(text, Loader=yaml.SafeLoader))


def validator() -> jsonschema.Draft7Validator:
    schema = exported()
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


@pytest.mark.parametrize("path", sorted(MENUS.rglob("*.ivr.yaml")), ids=lambda p: p.name)
def test_every_example_menu_validates(path: Path) -> None:
    errors = list(validator().iter_errors(as_json(path.read_text(encoding="utf-8"))))
    assert not errors, [e.message for e in errors]


@pytest.mark.parametrize("broken, fragment", [
    ("entry: main\nnodes:\n  main: {promt: hi}\n", "promt"),
    ("entry: main\nnodes:\n  main: {type: agent, options: {}}\n", "options"),
    ("entry: main\nnodes:\n  main: {type: callbak}\n", "callbak"),
    ("entry: main\nnodes:\n  main: {options: {'1': {label: A}}}\n", "goto"),
    ("entry: main\nnodes:\n  main: {type: input, prompt: Your number}\n", "next"),
    ("nodes: {}\n", "entry"),
    ("entry: main\nhours: {office: {mon-fri: '8-18'}}\nnodes: {}\n", "8-18"),
    ("entry: main\nline: {text_alternative: [fax]}\nnodes: {}\n", "fax"),
    ("entry: main\nline: {tariff: {currency: EUR}}\nnodes: {}\n", "per_minute"),
    ("entry: main\nnodes:\n  out: {type: transfer, human: maybe}\n", "maybe"),
    ("entry: main\nnodes:\n  back: {type: hangup}\n", "back"),
])
def test_broken_menus_fail_validation(broken: str, fragment: str) -> None:
    errors = list(validator().iter_errors(as_json(broken)))
    assert errors
    assert any(fragment in (e.message + json.dumps(list(e.path)) + json.dumps(e.instance, default=str))
               for e in errors) or any(fragment in str(c.message) for e in errors for c in (e.context or []))


def test_every_field_has_a_description() -> None:
    def walk(node, where="schema"):
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                assert sub.get("description"), f"{where}.{name}"
            for key, value in node.items():
                if key != "if":  # conditions test a field, they do not define one
                    walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for item in node:
                walk(item, where)
    walk(exported())


def test_human_unknown_is_valid_for_a_transfer() -> None:
    """`human: unknown`: an imported hand-off whose answerer the export cannot show (docs/format.md)."""
    for value in ("true", "false", "unknown"):
        assert not list(validator().iter_errors(as_json(f"entry: out\nnodes:\n  out: {{type: transfer, human: {value}}}\n")))
