"""The rule packs `profile:` names: read from ivrcheck/profiles/, laid under a config's own values."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import yaml

from ivrcheck.config.values import ConfigError
from ivrcheck.didyoumean import suggest
from ivrcheck.findings import Severity


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
    """A profile's pack, read with the C loader when PyYAML has it (the pure-Python one took 1-5 ms a pack)."""
    from importlib import resources

    text = resources.files("ivrcheck.profiles").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def with_profiles(data: dict[str, Any], packs: list[dict[str, Any]]) -> dict[str, Any]:
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


def profile_info(name: str) -> tuple[str, str]:
    """A profile's title and version, for the cover of a report."""
    pack = _pack(name)
    return str(pack.get("title", name)), str(pack.get("version", ""))
