"""A menu where pressing 0 does not reach a person.

## What it checks
In each reachable menu, `0` must be bound and lead, with no further choice, to a person:
an agent or a transfer a person answers, or outside hours a callback or voicemail. The rule
reasons per schedule state: it fires when `0` is not bound at all in a menu callers meet
in that state, or when `0` is aimed at a person who is not there in that state and whose
`closed:` route offers nothing instead (a closed queue that hangs up). A `0` bound to
something else entirely is H204's business, so the two never fire on one key. Outside
hours, a `0` that books a callback or leaves a voicemail (directly, or through the
agent's `closed:` target) is the right design and passes both.

## Why it matters
"Press 0 for an operator" is the convention callers know from decades of phone systems and
try first when lost (the GetHuman standard's "zero-out" rule; ETSI and ISO/IEC 13714 list a
consistent key for help). A menu where 0 does nothing, or hangs up out of hours, strands
exactly the callers who most need help.

## Example
```yaml
entry: main
nodes:
  main:
    prompt: For cards, press 1. For loans, press 2.
    options:
      "1": {label: Cards, goto: advisor}
      "2": {label: Loans, goto: advisor}
  advisor: {type: agent}
```

## Use instead
```yaml
entry: main
nodes:
  main:
    prompt: For cards, press 1. For loans, press 2. To speak to an advisor, press 0.
    options:
      "1": {label: Cards, goto: advisor}
      "2": {label: Loans, goto: advisor}
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent}
```

## Settings
None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Finding, Fix, Problem, Severity
from ivrcheck.graph.build import CLOSED
from ivrcheck.model import Menu
from ivrcheck.rules.edits import Source, add_option, append_sentence
from ivrcheck.rules.base import Settings, aims_at_person, holding_states, line_person, quote

if TYPE_CHECKING:
    from ivrcheck.graph import Analysis, LineAnalysis

CODE = "H203"
NAME = "no-zero-out"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "human_access"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    for node in line.menus:
        zero = next((o for o in node.options if o.key == "0"), None)
        if zero is not None and not aims_at_person(menu, line, node.id, zero):
            continue  # bound to something other than a person: H204

        def fails(analysis: Analysis, node_id: str = node.id) -> bool:
            return node_id in analysis.reachable and not analysis.option_reaches_human(node_id, "0")

        for state in holding_states(line, fails):
            if zero is None:
                where = ("a callback or voicemail, since no person works then" if state == CLOSED
                         else "an `agent`")
                yield Problem(node.span, node.id, f'pressing "0" in menu {quote(node.id)} does nothing',
                              f'bind "0" to {where}, and say so in the prompt', state=state)
            else:
                target = quote(zero.target.ref) if zero.target else "it"
                yield Problem(zero.span, node.id, f'"0" in menu {quote(node.id)} reaches no person outside hours: '
                              f"{target} is closed and offers nothing instead",
                              f"give {target} a `closed` target that offers a callback or voicemail", state=state)


def fix(finding: Finding, menu: Menu, line: LineAnalysis, source: Source) -> Fix | None:
    """Bind "0" to the person the line's other menus already send "0" to, with their label, and
    announce it; only when the menu has no "0" at all and such a person exists."""
    node = menu.nodes.get(finding.node_id or "")
    if node is None or finding.state is not None or any(o.key == "0" for o in node.options):
        return None
    person = line_person(menu, line)
    if person is None:
        return None
    target, label = person
    option = add_option(source, node, "0", label, target)
    announce = append_sentence(source, node, line.speaks(node).offer_example(label, "0"))
    if option is None or announce is None:
        return None
    return Fix(f'bind "0" to {quote(target)} and announce it', (announce, option))
