"""Where a config comes from: found upward from the checked path, read once, CLI flags laid on top."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import yaml

from ivrcheck.config.parse import codes, parse_config
from ivrcheck.config.values import FAIL_ON, Catalog, Config, ConfigError
from ivrcheck.didyoumean import suggest
from ivrcheck.discover import real_path
from ivrcheck.encoding import SAVE_AS_UTF8, utf16
from ivrcheck.fileio import NotRegular, TooLarge, read_limited
from ivrcheck.nesting import key_too_long, long_key, too_deep

CONFIG_FILES = (".ivrcheck.yaml", ".ivrcheck.yml")
#: The most bytes a config file (or a pyproject.toml searched for one) may hold: a config of
#: thousands of waivers takes a few hundred kilobytes.
CONFIG_LIMIT = 8 << 20


def find_config(start: Path) -> Path | None:
    """The closest `.ivrcheck.yaml` or pyproject.toml with `[tool.ivrcheck]`, upward from `start`.

    The search stops at a repository root (a `.git` folder) or the home directory.
    """
    folder = real_path(start)
    if folder.is_file():
        folder = folder.parent
    home = real_path(Path.home())
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            if (candidate / name).is_file():
                return candidate / name
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and "ivrcheck" in _pyproject_tool(pyproject):
            return pyproject
        if (candidate / ".git").exists() or candidate == home:
            return None
    return None


def load_config(path: Path | None, catalog: Catalog) -> Config:
    """Parse and validate a config file (None gives the defaults)."""
    if path is None:
        return Config()
    if not path.exists():
        raise ConfigError(f"{path}: config file not found")
    if not path.is_file():  # a folder, /dev/null, a FIFO: there, but nothing a config can be read from
        raise ConfigError(f"{path}: not a config file ({'a folder' if path.is_dir() else 'not a regular file'}); "
                          "give a YAML file such as .ivrcheck.yaml")
    if path.name == "pyproject.toml":
        data = _pyproject_tool(path).get("ivrcheck", {})
    else:
        text = _text(path)
        try:
            _check_depth(text, path)
            data = yaml.load(text, Loader=_ConfigLoader) or {}
        except _Unreadable as exc:
            raise ConfigError(f"{path}:{exc.mark.line + 1}:{exc.mark.column + 1}: {exc}") from None
        except yaml.MarkedYAMLError as exc:
            raise ConfigError(_syntax(path, text, exc)) from None
        except (yaml.YAMLError, ValueError) as exc:
            raise ConfigError(f"{path}: cannot read the config: {_first_line(exc)}") from exc
    return parse_config(data, str(path), catalog)


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Unreadable(ValueError):
    """A scalar YAML reads as a number or a date that no value can be (`2027-02-30`, 5,000 digits)."""

    def __init__(self, mark: yaml.Mark, message: str) -> None:
        super().__init__(message)
        self.mark = mark


class _ConfigLoader(_LOADER):  # type: ignore[misc, valid-type]
    """The safe loader, with an impossible date or an endless number refused at its place."""


def _guarded(tag: str, advice: str) -> None:
    """Let `tag`'s constructor raise `_Unreadable` (with the scalar's mark) instead of a bare ValueError."""
    construct = _LOADER.yaml_constructors[tag]

    def build(loader: yaml.BaseLoader, node: yaml.ScalarNode) -> object:
        try:
            return construct(loader, node)
        except ValueError:
            shown = node.value if len(node.value) <= 30 else f"a value {len(node.value):,} characters long"
            raise _Unreadable(node.start_mark, f"{shown} {advice}") from None

    _ConfigLoader.add_constructor(tag, build)


def _once_each(loader: yaml.BaseLoader, node: yaml.MappingNode) -> object:
    """A mapping whose keys are each written once: YAML would keep only the last of two, so a
    setting written twice (`fail_on:` twice) silently lost the first, as menus report with F008."""
    first: dict[str, yaml.Mark] = {}
    for key, _ in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value != "<<":
            if key.value in first:
                shown = key.value if len(key.value) <= 40 else key.value[:40] + "..."
                raise _Unreadable(key.start_mark, f'"{shown}" is written twice in one mapping (first on line '
                                  f"{first[key.value].line + 1}); YAML keeps only the last: keep one")
            first[key.value] = key.start_mark
    return _MAPPING(loader, node)


_MAPPING = _LOADER.yaml_constructors["tag:yaml.org,2002:map"]
_ConfigLoader.add_constructor("tag:yaml.org,2002:map", _once_each)
_guarded("tag:yaml.org,2002:timestamp", "is not a day of the calendar; write a real date as YYYY-MM-DD, "
         "such as 2027-02-28")
_guarded("tag:yaml.org,2002:int", "is a number no setting can hold; write an ordinary number, such as 10")


def _syntax(path: Path, text: str, exc: yaml.MarkedYAMLError) -> str:
    """A YAML syntax error as one line at its place, a key over YAML's length limit named as such."""
    if (key := long_key(text, exc)) is not None:
        return f"{path}:{key.line}:{key.column}: {key_too_long(key)}; shorten it (a glob can use `*`)"
    mark = exc.problem_mark or exc.context_mark
    where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark is not None else str(path)
    return f"{where}: cannot read the config: {exc.problem or exc.context or 'invalid YAML'}; fix the YAML there"
