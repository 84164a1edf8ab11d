"""A first-time caller is predicted to go astray on a task, misled by an option's words.

## What it checks
The offline tree test (`ivrcheck tasks`, docs/tasks.md) walks each task under `tasks:`
the way a first-time caller would: at every menu it takes the option whose label, `say:`
phrases and prompt words best match the task's `say:` words. The rule fires when that
caller ends somewhere else than `expect:`, gives up because nothing on the way matches
their words, reaches the goal only after backing out of a wrong menu, or faces a tie
between the right option and one that leads elsewhere (a coin toss). The message names
the option that misleads.

The caller of the tree test presses the key for their own language (the language their
words are in) at a choice of language, or waits when it offers none of theirs; passes
through inputs, messages and self-service steps that only tell (`changes: false`, an
outage check); weighs everything an option says (label, `say:` phrases and the prompt's
clause for its key) and, of options that tempt alike, takes the one that meets more of
their words; and presses 0 for a person, or without one waits where silence leads on,
before giving up. A word the caller shares with
two or more options of a menu ("gas" on a gas network's menu) decides nothing there while
another of their words tempts; and an option that names only the task that excludes the
caller's ("Cancel an appointment" for a caller who books one, by the lexicon's contrasts)
does not tempt them, unless the caller names it by the option's own word ("I can't make
my appointment").

Not reported: a task whose caller ends with a person, by a wrong option or by 0 when
nothing else fitted, since that person can help them on (the task still counts as failed
in `ivrcheck tasks`); a coin toss whose other option puts the caller through to a person.

**When it warns and when it only informs.** Which option a caller's words lead to is
the scent model's guess (docs/tasks.md): it reads words, not meaning, and misses what a
person hears at once ("move my flight" is "change a booking"; "want gas put in" is "a new
connection"). On the trust corpus's development half (42 good lines written blind,
`python benchmarks/trust.py --half dev`) none of the 16 T602 warnings on good lines was
judged true (15 false, 1 arguable): ties, wrong options and "gives up" alike. Of the 20 on
its 21 flawed twins, 3 named a planted defect, two of them also found by the rule of
their kind (L301 two overlapping labels, P401 an option the prompt never offers). So
these are **info** findings: shown, counted in `ivrcheck tasks`, never counted by a CI
gate at `warning`.

It **warns** only where the evidence is not a reading of the caller's words: where the
line itself ends the call (the caller finds no option of theirs, waits as callers do, and
the menu's silence route, `on_timeout`, hangs up on them: a fact of the graph, what a
silent caller reaches), and where a coin toss lies in the labels themselves (one of the
two tied options says nothing the other does not, "Housing" beside "Housing repairs", so
no caller drawn to one can tell it from the other, whatever their words). On that corpus these are two of the three true findings above (the third, a prompt that
never offers the hardship key, stays P401's), and no good line has either.

## Why it matters
Callers choose by the words they hear, not by the designer's map. In tree tests of
website menus, a task that many participants fail, or reach only after backtracking,
points to a label that promises the wrong thing (Optimal Workshop, "Interpret the overall
Task results in Treejack"); on the phone every wrong turn also costs a whole prompt.

## Example
```yaml
entry: main
nodes:
  main:
    prompt: For billing, press 1. For moving home, press 2. To speak to an advisor, press 0.
    options:
      "1": {label: Billing, goto: billing}
      "2": {label: Moving home, goto: moving}
      "0": {label: Speak to an advisor, goto: advisor}
  billing:
    prompt: To pay a bill, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Pay a bill, goto: payments}
      "0": {label: Speak to an advisor, goto: advisor}
  moving:
    prompt: For your final bill, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Final bill, goto: final_bill}
      "0": {label: Speak to an advisor, goto: advisor}
  payments: {type: self_service}
  final_bill: {type: self_service}
  advisor: {type: agent}
tasks:
  - say: I moved out and got a bill for my old flat
    expect: final_bill
```

## Use instead
```yaml
entry: main
nodes:
  main:
    prompt: For billing, press 1. For moving out and final bills, press 2. To speak to an advisor, press 0.
    options:
      "1": {label: Billing, goto: billing}
      "2": {label: Moving out and final bills, goto: moving}
      "0": {label: Speak to an advisor, goto: advisor}
  billing:
    prompt: To pay a bill, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Pay a bill, goto: payments}
      "0": {label: Speak to an advisor, goto: advisor}
  moving:
    prompt: For your final bill, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Final bill, goto: final_bill}
      "0": {label: Speak to an advisor, goto: advisor}
  payments: {type: self_service}
  final_bill: {type: self_service}
  advisor: {type: agent}
tasks:
  - say: I moved out and got a bill for my old flat
    expect: final_bill
```

## Settings
- `min_scent` (default 0.25): the weakest match (0-1) between a task's words and an
  option's words that still tempts a caller; below it the option is ignored.
- `tie_margin` (default 0.05): options whose scents differ by no more than this tie.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.callers.tasks import WAIT, Prediction, Settings as TreeTest, predict
from ivrcheck.findings import Problem, Severity
from ivrcheck.model import Menu, NodeType
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "T602"
NAME = "task-astray"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {"min_scent": TreeTest.min_scent, "tie_margin": TreeTest.tie_margin}
PART = "wording"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    for prediction in predict(menu, line, settings=TreeTest.from_mapping(settings)):
        if prediction.risk == "unreachable" or (prediction.direct and prediction.counts):
            continue
        if _with_person(prediction, menu):  # a person can help them on: a longer call, not a lost one
            continue
        node_id, message, remedy = explain(prediction)
        strong = cut_off(prediction, menu) or labels_alike(prediction, line)
        yield Problem(prediction.task.span, node_id, message, remedy, state=prediction.state,
                      severity=None if strong else Severity.INFO)


def labels_alike(p: Prediction, line: LineAnalysis) -> bool:
    """Whether a coin toss lies in the labels themselves: one of the two says nothing the other
    does not ("Housing" beside "Housing repairs"), so no caller who is drawn to the one can tell it
    from the other, whatever words they use. Read off the labels, not guessed from the caller's."""
    right, wrong = p.tied_right, p.misleading
    if p.risk != "tie" or right is None or wrong is None:
        return False
    reading = line.language.label_words
    a, b = ({k for u in reading.units(c.label) for k in u.keys} for c in (right, wrong))
    return bool(a and b) and (a <= b or b <= a)


