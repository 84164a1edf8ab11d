"""The JSON writer of the CI formats gives `json.dumps(indent=2, ensure_ascii=False)` byte for byte."""

from __future__ import annotations

import enum
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ivrcheck.report.jsontext import dumps


def standard(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)


class Level(str, enum.Enum):
    HIGH = "high"


class Count(enum.IntEnum):
    ONE = 1


#: Strings that look like the pieces the writer joins and splits on.
TRICKY = ["", "},\n      {", '"*": {label: x}', "{}", "[]", '\\"', "a\\", "\u2028\u00e9\u6f22\x00\x1f\t\r\n", "🙂"]

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
                    st.text(), st.sampled_from(TRICKY))
documents = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.tuples(inner, inner),
    st.dictionaries(st.one_of(st.text(max_size=5), st.sampled_from(TRICKY)), inner, max_size=4)), max_leaves=30)
flat_dict = st.dictionaries(st.sampled_from(["code", "message", "line", "node", *TRICKY]), scalars, max_size=6)


@given(documents)
def test_any_document_is_written_as_the_standard_library_writes_it(data: Any) -> None:
    assert dumps(data) == standard(data)


@given(st.lists(flat_dict, min_size=1, max_size=8))
def test_a_list_of_findings_is_written_as_the_standard_library_writes_it(findings: list[dict[str, Any]]) -> None:
    document = {"files": [{"path": "a.ivr.yaml", "score": 70, "findings": findings, "metrics": {}}]}
    assert dumps(document) == standard(document)


@pytest.mark.parametrize("data", [
    {"files": [{"findings": [{"code": "S101", "message": 'add `"*": {label: Repeat}`'}, {}, {"code": "S102"}]}]},
    [{"a": 1}, {"b": [1, 2]}, {"c": {"d": None}}],
    [{"a": 1}, "not a dict", {"b": 2}],
    [{"a": Level.HIGH, "b": Count.ONE, "c": float("nan")}, {"d": float("-inf")}],
    {1: "a number key", None: [], True: {}, 2.5: [{}]},
    ({"a": 1}, {"a": (2, 3)}),
])
def test_the_shapes_the_fast_paths_refuse_are_still_written_the_same(data: Any) -> None:
    assert dumps(data) == standard(data)


def test_a_value_the_standard_library_refuses_is_refused_the_same() -> None:
    with pytest.raises(TypeError):
        dumps([{"a": object()}])
    cycle: list[Any] = []
    cycle.append(cycle)
    with pytest.raises(ValueError, match="Circular"):
        dumps(cycle)
