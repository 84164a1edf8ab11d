"""Settings: found upward from the checked path, validated strictly, overridden by CLI flags.

Config sits below every step of the pipeline and imports none of them: what it must know of
the rules to validate a file (codes, names, settings) is handed to it as a plain catalog.
"""

from __future__ import annotations

import datetime
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Sequence

import yaml

from ivrcheck.didyoumean import suggest
from ivrcheck.discover import glob_matches, real_path
from ivrcheck.findings import Severity
from ivrcheck.nesting import too_deep
from ivrcheck.numbers import NotANumber, read_number

CONFIG_FILES = (".ivrcheck.yaml", ".ivrcheck.yml")
FAIL_ON = ("error", "warning", "info", "never")
_KEYS = ("select", "ignore", "per_file_ignores", "severity", "rules", "speaking_rate", "fail_on", "profile", "extends",
         "synonyms", "waivers")
_WAIVER_KEYS = ("rules", "paths", "nodes", "reason", "by", "until")


class ConfigError(Exception):
    """ivrcheck's own configuration is wrong: reported as one line, exit 2."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that keep a hostile or broken file from costing time or memory."""

    max_bytes: int = 20_000_000
    max_depth: int = 64
    #: Expanded node count allowed beyond the file's own nodes (aliases re-use nodes).
    max_alias_growth: int = 10


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """What config needs to know of a rule or F code to validate settings that name it."""

    code: str
    name: str
    settings: Mapping[str, object] = field(default_factory=dict)
    #: F codes can be ignored and re-graded, but take no settings and cannot be selected alone.
    is_rule: bool = True


Catalog = Sequence[CodeInfo]


@dataclass(frozen=True, slots=True)
class ConfigWaiver:
    """`waivers:` in the config: rule prefixes accepted in some files (globs) or nodes, and why."""

    rules: tuple[str, ...]
    reason: str
    paths: tuple[str, ...] = ()
    nodes: tuple[str, ...] = ()
    by: str | None = None
    until: str | None = None

    def covers(self, code: str, node_id: str | None) -> bool:
        return code.startswith(self.rules) and (not self.nodes or node_id in self.nodes)