#: A config is a few levels deep; anything deeper is refused before it is built (deep nesting
#: exhausts the recursion of YAML's composer and of Python's constructor).
_MAX_DEPTH = 16


def _bytes(path: Path) -> bytes:
    """A config file's bytes, read only from a regular file of at most CONFIG_LIMIT bytes."""
    try:
        return read_limited(path, CONFIG_LIMIT)
    except (NotRegular, TooLarge) as exc:
        raise ConfigError(f"{path}: cannot read the config: it is {exc.strerror}") from None


def _text(path: Path) -> str:
    """The config's text; ConfigError at the first byte that is not UTF-8, or naming UTF-16."""
    data = _bytes(path)
    if utf16(data):
        raise ConfigError(f"{path}: the config is UTF-16, not UTF-8; {SAVE_AS_UTF8}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[:exc.start]
        line, column = before.count(b"\n") + 1, len(before) - before.rfind(b"\n")
        raise ConfigError(f"{path}:{line}:{column}: the config is not UTF-8 (byte 0x{data[exc.start]:02x}); "
                          "save it as UTF-8") from None


def _check_depth(text: str, path: Path) -> None:
    """Refuse a config nested beyond reason, before anything is built from it."""
    if (place := too_deep(text, _MAX_DEPTH, _LOADER)) is not None:
        raise ConfigError(f"{path}:{place.line + 1}:{place.column + 1}: the config nests deeper than "
                          f"{_MAX_DEPTH} levels; a config needs two or three")


def _pyproject_tool(path: Path) -> dict[str, Any]:
    import tomllib  # only where a pyproject.toml is met: its import compiles patterns (3-6 ms)

    try:
        return tomllib.loads(_bytes(path).decode("utf-8")).get("tool", {})
    except ValueError as exc:  # TOMLDecodeError, not UTF-8, or an int past Python's digit limit
        raise ConfigError(f"{path}: invalid TOML: {_first_line(exc)}") from exc


def _first_line(exc: Exception) -> str:
    """An exception's message as one line of a usage error (Python's digit-limit advice left out)."""
    return str(exc).splitlines()[0].split("; use sys.set_int_max_str_digits")[0][:300]


class Resolver:
    """The config for each checked path: found upward (or given), read once, CLI flags on top."""

    def __init__(self, catalog: Catalog, explicit: Path | None = None, *, select: Sequence[str] = (),
                 ignore: Sequence[str] = (), fail_on: str | None = None, **overrides: Any) -> None:
        self.catalog = catalog
        self.explicit = explicit
        self.select = codes(list(select), "--select", catalog) if select else ()
        self.ignore = codes(list(ignore), "--ignore", catalog) if ignore else ()
        if fail_on is not None and fail_on not in FAIL_ON:
            raise ConfigError(f'--fail-on is "{fail_on}"; {suggest(fail_on, FAIL_ON)}')
        self.fail_on = fail_on
        self.overrides = overrides
        self._read = lru_cache(maxsize=None)(lambda path: load_config(path, catalog))
        #: The files of one folder share its config: it is looked for once per folder.
        self._find = lru_cache(maxsize=None)(find_config)

    def __call__(self, path: Path) -> Config:
        found = self.explicit if self.explicit is not None else self._find(path.parent if path.is_file() else path)
        config = self._read(real_path(found) if found else None).for_file(path)
        changes: dict[str, Any] = dict(self.overrides)
        if self.select:
            changes["select"] = self.select
        if self.ignore:
            changes["ignore"] = config.ignore + self.ignore
        changes["fail_on"] = self.fail_on
        return config.with_overrides(**changes)
