"""The importers' shared builder: a node replaced in place is the node dataclasses.replace makes."""

from __future__ import annotations

import dataclasses

import pytest

from ivrcheck.findings import Span
from ivrcheck.importers.nodeset import replaced
from ivrcheck.model import Node, NodeType, Target


@pytest.mark.parametrize("name", [f.name for f in dataclasses.fields(Node)])
def test_replacing_any_field_gives_what_dataclasses_replace_gives(name: str) -> None:
    node = Node("menu", NodeType.MENU, Span(1, 1), prompt="For sales, press 1.", next=Target("end"))
    value = object()  # a value no field holds by default
    made = replaced(node, {name: value})
    assert made == dataclasses.replace(node, **{name: value})
    assert getattr(made, name) is value and made is not node
    assert node == Node("menu", NodeType.MENU, Span(1, 1), prompt="For sales, press 1.", next=Target("end"))


def test_an_unknown_field_is_refused_as_dataclasses_refuses_it() -> None:
    with pytest.raises(TypeError, match="bogus"):
        replaced(Node("menu", NodeType.MENU, Span(1, 1)), {"bogus": 1})
