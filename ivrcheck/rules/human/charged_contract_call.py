"""A matter about an existing contract on a line that costs more than an ordinary call.

## What it checks
On a line whose `line.tariff` charges more a minute than its `basic_rate` (an ordinary call;
0 when left out), every reachable option marked `contract_matter: true` (cancelling,
complaining, an invoice) is reported, and the message says when the minutes spent waiting
for a person are charged too (`charged_while_queueing`, true when left out). Quiet on a
line without a tariff.

## Why it matters
The EU Consumer Rights Directive 2011/83/EU (art. 21) lets no trader charge a consumer more
than the basic rate for calling about a contract already concluded. Finland's Market Court
(MAO:301/2025, Consumer Ombudsman v. Telia) held that charging callers for the time they
queued on such a number broke that rule; Spain's Ley 10/2025 forbids premium-rate numbers
for customer service altogether.

## Example
```yaml
entry: main
line: {tariff: {per_minute: 0.45, basic_rate: 0.08, charged_while_queueing: true}}
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  main:
    prompt: To cancel your subscription, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Cancel your subscription, goto: advisor, contract_matter: true}
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent}
```

## Use instead
```yaml
entry: main
line: {tariff: {per_minute: 0.08, basic_rate: 0.08}}
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  main:
    prompt: To cancel your subscription, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Cancel your subscription, goto: advisor, contract_matter: true}
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent}
```

## Settings
None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.graph.analysis import is_live_human
from ivrcheck.graph.build import OPEN
from ivrcheck.model import Menu
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "H213"
NAME = "charged-contract-call"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "human_access"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    tariff = menu.line.tariff if menu.line is not None else None
    if tariff is None or not tariff.above_basic:
        return
    analysis = line.open
    price = f"{tariff.per_minute:g} {tariff.currency} a minute against {tariff.basic_rate:g} for an ordinary call"
    for node in menu.nodes.values():
        if node.id not in line.reachable:
            continue
        for option in node.options:
            if not option.contract_matter or option.target is None or option.target.ref not in analysis.out:
                continue
            queue = any(is_live_human(n, OPEN) for ref in analysis.within(option.target.ref)
                        if (n := menu.nodes.get(ref)) is not None)
            charged = " including the wait for a person" if queue and tariff.charged_while_queueing else ""
            yield Problem(option.span, node.id,
                          f"{quote(option.label or option.key)} is about an existing contract, but the call "
                          f"costs {price}{charged}",
                          "serve contract matters on a number at the basic rate (or free), queueing included")
