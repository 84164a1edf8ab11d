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

A sentence that names one count only, for a part it joins to another part with no count
("your date of birth and the three digits after it", "syntymäaika ja loppuosan kolme
numeroa", "födelsedatumet och de tre siffrorna i slutet"), does not say how long the whole
number is: when that count is below `digits:`, the finding is **info** ("check that the parts
add up"), not an error. On the trust corpus's development half all five errors of this kind
were judged false (six plus three is the nine collected). A count above `digits:` is always an
error: no part explains more digits than the input takes. The joining words are `digits.parts`
in each language file.
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
from ivrcheck.model import Menu, Node, NodeType
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
        reader = line.speaks(node).caller_words
        asked = reader.asks_digits(node.prompt)
        if not asked or _fits(node.digits, asked, reader.numbers_beside_digits(node.prompt)):
            continue
        count, words = next(iter(asked.items()))
        if count < node.digits and len(asked) == 1 and reader.count_is_a_part(node.prompt):
            yield _part(node, count, words)
            continue
        more = count > node.digits
        yield Problem(
            node.span_of("digits"), node.id,
            f'the prompt of input {quote(node.id)} asks for {count} digits ("{words}") but it collects '
            f"{node.digits}, so callers who key in what they are asked "
            + ("are cut off and their last digits fall into the next menu" if more else "are timed out"),
            f"set `digits: {count}` on {quote(node.id)}, or say {node.digits} digits in its prompt",
        )


def _part(node: Node, count: int, words: str) -> Problem:
    """A count said as one part of a number whose other part has no count: the whole is a guess, so info."""
    assert node.digits is not None
    return Problem(
        node.span_of("digits"), node.id,
        f'the prompt of input {quote(node.id)} asks for {count} digits ("{words}") as one part of a number '
        f"and does not say how many digits the whole has; the input collects {node.digits}",
        f"check that the parts the prompt asks for add up to {node.digits} digits",
        severity=Severity.INFO,
    )


def _fits(collected: int, asked: dict[int, str], beside: list[int]) -> bool:
    """Whether the count collected is one the prompt names: a count it asks for, a bound of a
    range ("three or four digits"), or the whole of a number asked in parts ("six digits, then
    the three at the end")."""
    return collected in asked or collected in beside or collected in (sum(asked), sum(beside))
