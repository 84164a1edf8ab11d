"""What a resolved config is: plain data the steps read, with the few questions they ask of it."""

from __future__ import annotations

from dataclasses import field, replace
from pathlib import Path
from typing import Any, Mapping, Sequence

from ivrcheck.discover import glob_matches, real_path
from ivrcheck.findings import Severity
from ivrcheck.records import record

FAIL_ON = ("error", "warning", "info", "never")
#: The rule that reports on the tree test: `tree_test:` and its old spelling, that rule's settings,
#: are one value (`Config.tree_test`), which `ivrcheck tasks`, the metrics and the rule all read.
TREE_TEST_RULE = "T602"


class ConfigError(Exception):
    """ivrcheck's own configuration is wrong: reported as one line, exit 2."""


@record(slots=True)
class Limits:
    """Bounds that keep a hostile or broken file from costing time or memory."""

    max_bytes: int = 20_000_000
    max_depth: int = 64
    #: Expanded node count allowed beyond the file's own nodes (aliases re-use nodes).
    max_alias_growth: int = 10


@record(slots=True)
class CodeInfo:
    """What config needs to know of a rule or F code to validate settings that name it."""

    code: str
    name: str
    settings: Mapping[str, object] = field(default_factory=dict)
    #: F codes can be ignored and re-graded, but take no settings and cannot be selected alone.
    is_rule: bool = True


Catalog = Sequence[CodeInfo]


@record(slots=True)
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


@record
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

    @property
    def tree_test(self) -> dict[str, Any]:
        """The tree test's thresholds as set (`tree_test:`, or `rules: {T602: ...}`); the rest are defaults."""
        return self.rule_settings.get(TREE_TEST_RULE, {})

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
