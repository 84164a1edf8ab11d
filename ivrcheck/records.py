"""Frozen dataclasses that compile one method, not six: a check defines ~70 of them at every start-up.

`dataclass` compiles `__init__`, `__repr__`, `__eq__`, `__hash__`, `__setattr__` and `__delattr__` for each
class (about half a millisecond a class, 30-40 ms of every pre-commit run).

`record` makes the same class as `dataclass(frozen=True, ...)`: the same fields (so `dataclasses.fields`,
`replace`, `asdict` and `is_dataclass` work on it), the same `__init__`, equality, hash, order, `repr`,
frozen errors and pickling. Equality, hash, order and `repr` are shared functions over an `attrgetter`
instead of compiled code; only `__init__` is compiled, once per class, since it runs per instance.
"""

from __future__ import annotations

import dataclasses
from dataclasses import MISSING, Field, FrozenInstanceError
from operator import attrgetter
from typing import Any, Callable, TypeVar, dataclass_transform

T = TypeVar("T", bound=type)

#: The default of a field whose default is made by a factory (as dataclasses marks it).
_FACTORY = object()


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, Field))
def record(cls: T | None = None, /, *, slots: bool = False, order: bool = False, eq: bool = True,
           keep_hash: bool = False) -> Any:
    """`@record` is `@dataclass(frozen=True)`; `slots`, `order` and `eq` mean what they mean there.

    `keep_hash` works a record's hash out once and keeps it (not in its pickle, since a string's hash
    differs from process to process): for records hashed over and over as cache keys. Not with `slots`.
    """
    if keep_hash and (slots or not eq):
        raise TypeError("keep_hash needs a record with eq and without slots")

    def wrap(plain: T) -> T:
        undocumented = not plain.__doc__
        if undocumented:  # dataclasses would document it by reading object's signature: 3 ms at start-up
            plain.__doc__ = plain.__name__
        made = dataclasses.dataclass(plain, init=False, repr=False, eq=False, slots=slots)
        fields = dataclasses.fields(made)
        names = tuple(f.name for f in fields)
        methods = {"__init__": _initialiser(made, fields),
                   "__repr__": _representer(tuple(f.name for f in fields if f.repr))}
        methods["__setattr__"], methods["__delattr__"] = _frozen(made, set(names))
        if eq:
            methods |= _comparisons(_values(tuple(f.name for f in fields if f.compare)), order)
            hashed = _values(tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash)))
            methods["__hash__"] = _keeper(hashed) if keep_hash else _hasher(hashed)
        if keep_hash:
            methods["__getstate__"] = lambda self: {k: v for k, v in self.__dict__.items() if k != _KEPT}
        if slots:
            methods["__getstate__"] = lambda self: [getattr(self, name) for name in names]
            methods["__setstate__"] = _restorer(names)
        for name, method in methods.items():
            if name not in plain.__dict__:  # as dataclasses does, a method the class writes itself is kept
                setattr(made, name, method)
        if undocumented:
            made.__doc__ = f"{made.__name__}({', '.join(names)})"
        return made

    return wrap if cls is None else wrap(cls)


def _initialiser(cls: type, fields: tuple[Field, ...]) -> Callable[..., None]:
    """`__init__` compiled from source, as dataclasses writes it: one assignment per field."""
    scope: dict[str, Any] = {"_set": object.__setattr__, "_FACTORY": _FACTORY}
    parameters, body = ["self"], []
    for f in fields:
        if f.default_factory is not MISSING:
            scope[f"_make_{f.name}"] = f.default_factory
            parameters.append(f"{f.name}=_FACTORY")
            body.append(f"  _set(self, {f.name!r}, _make_{f.name}() if {f.name} is _FACTORY else {f.name})")
            continue
        if f.default is not MISSING:
            scope[f"_default_{f.name}"] = f.default
            parameters.append(f"{f.name}=_default_{f.name}")
        else:
            parameters.append(f.name)
        body.append(f"  _set(self, {f.name!r}, {f.name})")
    if hasattr(cls, "__post_init__"):
        body.append("  self.__post_init__()")
    source = f"def __init__({', '.join(parameters)}):\n" + ("\n".join(body) or "  pass") + "\n"
    exec(source, scope)  # noqa: S102 - the source is built above from the class's own field names
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _values(names: tuple[str, ...]) -> Callable[[Any], tuple]:
    """The tuple of these fields' values (what dataclasses compares and hashes)."""
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda self: (one(self),)
    return attrgetter(*names) if names else (lambda self: ())


def _representer(names: tuple[str, ...]) -> Callable[[Any], str]:
    def __repr__(self: Any) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"

    return __repr__


def _frozen(cls: type, names: set[str]) -> tuple[Callable[..., None], Callable[..., None]]:
    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __setattr__, __delattr__


def _comparisons(values: Callable[[Any], tuple], order: bool) -> dict[str, Callable]:
    """`__eq__`, and with `order` the four orderings: same class only, field values as a tuple."""
    tests = {"__eq__": tuple.__eq__}
    if order:
        tests |= {"__lt__": tuple.__lt__, "__le__": tuple.__le__, "__gt__": tuple.__gt__, "__ge__": tuple.__ge__}
    return {name: _comparison(name, test, values) for name, test in tests.items()}


def _comparison(name: str, test: Callable[[tuple, tuple], bool], values: Callable[[Any], tuple]) -> Callable:
    def compare(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return test(values(self), values(other))
        return NotImplemented

    compare.__name__ = name
    return compare


def _hasher(values: Callable[[Any], tuple]) -> Callable[[Any], int]:
    return lambda self: hash(values(self))


#: Where `keep_hash` keeps a record's hash: in its `__dict__`, under a name no field can have.
_KEPT = "__record_hash"


def _keeper(values: Callable[[Any], tuple]) -> Callable[[Any], int]:
    def __hash__(self: Any) -> int:
        kept = getattr(self, _KEPT, None)  # not `self.__dict__`: asking for it makes a dict of each record
        if kept is None:
            kept = hash(values(self))
            object.__setattr__(self, _KEPT, kept)
        return kept

    return __hash__


def _restorer(names: tuple[str, ...]) -> Callable[[Any, list], None]:
    def __setstate__(self: Any, state: list) -> None:
        for name, value in zip(names, state):
            object.__setattr__(self, name, value)

    return __setstate__
