"""Regenerate docs/format.md from the loader's schema table (ivrcheck/load/schema.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from ivrcheck.load.schema import (
    COMMON, EXTENSION_FIELDS, LINE_FIELDS, NODE_FIELDS, OPTION_FIELDS, TARIFF_FIELDS, TASK_FIELDS, TOP_FIELDS,
    ERROR_HANDLING, Field,
)

DOC = Path(__file__).resolve().parent.parent / "docs" / "format.md"

INTRO = """# The menu format

One YAML file describes one phone line. This page is generated from the table the loader
validates against (`ivrcheck/load/schema.py`), so it always matches what ivrcheck accepts.
Run `python scripts/gen_format_docs.py` after changing that table.

```yaml
name: Acme Bank customer line
language: en
entry: main
defaults: {timeout: 5, retries: 3, on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
hours:
  office: {mon-fri: "08:00-18:00", sat: "10:00-14:00"}
nodes:
  main:
    prompt: For cards, press 1. To speak to an advisor, press 0. To hear these options again, press star.
    options:
      "1": {label: Cards, goto: cards, say: [card], weight: 0.6}
      "0": {label: Speak to an advisor, goto: advisor}
      "*": {label: Repeat these options, goto: repeat}
  advisor: {type: agent, queue: general, hours: office, closed: callback, announces_wait: true}
  callback: {type: callback, confirmation: sms}
  cards: {type: self_service, next: main}
```

**Keys** are DTMF `0`-`9`, `"*"` and `"#"`. Quote `"*"` and `"#"`: unquoted, YAML reads `*`
as an alias and `#` as a comment (ivrcheck reports both, F001 and F013). Unquoted numbers
(`1:`) are accepted and mean the same as `"1":`. A key that is not DTMF names a
speech-only option and needs `say:`.

**Targets** (`goto`, `next`, `closed`, `on_timeout`, `on_invalid`, `after_retries`, case
values, `default`) are a node id, `repeat` (this node again), `back` (the menu that led
here), or `other-file.ivr.yaml#node`. Since `repeat` and `back` name moves, they cannot be
node ids (F011 at the id). A target is cut into file and node at its first `#`; with several,
at the first `#` before which a file exists, so a file whose name holds one is reached too
(`a#b.ivr.yaml#x`). A node id holding a `#` cannot be a target (`goto: "#desk"` reads as node
`desk` of file `""`; F017 says so).

**Hours**: a schedule maps days (`mon`-`sun`, ranges such as `mon-fri`, `holiday`) to
`"HH:MM-HH:MM"` ranges (several joined by commas) or `closed`. A node with `hours:` is
checked in both states: open, and closed (where calls go to its `closed` target). A line
with several schedules is checked in two states, not in every combination: "open" with
all schedules open and "closed" with all closed; the day and time ranges are validated
but not evaluated against a clock. One exception: a schedule open every hour of every day
(`{mon-sun: "00:00-24:00"}`, and holidays too when it names them) never closes, so a node
that names it (a 24-hour fraud or outage desk) is open in the closed state as well and its
`closed` target is only a guard. Before round five such a desk was closed with the rest, and
its guard reported as a dead end (blind judges of the trust corpus called those findings false).

**What callers need beyond a clear menu.** A few fields say what the line does for its
callers, so that rules H208, H209, L305, L306, P407 and R507 can check it. Each is
optional; left out, the rule that reads it stays quiet rather than guess.

```yaml
language: fi
nodes:
  kieli:
    prompt: Tervetuloa. På svenska, tryck 9. Asumistukiasioissa paina 1.
    options:
      "9": {label: Svenska, goto: sv_meny, language: sv}   # this option switches the call to Swedish
      "1": {label: Asumistuki, goto: tunnistus}
  sv_meny: {language: sv, prompt: ..., options: ...}        # this node speaks Swedish
  tunnistus: {type: input, digits: 10, timeout: 10, digit_timeout: 4, collects: personal_id, next: neuvonta}
  neuvonta: {type: agent, receives: [personal_id]}          # or `receives: all` for a screen pop
  takaisinsoitto: {type: callback, confirmation: sms, promise: seuraavana arkipäivänä}
  maksuaika: {type: self_service, changes: true, confirmation: sms, next: kuittaus}
```

- `collects:` on an `input` (or an option, e.g. a speech option that captures the reason
  for calling) names the item the caller gives; `receives:` on a person (`agent`, human
  `transfer`) lists the items handed over with the call. H208 reports an item asked for
  twice, or a person who must ask for it again.
