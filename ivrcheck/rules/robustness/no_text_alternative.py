"""A consumer line that declares no way to get its service without hearing or speech.

## What it checks
A line that declares `line: {consumers: true}` must list, in `line.text_alternative`, at
least one non-voice way to get the same information and tasks that the setting `accepted`
counts (SMS, chat, real-time text, a relay service, e-mail, the web). Quiet on a line that
does not say it serves consumers. A line whose `country` is outside the European Union (NZ,
ZA, US) gets **info**: the law this rule rests on does not bind it, and blind judges of the
trust corpus called such warnings "a service decision rather than a fault in the menu"
(R510 covers the US's TTY requirement). A line in the EU, or with no `country`, is warned.

## Why it matters
A deaf, hard-of-hearing or speech-impaired caller cannot use a voice menu at all. The
European Accessibility Act (Directive (EU) 2019/882), through EN 301 549 clause 6.4, asks
that a voice-based service such as an IVR offer another way to reach the information and
carry out the tasks. (A path for TTY users, which Section 508 asks for, is rule R510's.)

## Example
```yaml
entry: main
line: {country: DE, consumers: true}
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  main:
    prompt: To speak to an advisor, press 0.
    options:
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent}
```

## Use instead
```yaml
entry: main
line: {country: DE, consumers: true, text_alternative: [chat, rtt]}
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  main:
    prompt: To speak to an advisor, press 0.
    options:
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent}
```

## Settings
- `accepted`: the ways that count (all of `sms`, `chat`, `rtt`, `relay`, `email`, `web`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Sequence

from ivrcheck.findings import Problem, Severity, Span
from ivrcheck.model import TEXT_ALTERNATIVES, Menu
from ivrcheck.rules.base import Settings

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "R509"
NAME = "no-text-alternative"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {"accepted": list(TEXT_ALTERNATIVES)}
PART = "robustness"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    accepted = [str(a).lower() for a in settings["accepted"]]
    country = (menu.line.country or "").upper() if menu.line is not None else ""
    outside = bool(country) and country not in EU
    for span, declared in lacking(menu, accepted):
        having = f" ({', '.join(declared)} does not count here)" if declared else ""
        yield Problem(span, None,
                      f"the line serves consumers but declares no way to use it without hearing or speech{having}"
                      + (f"; the European Accessibility Act binds lines in the EU, not in {country}, so this is "
                         "advice" if outside else ""),
                      f"offer one of {', '.join(accepted)} and list it in `line.text_alternative`",
                      severity=Severity.INFO if outside else None)


#: The member states of the European Union (ISO 3166 codes; Greece also as EL), where the EAA applies.
EU = frozenset("AT BE BG CY CZ DE DK EE EL ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split())


def lacking(menu: Menu, accepted: Sequence[str]) -> Iterator[tuple[Span, tuple[str, ...]]]:
    """(where, what is declared) when a line serving consumers declares none of the `accepted` ways."""
    info = menu.line
    if info is None or not info.consumers:
        return
    declared = info.text_alternative or ()
    if not any(a in accepted for a in declared):
        yield (info.span_of("text_alternative") if declared else info.span), declared
