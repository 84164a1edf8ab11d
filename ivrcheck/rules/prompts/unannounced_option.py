"""An option whose key the menu's prompt never mentions.

## What it checks
Reads each menu's prompt in the file's `language` and finds where it offers keys: "press
1", "for loans press two", "press star", "paina 1", "valitse yksi", "paina tähteä", with
digits written as numerals or as words, and keys listed after or before their function
without a verb, as compact prompts do ("Laskut: 1.", "Handläggare – 0", "1: Cards.").
Every key option must be offered. A universal key (`0`, `*`, `#`) bound in a menu past the
first ones, for the same function (repeat, back, the main menu, a person: `0` to a person
whatever its label) that a menu callers pass on their way there announces for it, in the
same language, gets an **info**, not a warning: many lines teach "press star to hear the
options again" or "to speak with guest services, press 0" once and bind it silently in every
submenu, and blind judges of the trust corpus called all such warnings false or arguable
(round five: 11 on the test half). The same key doing something the menus before never
taught, a key only a menu below or a menu in another language teaches (the language menu's
"Palveluneuvojalle paina 0" tells nothing to callers of the Swedish main menu), and a hidden
`0` in the first menu of the line or of a language are still warnings. A hidden `*` or `#`
that only plays the menu again, goes back (to the menu above, however it is named) or goes to
the main menu is info wherever it is: it hides no task and no person, and blind judges called
every such warning on the trust corpus false or arguable ("a convenience"). Finnish keys in
the adessive offer themselves with no verb ("Päävalikkoon pääset risuaidalla", "Valikon kuulet
uudelleen tähdellä": `keys_alone` in the language file). A hidden `0` to a
person in a submenu where callers who want someone are already offered one is info too: an
announced option leads to the same place, or every announced choice reaches a person (a
sales menu whose two choices both go to the sales team). In any menu, the first ones too, a
silent `0`, `*` or `#` (or a key labelled as an announced one) that leads to the node an
announced key of the same menu leads to, or to a person of the same queue, is info: "0" and the
announced "2, for anything else" both to the advisers is a catch for callers who press 0 out of
habit, not a hidden choice (blind judges of the trust corpus called all five such warnings false
or arguable). A key with a task of its own ("Contract changes and moving") still warns wherever
it leads, and so does any silent key where the prompt offers one key twice ("For a librarian,
press 9. For Swedish, press 9"): something was misnumbered. A key that a menu of the same
language heard first offers for the same place is info as well: the greeting's "If someone is
injured, press 1 for ski patrol", kept bound in the main menu after it for callers who pressed
too late (a judge: "a deliberate fallback"); the same key to another place still warns. A
`dial_by_extension` option counts as offered by a phrase such as "if you know the
extension, dial it now" or "jos tiedät alanumeron, näppäile se", and by one that asks
for a number of the caller's own ("if you know the ward's three-digit number, enter it
now", "slå in det nu"). A key that leads where waiting and any other key lead too ("We'll
now connect you", "1" a shortcut) hides no choice and is not reported. A speech-only option
has no key to announce and is left to R506 (no-keypad-fallback). An option that switches
to a language ivrcheck cannot read ("Für Deutsch, drücken Sie 3") is not reported: L307
says what was not read. The fix is written in the language of the prompt it changes ("To
speak to an advisor, press 0." in an English menu of a Finnish line), and for a choice
of language in that language ("Para español, pulse 9.").

## Why it matters
A caller only knows the options the prompt reads out. An option that is never offered
is a hidden shortcut at best; when it is the way to a person or to the task the caller
came for, the menu looks as if that choice does not exist, and callers pick a wrong one
or hang up. Vendor design guides (Avaya, Plum Voice) list every option with its key.

## Example
```yaml
language: en
entry: main
nodes:
  main:
    prompt: For cards, press 1. For loans, press 2.
    options:
      "1": {label: Cards, goto: cards}
      "2": {label: Loans, goto: loans}
      "0": {label: Speak to an advisor, goto: advisor}
  cards: {type: self_service}
  loans: {type: self_service}
  advisor: {type: agent}
```

## Use instead
```yaml
language: en
entry: main
nodes:
  main:
    prompt: For cards, press 1. For loans, press 2. To speak to an advisor, press 0.
    options:
      "1": {label: Cards, goto: cards}
      "2": {label: Loans, goto: loans}
      "0": {label: Speak to an advisor, goto: advisor}
  cards: {type: self_service}
  loans: {type: self_service}
  advisor: {type: agent}
```

## Settings
None. The words that offer a key are per language, in ivrcheck/language/*.yaml.

## When it warns, and when it only informs
It warns when the prompt does not name the key at all. Designers name keys in more ways than
a verb list holds: "Appointments are option two", "Billing: 1. Sales: 2.", "1 for cards",
"Kundtjänst når du på noll", "Tarjetas, opción uno". Where the prompt names the key as a
choice without an offer ivrcheck reads (after a word such as "option", "numero", "alternativ"
or "opción"; before a clause mark; or before a word that opens a function, "for", "för",
"para"), the finding is info, asking to check that the prompt says what the key is for: the
reading is unsure, and "never announced" would be false. Hours and phone numbers ("open 8 to 6",
"0800 123 400", "8–16") name no key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Sequence

from ivrcheck.findings import Finding, Fix, Problem, Severity, Span
from ivrcheck.language import EXTENSION, Offer, load_language, reads
from ivrcheck.model import UNIVERSAL_KEYS, Menu, Node, Option
from ivrcheck.rules.edits import Source, append_sentence
from ivrcheck.rules.base import LastAsked, Settings, aims_at_person, quote, universal_function

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis
    from ivrcheck.graph.analysis import Analysis

CODE = "P401"
NAME = "unannounced-option"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "wording"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    language = line.language
    teachers: dict[tuple[str, str], list[str]] | None = None  # built on the first unannounced key
    for node in line.menus:
        if line.clock.unknown(node):  # a recording, or words ivrcheck does not read: unknown, not "never"
            continue
        offered = {offer.key for offer in language.offers(node.prompt)}
        named = language.named(node.prompt)
        said: dict[Option, Problem] = {}  # one option repeated at one place (a Connect list of keys): judged once
        for option in node.options:
            if option in said:
                yield said[option]
                continue
            key = EXTENSION if option.kind == "extension" else option.key
            if option.kind == "speech" or key in offered or (option.language and not reads(option.language)):
                continue  # an offer in a language ivrcheck cannot read is L307's to mention
            if key == EXTENSION and language.asks_for_number(node.prompt):
                continue  # "if you know the ward's number, enter it now" offers the dialling
            if _any_key_does_it(node, option):
                continue
            what = "dial-by-extension" if key == EXTENSION else f"option {quote(key)}"
            called = f" ({quote(option.label)})" if option.label else ""
            if teachers is None and key in UNIVERSAL_KEYS:
                teachers = _teachers(line)
            mild = _only_info(line, node, option, key, named, offered, teachers or {})
            if mild is not None:
                said[option] = Problem(option.span, node.id, f"{what}{called} in {quote(node.id)} {mild[0]}",
                                       mild[1], severity=Severity.INFO)
            else:
                heard = (f"the prompt of {quote(node.id)} never offers it" if node.prompt
                         else f"{quote(node.id)} has no prompt")
                said[option] = Problem(
                    option.span, node.id,
                    f"{what}{called} in {quote(node.id)} is never announced: {heard}, so callers cannot know it exists",
                    f"add {quote(_example(line, node, option, key))} to the prompt, or remove the option",
                )
            yield said[option]


#: What a navigation key does (by its universal_function): it hides no task and no person.
_NAVIGATION = {"repeat": "plays the menu again", "back": "goes back", "the main menu": "goes to the main menu"}


def _only_info(line: LineAnalysis, node: Node, option: Option, key: str, named: set[str], offered: set[str],
               teachers: dict[tuple[str, str], list[str]]) -> tuple[str, str] | None:
    """(what is said of the option, the help) when its not being announced is only info: the key is
    named in words ivrcheck does not read as an offer, a menu nearer the entry teaches it, or callers
    who want a person are offered one already."""
    example = quote(_example(line, node, option, key))
    if key in named:  # "Appointments are option two": said, in words the reader does not know
        return ("is named in the prompt, but not in words ivrcheck reads as an offer; check that the prompt "
                "says what the key is for", f"if it does not, add {example} to the prompt")
    taught, teacher = _taught(line, node, option, teachers)
    if taught is not None:  # "*" to repeat, taught once in the main menu and bound in every menu
        return (f"is not announced here; the line teaches {quote(key)} for {taught} in {quote(teacher or '')}",
                f"callers who did not hear that menu need {example} here too")
    echo = _echoed(line, node, option)
    if echo is not None:  # the greeting's "press 1 for ski patrol", still bound in the main menu after it
        return (f"is not announced here, but {quote(echo)}, which callers hear first, offers {quote(key)} for the "
                "same place: a fallback for callers who pressed it late", f"announce it if callers should know it: "
                f"{example}")
    function = _function(line, node, option)
    if function in _NAVIGATION and option.key in UNIVERSAL_KEYS:  # hides no task and no person
        return (f"is not announced, but it only {_NAVIGATION[function]}: it hides no task and no person",
                f"announce it if callers should know it: {example}")
    twin = _announced_twin(line, node, option, offered, line.language.offers(node.prompt))
    if twin is not None:  # "0" and the announced "1" both to the nurse: a catch for habit presses
        return (f"is not announced, but it leads where the announced {quote(twin)} leads: it hides no choice",
                f"announce it if callers should know it: {example}")
    person = _announced_person(line, node, option, offered)
    if person is not None:  # a hidden 0 beside an announced way to a person: a silent fallback
        return (f"is not announced, but key {quote(person)} is offered and also reaches a person",
                f"announce it if callers should know it: {example}")
    return None


def _announced_twin(line: LineAnalysis, node: Node, option: Option, offered: set[str],
                    offers: Sequence[Offer]) -> str | None:
    """An announced key of this menu that leads to the same node as the unannounced option, or to a
    person in the same queue: a silent 0 (or `*`, `#`, or a key labelled as the announced one) is a
    catch for callers who press it out of habit, not a hidden choice, in any menu (blind judges of the
    trust corpus called all such warnings false or arguable: "0 is a silent duplicate of 1, both go
    to the nurse"). A key with a task of its own ("Contract changes and moving" beside "Bills") hides
    that task whatever it leads to; and a prompt that offers one key twice has misnumbered something,
    perhaps this option ("For a librarian, press 9. For Swedish, press 9"), so it is not excused."""
    if option.target is None or option.target.is_builtin or len({o.key for o in offers}) < len(offers):
        return None
    places, labels = _announced_places(line, node, offered)
    place = _place(line, option.target.ref)
    if option.key in UNIVERSAL_KEYS:
        return places.get(place)
    return labels.get((place, (option.label or "").casefold())) if option.label else None


#: The last menu's announced options by place, and by place and label: built once per menu, as a
#: scan per unannounced option was quadratic on a menu with thousands of options.
_PLACES: LastAsked[tuple[dict[str, str], dict[tuple[str, str], str]]] = LastAsked()


def _announced_places(line: LineAnalysis, node: Node,
                      offered: set[str]) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    def build() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
        places: dict[str, str] = {}
        labels: dict[tuple[str, str], str] = {}
        for other in node.options:
            if other.key in offered and not other.language and other.target is not None \
                    and not other.target.is_builtin:
                place = _place(line, other.target.ref)
                places.setdefault(place, other.key)
                labels.setdefault((place, (other.label or "").casefold()), other.key)
        return places, labels
    return _PLACES.get((node,), build)


def _place(line: LineAnalysis, ref: str) -> str:
    """Where a target puts the caller: a person's queue when it names one (two agent nodes of the same
    queue are one place), else the node itself."""
    target = line.menu.nodes.get(ref)
    queue = getattr(target, "queue", None) if target is not None and target.is_person else None
    return f"queue:{queue}" if queue else ref


def _echoed(line: LineAnalysis, node: Node, option: Option) -> str | None:
    """A menu of the same language, heard before this one, that offers the same key to the same place:
    the greeting's "If someone is injured, press 1 for ski patrol", kept bound in the main menu that
    follows for callers who pressed it too late. Blind judges of the trust corpus called the warning
    arguable ("a deliberate fallback")."""
    if option.target is None or option.target.is_builtin or option.kind != "dtmf":
        return None
    if not _BOUND or _BOUND[0] is not line:
        bound: dict[tuple[str, str], list[Node]] = {}
        for menu in line.menus:
            for o in menu.options:
                if o.kind == "dtmf" and o.target is not None and not o.target.is_builtin:
                    bound.setdefault((o.key, o.target.ref), []).append(menu)
        _BOUND[:] = [line, bound]
    for other in _BOUND[1].get((option.key, option.target.ref), ()):
        if other is not node and line.language_of(other) == line.language_of(node) and any(
                _nearer(a, other.id, node.id) for a in line.states.values()) \
                and option.key in {o.key for o in line.language.offers(other.prompt)}:
            return other.id
    return None


#: The last line's menus by (key, target) they bind: built once per line, not per option.
_BOUND: list = []


def _teachers(line: LineAnalysis) -> dict[tuple[str, str], list[str]]:
    """(universal key, its function) -> the menus that announce it for that function. Built once per
    line, not per option."""
    found: dict[tuple[str, str], list[str]] = {}
    for node in line.menus:
        if not node.prompt:
            continue
        offered = {o.key for o in line.language.offers(node.prompt)} & set(UNIVERSAL_KEYS)
        for option in node.options:
            function = _function(line, node, option) if option.key in offered else None
            if function is not None:
                found.setdefault((option.key, function), []).append(node.id)
    return found


def _taught(line: LineAnalysis, node: Node, option: Option,
            teachers: dict[tuple[str, str], list[str]]) -> tuple[str | None, str | None]:
    """The navigation function ("repeat", "a person") of a universal key (0, *, #) that a menu nearer the
    entry (fewer steps from it) announces for that same function, and that menu: lines teach such keys
    once, in the main menu, and bind them in every menu below, and blind judges of the trust corpus
    called "never announced" there false or arguable. (None, None) for any other option, in the
    line's first menus, where only a menu below teaches it (a main menu that stopped announcing 0 is
    not excused by its submenus), and where it teaches it in another language (the language menu's
    "0" does not tell a caller of the Swedish main menu)."""
    if option.key not in UNIVERSAL_KEYS or node.id in line.opening_menus:
        return None, None
    function = _function(line, node, option)
    for teacher in teachers.get((option.key, function), ()) if function is not None else ():
        if teacher != node.id and line.language_of(line.menu.nodes[teacher]) == line.language_of(node) \
                and any(_nearer(a, teacher, node.id) for a in line.states.values()):
            return function, teacher
    return None, None


def _first_menu(line: LineAnalysis, node: Node) -> bool:
    """One of the line's first menus, or the first menu callers hear after choosing a language."""
    return node.id in line.opening_menus or node.id in _chosen_language_menus(line)