- `promise:` on a `callback` or `voicemail` records when the caller is told to expect an
  answer (H209 also accepts a prompt that names a time).
- `language:` on an option means choosing it switches the call to that language; on a
  node, that the node speaks it. L305 checks that the choice comes first, L306 that each
  language is spoken where it was chosen. An option without it whose label (or whose offer
  in the prompt) names a language and nothing else ("På svenska", "In English",
  "Ruotsiksi", "Para español", "auf Deutsch") is read as choosing that language
  (docs/languages.md).
- `changes:` on a `self_service` task says it changes something (a payment, a booking);
  `confirmation:` there is the written confirmation it sends. P407 asks for a recap.
- `speaking_rate:` on any node is the rate its prompt is played at, and `digit_timeout:`
  on an input the seconds allowed between digits; R507 checks both, with `timeout`.

**The line as a service** (`line:`, for an audit against customer-service law). What a
menu cannot show, the file declares: the number and country, whether consumers call, the
tariff, the promised time to answer and the non-voice alternatives. With it, the rules
H210-H214 and R508-R510 check the line (docs/profiles/), and `score` works out what a call
costs the caller (docs/score.md). Left out, those rules stay quiet; importers never set it.

```yaml
line:
  number: "+34 900 123 456"
  country: ES
  consumers: true
  tariff: {per_minute: 0.0, currency: EUR, charged_while_queueing: false, basic_rate: 0.0}
  answer_target_seconds: 180
  text_alternative: [chat, sms]
nodes:
  main:
    options:
      "3": {label: Cancel your contract, goto: bajas, contract_matter: true}
  bajas: {type: agent, languages: [es, ca], expected_wait: 90, max_wait: 900, overflow: callback}
```

- `contract_matter:` on an option: it concerns a contract the caller already has (cancel,
  complain, an invoice); H213 asks that such a call costs no more than an ordinary one.
- `expected_wait:` on a person is the declared average wait; what a call costs counts it.
  `max_wait:` is when the queue gives up and `overflow:` where callers go then (H211).
- `languages:` on a person lists the languages its people serve (H212).

**Who answers a transfer** (`human:` on a `transfer`): `true` when a person answers,
`false` (the default) when nobody does (another line, a recording, a conference room), and
`unknown` when the file cannot show who answers. Importers write `human: unknown`, with an
F020 note, for a hand-off to another flow and for a bare phone number whose owner the export
does not name (docs/importers/README.md). Such a transfer is neither a person nor proof that
none answers: no rule claims "no person" (H201, H204, H210) while one is reachable, the
numbers that need a person (`steps_to_human`) stay empty while the outputs say "unknown", and
the score neither rewards nor punishes it (docs/score.md). Why a third value: before it, an
importer had to choose between a guess (`true`) and a wrong "no person can be reached".

```yaml
  other_flow: {type: transfer, human: unknown}   # answered by a flow this file does not contain
```

**Anchors and merges** (`&name`, `*name`, `<<: *name`) work as in YAML, within limits
that refuse alias bombs (F009).
"""


def table(fields: dict[str, Field]) -> str:
    rows = []
    for name, spec in fields.items():
        kind = spec.kind + (f" ({', '.join(spec.choices)})" if spec.choices else "")
        rows.append(f"| `{name}` | {kind} | {'yes' if spec.required else ''} | {spec.description} |")
    return "| field | kind | required | meaning |\n|---|---|---|---|\n" + "\n".join(rows) + "\n"


def expected() -> str:
    parts = [INTRO, "## Top level\n\n" + table(TOP_FIELDS),
             "## Fields every node takes\n\n" + table(COMMON),
             "`defaults` takes the error-handling fields of menus and inputs: "
             + ", ".join(f"`{n}`" for n in ERROR_HANDLING) + ".\n"]
    for node_type, fields in NODE_FIELDS.items():
        parts.append(f"## `type: {node_type.value}`\n\n" + (table(fields) if fields else "No fields beyond the common ones.\n"))
    parts += ["## An option (under `options:`)\n\n" + table(OPTION_FIELDS),
              "## `dial_by_extension`\n\n" + table(EXTENSION_FIELDS),
              "## A task (under `tasks:`)\n\n" + table(TASK_FIELDS),
              "## `line:`\n\n" + table(LINE_FIELDS),
              "## `line.tariff`\n\n" + table(TARIFF_FIELDS)]
    return "\n".join(parts)


def main() -> int:
    DOC.write_text(expected(), encoding="utf-8")
    print(f"wrote {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
