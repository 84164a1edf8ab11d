"""`ivrcheck config --show`: every setting in force for a file, each with where it came from."""

from __future__ import annotations

import os

from ivrcheck.config import Config
from ivrcheck.language import available, load_language
from ivrcheck.rules import ALL_RULES, selected


def describe(config: Config) -> str:
    """Every effective setting, one a line, with its origin: the config file, a per-file ignore, or the default."""
    origin = config.source or "default"

    def source(key: str) -> str:
        return origin if key in config.explicit else "default"

    lines = [f"config file: {config.source or '(none found; defaults)'}"]
    lines.append(f"select: {list(config.select) if config.select != ('',) else 'all'}  # {source('select')}")
    own = [code for code in config.ignore if code not in config.per_file_ignored]
    lines.append(f"ignore: {own}  # {source('ignore')}")
    if config.per_file_ignored:
        lines.append(f"ignore: {list(config.per_file_ignored)}  # per_file_ignores in {origin}")
    for glob, codes in config.per_file_ignores.items():
        lines.append(f"per_file_ignores.{glob}: {list(codes)}  # {origin}")
    lines.append(f"fail_on: {config.fail_on}  # {source('fail_on')}")
    if config.profiles:
        lines.append(f"profile: {list(config.profiles)}  # {origin}")
    for waiver in config.waivers:
        until = f", until {waiver.until}" if waiver.until else ""
        lines.append(f"waiver: {list(waiver.rules)}{until}: {waiver.reason}  # {origin}")
    for code in available():  # every language with word lists: en, es, fi, sv
        language = load_language(code)
        rate = config.rate_for(code)
        where = origin if rate is not None else f"default (ivrcheck/language/{code}.yaml)"
        lines.append(f"speaking_rate.{code}: {rate or language.rate:g} {language.rate_unit}  # {where}")
    for code, groups in config.synonyms.items():
        for group in groups:
            lines.append(f"synonyms.{code}: {list(group)}  # {origin}")
    lines += _meaning_sources()
    active = {rule.CODE for rule in selected(config)}
    for rule in ALL_RULES:
        state = "on" if rule.CODE in active else "off"
        severity = config.severity.get(rule.CODE, rule.SEVERITY).value
        sev_origin = origin if rule.CODE in config.severity else "default"
        if rule.CODE in config.clauses:  # brought in by a profile (the file may also set it)
            sev_origin += f" (profile: {config.clauses[rule.CODE]})"
        lines.append(f"{rule.CODE} {rule.NAME}: {state}, {severity}  # severity: {sev_origin}")
        for key, default in rule.SETTINGS.items():
            value = config.rule_settings.get(rule.CODE, {}).get(key, default)
            where = origin if key in config.rule_settings.get(rule.CODE, {}) else "default"
            lines.append(f"  {key}: {value!r}  # {where}")
    return "\n".join(lines)


def _meaning_sources() -> list[str]:
    """Which optional word knowledge the meaning model reads, and how to turn on what is off."""
    from ivrcheck.language import freedict, morph, wordnet

    voikko = "on" if morph.voikko_available() and not morph.voikko_missing_reason().endswith("is set") else \
        f"off: {morph.voikko_missing_reason()}"
    dictionary = "off: IVRCHECK_NO_FREEDICT is set" if os.environ.get("IVRCHECK_NO_FREEDICT") else \
        f"on ({freedict.folder()})" if freedict.folder() else "off: apt-get install dict-freedict-fin-eng"
    found = wordnet.folder()
    return [f"meaning.fi: Voikko morphology {voikko}", f"meaning.fi: Finnish-English dictionary {dictionary}",
            f"meaning.en: WordNet {'on (' + str(found) + ')' if found else 'off: apt-get install wordnet-base'}"]
