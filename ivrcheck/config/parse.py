"""A config's plain data -> a validated `Config`, with a did-you-mean on every name it gets wrong."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from ivrcheck.config.profiles import with_profiles, profiles
from ivrcheck.config.values import FAIL_ON, TREE_TEST_RULE, Catalog, CodeInfo, Config, ConfigError, ConfigWaiver
from ivrcheck.didyoumean import suggest
from ivrcheck.findings import Severity
from ivrcheck.numbers import EXPONENT_RULE, NotANumber, exponent_as_text, read_number

_KEYS = ("select", "ignore", "per_file_ignores", "severity", "rules", "speaking_rate", "fail_on", "profile", "extends",
         "synonyms", "waivers", "tree_test")
_WAIVER_KEYS = ("rules", "paths", "nodes", "reason", "by", "until")


def parse_config(data: Any, source: str, catalog: Catalog) -> Config:
    """Validate a config mapping against the catalog of codes, with did-you-mean on every name."""
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: the config must be a mapping")
    data = {str(k).replace("-", "_"): v for k, v in data.items()}
    for key in data:
        if key not in _KEYS:
            raise ConfigError(f'{source}: unknown option "{key}"; {suggest(key, _KEYS)}')
    names, packs = profiles(data, source)
    data = with_profiles(data, packs)
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
    if data.get("tree_test") is not None:  # the tree test's own name for what rule T602 reports on
        info = _lookup(TREE_TEST_RULE, catalog, source)
        settings[info.code] = {**settings.get(info.code, {}), **_rule_settings(
            info, _mapping(data["tree_test"], "tree_test", source), source, owner="tree_test")}
    rates = {}
    for language, rate in _mapping(data.get("speaking_rate", {}), "speaking_rate", source).items():
        if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not 0 < rate < 1e6:
            raise ConfigError(f"{source}: speaking_rate.{language} must be a positive number below 1000000"
                              f"{_as_text(rate)}")
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
        until = _day(until, f"{source}: {key}.until")
    if "rules" not in values:
        raise ConfigError(f"{source}: {key} needs `rules:`, the codes it accepts, e.g. [H203]")
    strings = {name: tuple(map(str, _list(values.get(name, []), f"{key}.{name}", source))) for name in ("paths", "nodes")}
    return ConfigWaiver(codes(values["rules"], f"{key}.rules", catalog, source), reason.strip(), strings["paths"],
                        strings["nodes"], str(values["by"]) if values.get("by") is not None else None, until)


def _day(value: Any, where: str) -> str:
    """A waiver's last day as YYYY-MM-DD; a time of day (YAML reads `2026-12-07T23:59:59Z` as one) or
    anything else is refused, shown as it was written rather than as Python's repr."""
    if isinstance(value, datetime.datetime):
        raise ConfigError(f"{where} is {value.isoformat()}, a time; write the last day it holds as YYYY-MM-DD, "
                          f"e.g. {value.date().isoformat()}")
    try:
        return datetime.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        shown = f'"{value}"' if isinstance(value, str) else str(value)
        raise ConfigError(f"{where} is {shown[:60]}; write the last day it holds as YYYY-MM-DD") from None


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


def _rule_settings(info: CodeInfo, values: dict[str, Any], source: str, owner: str | None = None) -> dict[str, Any]:
    """A rule's settings, each a known name of its default's type (`owner` names a section that is no rule)."""
    result = {}
    for key, value in values.items():
        if key not in info.settings:
            hint = suggest(key, info.settings) if info.settings else "it takes no settings"
            raise ConfigError(f'{source}: unknown option "{key}" for {owner or f"rule {info.code} ({info.name})"}; '
                              f"{hint}")
        default = info.settings[key]
        expected = (int, float) if isinstance(default, (int, float)) and not isinstance(default, bool) else type(default)
        if isinstance(value, bool) != isinstance(default, bool) or not isinstance(value, expected):
            why = _as_text(value) if expected == (int, float) else ""
            raise ConfigError(f"{source}: {info.code}.{key} must be {type(default).__name__}, like its default "
                              f"{default!r}{why}")
        if expected == (int, float):  # finite and of a size a threshold can have: .inf and .nan are refused here
            try:
                value = read_number(value, whole=isinstance(value, int), low=0, high=MAX_SETTING)
            except NotANumber as exc:
                raise ConfigError(f"{source}: {info.code}.{key}: {exc}") from None
        result[key] = list(value) if isinstance(value, (list, tuple)) else value
    return result


def _as_text(value: Any) -> str:
    """The hint for a number YAML 1.1 read as text (`1e308`), as menu files give it; else nothing."""
    written = exponent_as_text(value) if isinstance(value, str) else None
    return f"; YAML reads {value} as text ({EXPONENT_RULE}): write {written}" if written else ""


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