def _chosen_language_menus(line: LineAnalysis) -> frozenset[str]:
    """The nodes an option with `language:` leads to; kept for the last line asked."""
    if not _LAST_LINE or _LAST_LINE[0] is not line:
        _LAST_LINE[:] = [line, frozenset(o.target.ref for n in line.menus for o in n.options
                                         if o.language and o.target is not None)]
    return _LAST_LINE[1]


_LAST_LINE: list = []


def _function(line: LineAnalysis, node: Node, option: Option) -> str | None:
    """`universal_function`, with 0 to a person as the way to a person whatever its label ("Guest
    services", "Customer care executive"): 0 is the key for a person (ISO/IEC 13714); and star or hash
    to a menu nearer the entry as the way back, named by its id rather than `back`."""
    function = universal_function(node, option, line)
    if function is None and option.key == "0" and aims_at_person(line.menu, line, node.id, option):
        return "a person"
    if function is None and option.key in ("*", "#") and option.target is not None and \
            line.menu.nodes.get(option.target.ref) is not None and line.menu.nodes[option.target.ref].is_interactive \
            and any(_nearer(a, option.target.ref, node.id) for a in line.states.values()):
        return "back"  # "#" to the menu above ("Edellinen valikko"), named rather than `back`
    return function


def _nearer(analysis: Analysis, teacher: str, node_id: str) -> bool:
    """Whether callers reach `teacher` in fewer steps from the entry than `node_id`, in this state."""
    depth = analysis.entry_tree.depth
    return teacher in depth and node_id in depth and depth[teacher] < depth[node_id]


