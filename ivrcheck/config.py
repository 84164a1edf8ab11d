"""Settings: found upward from the checked path, validated strictly, overridden by CLI flags."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

import yaml

from ivrcheck.findings import Severity
from ivrcheck.load.reader import suggest
from ivrcheck.load.source import Limits

CONFIG_FILES = (".ivrcheck.yaml", ".ivrcheck.yml")
FAIL_ON = ("error", "warning", "info", "never")
_KEYS = ("select", "ignore", "per_file_ignores", "severity", "rules", "speaking_rate", "fail_on")


class ConfigError(Exception):
    """ivrcheck's own configuration is wrong: reported as one line, exit 2."""


@dataclass(frozen=True)
class Config:
    """Resolved settings for one run."""

    select: tuple[str, ...] = ("",)
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    rule_settings: dict[str, dict[str, Any]] = field(default_factory=dict)
    speaking_rate: dict[str, float] = field(default_factory=dict)
    fail_on: str = "error"
    limits: Limits = Limits()
    source: str | None = None
    #: Glob (relative to the config file's folder) -> rule prefixes ignored in matching files.
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Top-level keys the config file set, for `ivrcheck config --show`.
    explicit: frozenset[str] = frozenset()

    def rules(self) -> list:
        from ivrcheck.rules import select

        return select(self.select, self.ignore)

    def settings_for(self, rule: Any) -> dict[str, Any]:
        return {**rule.SETTINGS, **self.rule_settings.get(rule.CODE, {})}

    def rate_for(self, language: str) -> float | None:
        return self.speaking_rate.get(language.lower().split("-")[0])

    def with_overrides(self, **changes: Any) -> Config:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def for_file(self, path: Path) -> Config:
        """This config with the per-file ignores that match `path` added to `ignore`."""
        if not self.per_file_ignores:
            return self
        base = Path(self.source).resolve().parent if self.source else Path.cwd()
        try:
            relative = path.resolve().relative_to(base)
        except ValueError:
            return self
        extra = tuple(code for pattern, codes in self.per_file_ignores.items()
                      if relative.match(pattern) or fnmatch(str(relative), pattern) for code in codes)
        return replace(self, ignore=self.ignore + extra) if extra else self


def find_config(start: Path) -> Path | None:
    """The closest `.ivrcheck.yaml` or pyproject.toml with `[tool.ivrcheck]`, upward from `start`.

    The search stops at a repository root (a `.git` folder) or the home directory.
    """
    folder = start.resolve()
    if folder.is_file():
        folder = folder.parent
    home = Path.home().resolve()
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


def load_config(path: Path | None) -> Config:
    """Parse and validate a config file (None gives the defaults)."""
    if path is None:
        return Config()
    if path.name == "pyproject.toml":
        data = _pyproject_tool(path).get("ivrcheck", {})
    else:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read the config: {str(exc).splitlines()[0]}") from exc
    return parse_config(data, str(path))


