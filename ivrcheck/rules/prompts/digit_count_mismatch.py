"""An input prompt asks for one number of digits and the input collects another.

## What it checks
Every reachable `input` with `digits:` whose prompt says how many digits to key in: a count in
digits or words before the word for digits, in the prompt's language ("your ten-digit policy
number", "it's nine digits long", "med tolv siffror", "ditt sexsiffriga nummer", "kuudella
numerolla", "kahdeksannumeroinen tunnus", "de diez dígitos"). When no count the prompt names is
the one `digits:` collects, the input is reported. A prompt that names no count, or names the
collected count among others ("your twelve-digit number, or the last four digits"), is not;
nor is one whose sentence gives the collected count as a bound of a range ("your three or four
digit flight number" collecting 4) or as the sum of the parts it asks for ("the six digits of
your birth date, then the three at the end" collecting 9).
The words are in the `digits` part of each language file (docs/languages.md).

## Why it matters
A caller keys in what the prompt asks for. An input set to collect fewer digits cuts the
number off, and the digits left over fall into the next menu as choices the caller never
made; one set to collect more waits for digits that never come and times out. Either way a
caller who did exactly as told is not recognised, and nothing on the line says why.

## Example
```yaml
language: sv
entry: pnr
nodes:
  pnr:
    type: input
    prompt: Knappa in ditt personnummer med tolv siffror.
    digits: 10
    collects: personal_id
    next: handlaggare
  handlaggare: {type: agent, receives: [personal_id]}
```

## Use instead
```yaml
language: sv
entry: pnr
nodes:
  pnr:
    type: input
    prompt: Knappa in ditt personnummer med tolv siffror.
    digits: 12
    collects: personal_id
    next: handlaggare
  handlaggare: {type: agent, receives: [personal_id]}
```

## Settings
None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.model import Menu, NodeType
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "P408"
NAME = "digit-count-mismatch"
SEVERITY = Severity.ERROR
SETTINGS: dict[str, object] = {}
PART = "wording"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    for node in menu.nodes.values():
        if node.type is not NodeType.INPUT or node.digits is None or node.id not in line.reachable:
            continue
        words = line.speaks(node).caller_words
        asked = words.asks_digits(node.prompt)
        if not asked or _fits(node.digits, asked, words.numbers_beside_digits(node.prompt)):
            continue
        count, words = next(iter(asked.items()))
        more = count > node.digits
        yield Problem(
            node.span_of("digits"), node.id,
            f'the prompt of input {quote(node.id)} asks for {count} digits ("{words}") but it collects '
            f"{node.digits}, so callers who key in what they are asked "
            + ("are cut off and their last digits fall into the next menu" if more else "are timed out"),
            f"set `digits: {count}` on {quote(node.id)}, or say {node.digits} digits in its prompt",
        )


def _fits(collected: int, asked: dict[int, str], beside: list[int]) -> bool:
    """Whether the count collected is one the prompt names: a count it asks for, a bound of a
    range ("three or four digits"), or the whole of a number asked in parts ("six digits, then
    the three at the end")."""
    return collected in asked or collected in beside or collected in (sum(asked), sum(beside))