def _announced_person(line: LineAnalysis, node: Node, option: Option, offered: set[str]) -> str | None:
    """An announced key of this menu that takes a caller who wants someone to a person anyway, when the
    unannounced option is a way to a person (0) below the line's first menus: an announced option to
    the same place ("0" and "For a refund, press 3" both to customer care), or every announced choice
    reaching a person ("For a new connection, press 1. To move house, press 2", both to the sales
    team). The hidden 0 is then a fallback. Not in the line's first menus, nor the first menu of a
    language, which must say how to reach someone whose matter fits no topic."""
    if _first_menu(line, node) or _function(line, node, option) != "a person" or option.target is None:
        return None
    announced = [o for o in node.options if o.key != option.key and o.key in offered and not o.language
                 and _function(line, node, o) is None]
    same = next((o.key for o in announced if o.target is not None and o.target.ref == option.target.ref), None)
    if same is not None or not announced:
        return same
    return announced[0].key if all(aims_at_person(line.menu, line, node.id, o) for o in announced) else None


def _any_key_does_it(node: Node, option: Option) -> bool:
    """Whether the option leads where waiting and any other key lead too ("We'll now connect
    you", with "1" as a shortcut): it hides no choice, so there is nothing to announce."""
    ends = (option.target, node.on_timeout, node.on_invalid)
    return all(t is not None for t in ends) and len({t.ref for t in ends}) == 1  # type: ignore[union-attr]


