"""Registries whose modules are imported on first use, so a plain run never pays for a format it does not print."""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module
from types import ModuleType
from typing import Any, Iterator


class LazyModules(Mapping[str, Any]):
    """Name -> `package.module` (or one attribute of it), the module imported when first looked up.

    `modules` maps each name to its module's path under `package`, in the order the names are listed.
    """

    def __init__(self, package: str, modules: Mapping[str, str], attribute: str | None = None) -> None:
        self._package = package
        self._modules = dict(modules)
        self._attribute = attribute

    def module(self, name: str) -> ModuleType:
        return import_module(f"{self._package}.{self._modules[name]}")

    def __getitem__(self, name: str) -> Any:
        module = self.module(name)
        return module if self._attribute is None else getattr(module, self._attribute)

    def __iter__(self) -> Iterator[str]:
        return iter(self._modules)

    def __len__(self) -> int:
        return len(self._modules)