def cut_off(p: Prediction, menu: Menu) -> bool:
    """Whether the line itself ends the call of a caller who found nothing of theirs to press: they
    waited, as callers do who hear no option for them, and the menu's silence route hangs up. That
    is the line's wiring, read off the graph; which option words tempt a caller is the scent
    model's guess, and a guess is only an info finding (see "When it warns")."""
    step = p.misleading
    node = menu.nodes.get(p.end) if p.end is not None and not p.success else None
    return step is not None and step.key == WAIT and node is not None \
        and (node.type is NodeType.HANGUP or (node.type is NodeType.MESSAGE and node.next is None))


def _with_person(p: Prediction, menu: Menu) -> bool:
    """Whether a task that misses its goal leaves the caller with a person (by a wrong option, or by 0
    when nothing else matched), not at a wrong self-service step or nowhere."""
    node = menu.nodes.get(p.end) if p.end is not None and not p.success else None
    return node is not None and node.is_person


def explain(p: Prediction) -> tuple[str | None, str, str]:
    """(menu at fault, what happens, what to do) for a task that does not count as a clean success."""
    task, goal = quote(p.task.say), " or ".join(quote(g) for g in p.expect)
    wrong = p.misleading
    if p.risk == "tie" and wrong is not None:
        return (wrong.menu, f"task {task} is a coin toss in {quote(wrong.menu)}: option {quote(wrong.key)} "
                f"({wrong.label}) matches the caller's words as well as the option that leads to {goal}",
                f"reword {quote(wrong.key)} in {quote(wrong.menu)} or the right option so that only one "
                f"fits this task")
    if p.success:
        where = f'option {wrong.describe()}' if wrong else "a wrong option"
        return (wrong.menu if wrong else None,
                f"task {task} reaches {goal} only after backing out: a first-time caller first takes {where}",
                "name the option that leads to the goal in the caller's words, or stop the other one promising it")
    if wrong is not None and wrong.key == WAIT:
        return (wrong.menu, f"task {task} is predicted to go astray: a first-time caller finds no option for it in "
                f"{quote(wrong.menu)}, waits, and its silence route ends the call at {quote(p.end)}, not at {goal}",
                f"let silence in {quote(wrong.menu)} repeat the options or lead to a person, and name the way to "
                f"{goal} in the caller's words")
    if wrong is not None:
        ends = f"ends at {quote(p.end)}, not at {goal}" if p.end else f"gives up before reaching {goal}"
        return (wrong.menu, f"task {task} is predicted to go astray: a first-time caller presses {quote(wrong.key)} "
                f"({wrong.label}) in {quote(wrong.menu)} and {ends}",
                f"reword {quote(wrong.key)} in {quote(wrong.menu)} so it does not promise this task, or name the "
                f"way to {goal} in the caller's words (labels or `say:` phrases)")
    stuck = next((n for n in reversed(p.path) if n not in p.expect), p.path[-1])
    return (stuck, f"task {task} is predicted to fail: no option on the way to {goal} matches the caller's words, "
            f"so they give up in {quote(stuck)}",
            f"name the options that lead to {goal} in the words callers use for this task (labels or `say:` phrases)")