def _example(line: LineAnalysis, node: Node, option: Option, key: str) -> str:
    """How the prompt could offer the option, in the words of its language: a choice of
    language in that language ("Para español, pulse 9."), any other in the prompt's."""
    if option.language and reads(option.language):
        return load_language(option.language).caller_words.option_example.format(key=key)
    return line.speaks(node).offer_example(option.label, key)


#: The last menu's options by span: a menu's findings come together, and a scan per finding
#: was quadratic on a menu with thousands of options.
_SPANS: LastAsked[dict[Span, Option]] = LastAsked()


def _options_by_span(node: Node) -> dict[Span, Option]:
    return _SPANS.get((node,), lambda: {o.span: o for o in node.options})


def fix(finding: Finding, menu: Menu, line: LineAnalysis, source: Source) -> Fix | None:
    """Announce the option at the end of the prompt, in the words of its language, with its own label."""
    node = menu.nodes.get(finding.node_id or "")
    option = _options_by_span(node).get(finding.span) if node is not None else None
    if node is None or option is None or not option.label or option.kind != "dtmf" \
            or option.key in line.language.named(node.prompt):  # said already, in words not read: a person looks
        return None
    sentence = _example(line, node, option, option.key)
    edit = append_sentence(source, node, sentence)
    return Fix(f"announce {quote(option.key)}: {sentence}", (edit,)) if edit is not None else None