def _pyproject_tool(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc


def parse_config(data: Any, source: str) -> Config:
    """Validate a config mapping against the rule registry, with did-you-mean on every name."""
    from ivrcheck.rules import lookup

    if not isinstance(data, dict):
        raise ConfigError(f"{source}: the config must be a mapping")
    data = {str(k).replace("-", "_"): v for k, v in data.items()}
    for key in data:
        if key not in _KEYS:
            raise ConfigError(f'{source}: unknown option "{key}"; {suggest(key, _KEYS)}')
    select = _codes(data.get("select", [""]), "select", source)
    ignore = _codes(data.get("ignore", []), "ignore", source)
    severity: dict[str, Severity] = {}
    for name, level in _mapping(data.get("severity", {}), "severity", source).items():
        rule = _rule(name, source, lookup)
        if level not in ("error", "warning", "info"):
            raise ConfigError(f'{source}: severity of {rule.CODE} is "{level}"; expected error, warning or info')
        severity[rule.CODE] = Severity(level)
    settings: dict[str, dict[str, Any]] = {}
    for name, values in _mapping(data.get("rules", {}), "rules", source).items():
        rule = _rule(name, source, lookup)
        settings[rule.CODE] = _rule_settings(rule, _mapping(values, f"rules.{name}", source), source)
    rates = {}
    for language, rate in _mapping(data.get("speaking_rate", {}), "speaking_rate", source).items():
        if isinstance(rate, bool) or not isinstance(rate, (int, float)) or rate <= 0:
            raise ConfigError(f"{source}: speaking_rate.{language} must be a positive number")
        rates[str(language).lower()] = float(rate)
    fail_on = str(data.get("fail_on", "error"))
    if fail_on not in FAIL_ON:
        raise ConfigError(f'{source}: fail_on is "{fail_on}"; {suggest(fail_on, FAIL_ON)}')
    per_file = {str(glob): _codes(codes, f"per_file_ignores.{glob}", source)
                for glob, codes in _mapping(data.get("per_file_ignores", {}), "per_file_ignores", source).items()}
    return Config(select, ignore, severity, settings, rates, fail_on, source=source,
                  per_file_ignores=per_file, explicit=frozenset(data))


def _rule_settings(rule: Any, values: dict[str, Any], source: str) -> dict[str, Any]:
    result = {}
    for key, value in values.items():
        if key not in rule.SETTINGS:
            hint = suggest(key, rule.SETTINGS) if rule.SETTINGS else "it takes no settings"
            raise ConfigError(f'{source}: unknown option "{key}" for rule {rule.CODE} ({rule.NAME}); {hint}')
        default = rule.SETTINGS[key]
        expected = (int, float) if isinstance(default, (int, float)) and not isinstance(default, bool) else type(default)
        if isinstance(value, bool) != isinstance(default, bool) or not isinstance(value, expected):
            raise ConfigError(f"{source}: {rule.CODE}.{key} must be {type(default).__name__}, like its default {default!r}")
        result[key] = list(value) if isinstance(value, (list, tuple)) else value
    return result


def _codes(value: Any, key: str, source: str) -> tuple[str, ...]:
    from ivrcheck.rules import ALL_RULES

    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
        raise ConfigError(f"{source}: {key} must be a list of rule codes or prefixes, e.g. [S, H2, R504]")
    for prefix in items:
        if prefix and not any(r.CODE.startswith(prefix.upper()) for r in ALL_RULES):
            raise ConfigError(f'{source}: {key} names "{prefix}", which matches no rule code')
    return tuple(v.upper() for v in items)


def _mapping(value: Any, key: str, source: str) -> dict[Any, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{source}: {key} must be a mapping")
    return value


def _rule(name: Any, source: str, lookup: Any) -> Any:
    rule = lookup(str(name))
    if rule is None:
        from ivrcheck.rules import ALL_RULES

        choices = [r.CODE for r in ALL_RULES] + [r.NAME for r in ALL_RULES]
        raise ConfigError(f'{source}: no rule is called "{name}"; {suggest(str(name), choices)}')
    return rule


def describe(config: Config) -> str:
    """Every effective setting, one a line, with its origin: the config file or the default."""
    from ivrcheck.language import load_language
    from ivrcheck.rules import ALL_RULES

    origin = config.source or "default"

    def source(key: str) -> str:
        return origin if key in config.explicit else "default"

    lines = [f"config file: {config.source or '(none found; defaults)'}"]
    lines.append(f"select: {list(config.select) if config.select != ('',) else 'all'}  # {source('select')}")
    lines.append(f"ignore: {list(config.ignore)}  # {source('ignore')}")
    for glob, codes in config.per_file_ignores.items():
        lines.append(f"per_file_ignores.{glob}: {list(codes)}  # {origin}")
    lines.append(f"fail_on: {config.fail_on}  # {source('fail_on')}")
    for code in ("en", "fi"):
        language = load_language(code)
        rate = config.rate_for(code)
        where = origin if rate is not None else f"default (ivrcheck/language/{code}.yaml)"
        lines.append(f"speaking_rate.{code}: {rate or language.rate:g} {language.rate_unit}  # {where}")
    active = {rule.CODE for rule in config.rules()}
    for rule in ALL_RULES:
        state = "on" if rule.CODE in active else "off"
        severity = config.severity.get(rule.CODE, rule.SEVERITY).value
        sev_origin = origin if rule.CODE in config.severity else "default"
        lines.append(f"{rule.CODE} {rule.NAME}: {state}, {severity}  # severity: {sev_origin}")
        for key, default in rule.SETTINGS.items():
            value = config.rule_settings.get(rule.CODE, {}).get(key, default)
            where = origin if key in config.rule_settings.get(rule.CODE, {}) else "default"
            lines.append(f"  {key}: {value!r}  # {where}")
    return "\n".join(lines)
