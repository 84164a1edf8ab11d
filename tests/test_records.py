"""`record` makes the class `dataclass(frozen=True)` would, without compiling its methods (start-up time)."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import dataclass, field

import pytest

from ivrcheck.records import record


def twins(**options: bool) -> tuple[type, type]:
    """The same class made by `dataclass(frozen=True, ...)` and by `record(...)`."""

    def body() -> dict:
        return {"__annotations__": {"a": "int", "b": "str", "c": "list", "d": "int | None"},
                "b": "x", "c": field(default_factory=list), "d": field(default=None, compare=False),
                "__doc__": "A value.", "__module__": __name__}

    made = dataclass(frozen=True, **options)(type("Value", (), body()))
    ours = record(**options)(type("Value", (), body()))
    return made, ours


OPTIONS = [{}, {"slots": True}, {"slots": True, "order": True}, {"eq": False}]


@pytest.mark.parametrize("options", OPTIONS)
def test_a_record_behaves_as_the_frozen_dataclass(options: dict) -> None:
    made, ours = twins(**options)
    for cls in (made, ours):
        globals()["Value"] = cls  # pickle finds the class by its module and name
        one, two, near = cls(1), cls(1, "x", [], 5), cls(2, "y", [3])
        assert one.c == [] and one.c is not cls(1).c  # a fresh default from the factory
        assert pickle.loads(pickle.dumps(near)).c == [3] and copy.copy(near).a == 2
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'a'"):
            one.a = 3  # type: ignore[misc]
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'b'"):
            del one.b  # type: ignore[misc]
        assert dataclasses.replace(near, a=7).a == 7 and dataclasses.asdict(near)["c"] == [3]
        assert dataclasses.is_dataclass(one) and cls.__match_args__ == ("a", "b", "c", "d")
    results = []
    for cls in (made, ours):
        one, two, near = cls(1), cls(1, "x", [], 5), cls(2, "y", [3])
        seen = [repr(two), one == two, one == near, one != two, one == (1, "x", [], None)]
        if options.get("eq", True):
            seen += [hash(cls(1, "x", (), 5)) == hash(cls(1, "x", (), 6)), hash(cls(4, "z", ()))]
        if options.get("order"):
            seen += [one < near, near <= one, one >= two, sorted([near, one]) == [one, near]]
        results.append(seen)
    assert results[0] == results[1]


def test_a_record_without_equality_compares_by_identity() -> None:
    _, ours = twins(eq=False)
    assert ours(1) != ours(1) and hash(ours(1)) != hash(ours(1))


def test_a_method_the_class_writes_itself_is_kept() -> None:
    @record
    class Named:
        name: str

        def __repr__(self) -> str:
            return f"<{self.name}>"

    assert repr(Named("x")) == "<x>" and Named("x") == Named("x")


def test_ordering_and_hashing_raise_as_the_dataclass_does() -> None:
    made, ours = twins(slots=True)
    for cls in (made, ours):
        with pytest.raises(TypeError):
            _ = cls(1) < cls(2)  # no order asked for
        with pytest.raises(TypeError):
            hash(cls(1, "x", [1]))  # a list field is unhashable either way


def test_a_kept_hash_is_the_hash_and_is_not_pickled() -> None:
    kept = record(keep_hash=True)(type("Kept", (), {"__annotations__": {"a": "int", "b": "str"}, "b": "x",
                                                    "__module__": __name__}))
    globals()["Kept"] = kept  # pickle finds the class by its module and name
    one = kept(1, "y")
    assert hash(one) == hash((1, "y"))  # as the dataclass hashes: its compared fields as a tuple
    assert hash(one) == hash(one) and one == kept(1, "y") and hash(kept(1, "y")) == hash(one)
    state = one.__reduce_ex__(pickle.HIGHEST_PROTOCOL)[2]
    assert state == {"a": 1, "b": "y"}  # another process hashes strings differently: the hash is made again
    again = pickle.loads(pickle.dumps(one))
    assert again == one and hash(again) == hash(one) and copy.copy(one) == one
    assert dataclasses.replace(one, a=2) != one and hash(dataclasses.replace(one, a=2)) == hash((2, "y"))


@pytest.mark.parametrize("options", [{"slots": True}, {"eq": False}])
def test_a_kept_hash_needs_equality_and_a_dict(options: dict) -> None:
    with pytest.raises(TypeError, match="keep_hash"):
        record(keep_hash=True, **options)(type("Kept", (), {"__annotations__": {"a": "int"}}))
