"""A line that a TTY user cannot use: no real-time text and no relay service declared.

## What it checks
A line that declares `line: {consumers: true}` in one of the countries of the setting
`countries` (the United States by default) must list, in `line.text_alternative`, a way a
TTY user can take: real-time text (`rtt`) or a relay service (`relay`). Chat, SMS or e-mail
do not count here: they are rule R509's alternatives, not a path for a TTY.

Reported as **info** by default, since what it reads is a declaration, not the line: in the
United States any number can be reached through the 711 relay service whether the line says
so or not, and on the trust corpus blind judges called all three such warnings on good lines
written elsewhere false or arguable (precision 0 of 3) for that reason. An audit against
Section 508 (`--profile us-508`, docs/profiles/us-508.md) makes it an error, as the law asks
the line itself to be usable with a TTY.

## Why it matters
Section 508 (36 CFR 1194.23(c)) asks that voice mail, auto-attendant and interactive voice
response systems be usable by TTY users with their TTYs. A deaf caller who phones with a TTY,
or through a relay operator, needs the line to take text in real time; a chat on the website
is a different channel that the caller may not have at hand.

## Example
```yaml
entry: main
line: {country: US, consumers: true, text_alternative: [email]}
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  main:
    prompt: To speak to a representative, press 0.
    options:
      "0": {label: Representative, goto: advisor}
  advisor: {type: agent}
```

## Use instead
```yaml
entry: main
line: {country: US, consumers: true, text_alternative: [email, relay]}
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  main:
    prompt: To speak to a representative, press 0.
    options:
      "0": {label: Representative, goto: advisor}
  advisor: {type: agent}
```

## Settings
- `countries`: the `line.country` codes the rule applies to (`["US"]`); an empty list: every line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.model import Menu
from ivrcheck.rules.base import Settings
from ivrcheck.rules.robustness.no_text_alternative import lacking

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "R510"
NAME = "no-tty-path"
SEVERITY = Severity.INFO
SETTINGS: dict[str, object] = {"countries": ["US"]}
PART = "robustness"
#: The ways a TTY user can take.
TTY_WAYS = ("rtt", "relay")


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    countries = [str(c).upper() for c in settings["countries"]]
    if countries and menu.line is not None and (menu.line.country or "").upper() not in countries:
        return
    for span, declared in lacking(menu, TTY_WAYS):
        having = f" ({', '.join(declared)} is no path for a TTY)" if declared else ""
        yield Problem(span, None, "a TTY user cannot use the line: it declares neither real-time text nor a relay "
                      f"service{having}",
                      "accept RTT or a relay service and list it in `line.text_alternative` (`rtt`, `relay`)")