@dataclass(frozen=True)
class Config:
    """Resolved settings for one file: plain data that the steps read."""

    select: tuple[str, ...] = ("",)
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    rule_settings: dict[str, dict[str, Any]] = field(default_factory=dict)
    speaking_rate: dict[str, float] = field(default_factory=dict)
    fail_on: str = "error"
    #: Language -> the user's own synonym groups, added to that language's lexicon.
    synonyms: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    limits: Limits = Limits()
    source: str | None = None
    #: Glob (relative to the config file's folder) -> rule prefixes ignored in matching files.
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Codes this file ignores because of `per_file_ignores` (for `config --show`).
    per_file_ignored: tuple[str, ...] = ()
    #: Top-level keys the config file set, for `ivrcheck config --show`.
    explicit: frozenset[str] = frozenset()
    #: `--from`: the format of the files (None: detect it); `--entry`: where calls start.
    source_format: str | None = None
    entry: str | None = None
    #: Code -> the clause of the profile(s) it enforces, appended to its findings.
    clauses: dict[str, str] = field(default_factory=dict)
    profiles: tuple[str, ...] = ()
    #: Accepted exceptions; `for_file` keeps those whose `paths` match the file.
    waivers: tuple[ConfigWaiver, ...] = ()
    #: `check --strict-waivers`: a waiver comment without a reason silences nothing (F023).
    strict_waivers: bool = False

    def selects(self, code: str) -> bool:
        """Whether a code is switched on: a selected prefix and no ignored one (ruff style)."""
        return code.startswith(self.select) and not (self.ignore and code.startswith(self.ignore))

    def settings_for(self, code: str, defaults: Mapping[str, object]) -> dict[str, Any]:
        return {**defaults, **self.rule_settings.get(code, {})}

    def rate_for(self, language: str) -> float | None:
        return self.speaking_rate.get(language.lower().split("-")[0])

    def synonyms_for(self, language: str) -> tuple[tuple[str, ...], ...]:
        return self.synonyms.get(language.lower().split("-")[0], ())

    def fails(self, worst: Severity | None) -> bool:
        """Whether a file whose worst finding is `worst` makes the exit code 1."""
        return self.fail_on != "never" and worst is not None and worst >= Severity(self.fail_on)

    def with_overrides(self, **changes: Any) -> Config:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def for_file(self, path: Path) -> Config:
        """This config with the per-file ignores that match `path` added to `ignore`, and only the
        waivers whose `paths` match it."""
        if not self.per_file_ignores and not any(w.paths for w in self.waivers):
            return self
        base = real_path(self.source).parent if self.source else Path.cwd()
        try:
            relative = real_path(path).relative_to(base)
        except ValueError:
            return replace(self, waivers=tuple(w for w in self.waivers if not w.paths))

        def matches(pattern: str) -> bool:
            return glob_matches(relative, pattern)
        extra = tuple(code for pattern, codes in self.per_file_ignores.items() if matches(pattern) for code in codes)
        waivers = tuple(w for w in self.waivers if not w.paths or any(matches(p) for p in w.paths))
        changed = replace(self, waivers=waivers) if waivers != self.waivers else self
        return replace(changed, ignore=self.ignore + extra, per_file_ignored=extra) if extra else changed


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
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    if path.name == "pyproject.toml":
        data = _pyproject_tool(path).get("ivrcheck", {})
    else:
        try:
            text = path.read_text(encoding="utf-8")
            _check_depth(text, path)
            data = yaml.load(text, Loader=_LOADER) or {}
        except (yaml.YAMLError, ValueError) as exc:  # ValueError: not UTF-8, or an int past Python's digit limit
            raise ConfigError(f"{path}: cannot read the config: {_first_line(exc)}") from exc
    return parse_config(data, str(path), catalog)


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: A config is a few levels deep; anything deeper is refused before it is built (deep nesting
#: exhausts the recursion of YAML's composer and of Python's constructor).
_MAX_DEPTH = 16


def _check_depth(text: str, path: Path) -> None:
    """Refuse a config nested beyond reason, before anything is built from it."""
    if (place := too_deep(text, _MAX_DEPTH, _LOADER)) is not None:
        raise ConfigError(f"{path}:{place.line + 1}:{place.column + 1}: the config nests deeper than "
                          f"{_MAX_DEPTH} levels; a config needs two or three")


def _pyproject_tool(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except ValueError as exc:  # TOMLDecodeError, not UTF-8, or an int past Python's digit limit
        raise ConfigError(f"{path}: invalid TOML: {_first_line(exc)}") from exc


def _first_line(exc: Exception) -> str:
    """An exception's message as one line of a usage error (Python's digit-limit advice left out)."""
    return str(exc).splitlines()[0].split("; use sys.set_int_max_str_digits")[0][:300]


def parse_config(data: Any, source: str, catalog: Catalog) -> Config:
    """Validate a config mapping against the catalog of codes, with did-you-mean on every name."""
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: the config must be a mapping")
    data = {str(k).replace("-", "_"): v for k, v in data.items()}
    for key in data:
        if key not in _KEYS:
            raise ConfigError(f'{source}: unknown option "{key}"; {suggest(key, _KEYS)}')
    names, packs = profiles(data, source)
    data = _with_profiles(data, packs)
    select = codes(data.get("select", [""]), "select", catalog, source)
    ignore = codes(data.get("ignore", []), "ignore", catalog, source)
    severity: dict[str, Severity] = {}
    for name, level in _mapping(data.get("severity", {}), "severity", source).items():
        info = _lookup(name, catalog, source)
        if level not in ("error", "warning", "info"):
            raise ConfigError(f'{source}: severity of {info.code} is "{level}"; expected error, warning or info')
        severity[info.code] = Severity(level)
    settings: dict[str, dict[str, Any]] = {}
    for name, values in _mapping(data.get("rules", {}), "rules", source).items():
        info = _lookup(name, catalog, source)
        settings[info.code] = _rule_settings(info, _mapping(values, f"rules.{name}", source), source)
    rates = {}
    for language, rate in _mapping(data.get("speaking_rate", {}), "speaking_rate", source).items():
        if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not 0 < rate < 1e6:
            raise ConfigError(f"{source}: speaking_rate.{language} must be a positive number")
        rates[str(language).lower()] = float(rate)
    fail_on = str(data.get("fail_on", "error"))
    if fail_on not in FAIL_ON:
        raise ConfigError(f'{source}: fail_on is "{fail_on}"; {suggest(fail_on, FAIL_ON)}')
    per_file = {_glob(glob, source): codes(values, f"per_file_ignores.{glob}", catalog, source)
                for glob, values in _mapping(data.get("per_file_ignores", {}), "per_file_ignores", source).items()}
    clauses = _clauses(packs, catalog, source)
    synonyms = {str(language).lower().split("-")[0]: _synonym_groups(groups, f"synonyms.{language}", source)
                for language, groups in _mapping(data.get("synonyms", {}), "synonyms", source).items()}
    waivers = tuple(_waiver(item, f"waivers[{i}]", catalog, source)
                    for i, item in enumerate(_list(data.get("waivers", []), "waivers", source)))
    return Config(select, ignore, severity, settings, rates, fail_on, source=source,
                  per_file_ignores=per_file, explicit=frozenset(data), clauses=clauses, profiles=names,
                  synonyms=synonyms, waivers=waivers)


def _waiver(item: Any, key: str, catalog: Catalog, source: str) -> ConfigWaiver:
    """One accepted exception: `{rules: [H203], reason: ..., paths: [...], nodes: [...], by: ..., until: YYYY-MM-DD}`."""
    values = _mapping(item, key, source)
    for name in values:
        if name not in _WAIVER_KEYS:
            raise ConfigError(f'{source}: unknown option "{name}" in {key}; {suggest(str(name), _WAIVER_KEYS)}')
    reason = values.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise ConfigError(f"{source}: {key} needs a `reason:` saying why the exception is accepted")
    until = values.get("until")
    if until is not None:
        try:
            until = datetime.date.fromisoformat(str(until)).isoformat()
        except ValueError as exc:
            raise ConfigError(f"{source}: {key}.until is {until!r}; write the last day it holds as YYYY-MM-DD") from exc
    if "rules" not in values:
        raise ConfigError(f"{source}: {key} needs `rules:`, the codes it accepts, e.g. [H203]")
    strings = {name: tuple(map(str, _list(values.get(name, []), f"{key}.{name}", source))) for name in ("paths", "nodes")}
    return ConfigWaiver(codes(values["rules"], f"{key}.rules", catalog, source), reason.strip(), strings["paths"],
                        strings["nodes"], str(values["by"]) if values.get("by") is not None else None, until)


def _list(value: Any, key: str, source: str) -> list[Any]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise ConfigError(f"{source}: {key} must be a list")
    return value

def _clauses(packs: list[dict[str, Any]], catalog: Catalog, source: str) -> dict[str, str]:
    """Code -> the clauses it enforces, joined by "; " when several profiles name it."""
    found: dict[str, list[str]] = {}
    for pack in packs:
        for code, rule in pack["rules"].items():
            if rule.get("clause"):
                texts = found.setdefault(_lookup(code, catalog, source).code, [])
                if str(rule["clause"]) not in texts:
                    texts.append(str(rule["clause"]))
    return {code: "; ".join(texts) for code, texts in found.items()}


def profile_info(name: str) -> tuple[str, str]:
    """A profile's title and version, for the cover of a report."""
    pack = _pack(name)
    return str(pack.get("title", name)), str(pack.get("version", ""))


def _glob(glob: Any, source: str) -> str:
    """A `per_file_ignores` pattern that matches some path: not empty, not only `.` (pathlib refuses both)."""
    text = str(glob)
    try:
        Path("x").match(text)
    except ValueError:
        raise ConfigError(f'{source}: per_file_ignores has the pattern "{text}", which matches no file; '
                          'write a glob such as "menus/*.ivr.yaml" or "**/legacy-*.yaml"') from None
    return text


def _synonym_groups(value: Any, key: str, source: str) -> tuple[tuple[str, ...], ...]:
    """`synonyms.en: [[top up, recharge], ...]`: each group two or more words or phrases."""
    shape = (f'{source}: {key} must be a list of groups, each a list of two or more words or phrases, '
             'e.g. [[top up, recharge, add credit]]')
    if not isinstance(value, list):
        raise ConfigError(shape)
    groups = []
    for group in value:
        if not isinstance(group, list) or len(group) < 2 or not all(isinstance(w, str) and w.strip() for w in group):
            raise ConfigError(shape)
        groups.append(tuple(w.strip() for w in group))
    return tuple(groups)


PROFILES = ("gethuman", "iso13714", "w3c-coga", "es-ley-10-2025", "eu-eaa", "us-508", "fi-consumer")


def profiles(data: dict[str, Any], source: str) -> tuple[tuple[str, ...], list[dict[str, Any]]]:
    """The rule packs named by `profile:` (or `extends:`): a name or a list, each read from ivrcheck/profiles/."""
    value = data.get("profile", data.get("extends", []))
    if "profile" in data and "extends" in data:
        raise ConfigError(f"{source}: give `profile` or `extends`, not both")
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ConfigError(f"{source}: profile must be a name or a list of names: {', '.join(PROFILES)}")
    for name in names:
        if name not in PROFILES:
            raise ConfigError(f'{source}: no profile is called "{name}"; {suggest(name, PROFILES)}')
    return tuple(names), [_pack(name) for name in names]


@lru_cache(maxsize=None)
def _pack(name: str) -> dict[str, Any]:
    from importlib import resources

    text = resources.files("ivrcheck.profiles").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _with_profiles(data: dict[str, Any], packs: list[dict[str, Any]]) -> dict[str, Any]:
    """The config with its profiles' severities and settings underneath: the file's own values win."""
    if not packs:
        return data
    severity: dict[str, Any] = {}
    rules: dict[str, dict[str, Any]] = {}
    for pack in packs:
        for code, rule in pack["rules"].items():
            if "severity" in rule:  # two packs that grade one code: the stricter grade holds
                known = severity.get(code)
                if known is None or Severity(rule["severity"]) > Severity(known):
                    severity[code] = rule["severity"]
            rules.setdefault(code, {}).update(rule.get("settings") or {})
    own_severity = data.get("severity") if isinstance(data.get("severity"), dict) else {}
    own_rules = data.get("rules") if isinstance(data.get("rules"), dict) else {}
    merged_rules = {code: values for code, values in rules.items() if values}
    for name, values in own_rules.items():  # the file names rules by code or name; both overlay the pack
        merged_rules[name] = {**merged_rules.get(name, {}), **values} if isinstance(values, dict) else values
    return {**data, "severity": {**severity, **own_severity}, "rules": merged_rules}


def codes(value: Any, key: str, catalog: Catalog, source: str | None = None) -> tuple[str, ...]:
    """Code prefixes from config or the command line (`S`, `H2`, `R504`; commas split), each checked."""
    where = f"{source}: " if source else ""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, (list, tuple)) or not all(isinstance(v, str) for v in items):
        raise ConfigError(f"{where}{key} must be a list of rule codes or prefixes, e.g. [S, H2, R504]")
    prefixes = tuple(p.strip().upper() for v in items for p in (v.split(",") if v else [v]))
    known = [c.code for c in catalog]
    for prefix in prefixes:
        if prefix and not any(code.startswith(prefix) for code in known):
            named = _by_name(prefix.lower(), catalog)
            hint = f"; use its code {named.code}" if named else ""
            raise ConfigError(f'{where}{key} names "{prefix}", which matches no rule code{hint}')
    return prefixes


def _by_name(name: str, catalog: Catalog) -> CodeInfo | None:
    return next((c for c in catalog if c.name == name or c.code.lower() == name), None)


#: Larger than any threshold a rule takes (seconds, steps, percent).
MAX_SETTING = 1_000_000


def _rule_settings(info: CodeInfo, values: dict[str, Any], source: str) -> dict[str, Any]:
    result = {}
    for key, value in values.items():
        if key not in info.settings:
            hint = suggest(key, info.settings) if info.settings else "it takes no settings"
            raise ConfigError(f'{source}: unknown option "{key}" for rule {info.code} ({info.name}); {hint}')
        default = info.settings[key]
        expected = (int, float) if isinstance(default, (int, float)) and not isinstance(default, bool) else type(default)
        if isinstance(value, bool) != isinstance(default, bool) or not isinstance(value, expected):
            raise ConfigError(f"{source}: {info.code}.{key} must be {type(default).__name__}, like its default {default!r}")
        if expected == (int, float):  # finite and of a size a threshold can have: .inf and .nan are refused here
            try:
                value = read_number(value, whole=isinstance(value, int), low=0, high=MAX_SETTING)
            except NotANumber as exc:
                raise ConfigError(f"{source}: {info.code}.{key}: {exc}") from None
        result[key] = list(value) if isinstance(value, (list, tuple)) else value
    return result


def _mapping(value: Any, key: str, source: str) -> dict[Any, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{source}: {key} must be a mapping")
    return value


def _lookup(name: Any, catalog: Catalog, source: str) -> CodeInfo:
    info = _by_name(str(name).lower(), catalog)
    if info is None:
        choices = [c.code for c in catalog] + [c.name for c in catalog]
        raise ConfigError(f'{source}: no rule is called "{name}"; {suggest(str(name), choices)}')
    return info


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
