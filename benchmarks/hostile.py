"""Worst cases per reader, each answered in under 2 s: the table of docs/speed.md (issue 23).

Run: python benchmarks/hostile.py [--repeat 1] [--only NAME ...] [--list]

Every input is generated here, each run of `ivrcheck check` (or the command COMMANDS names) is a fresh process (as in
benchmarks/speed.py), and each row is judged against the goal: every input up to 1 MB is
answered in under 2 s. Two kinds of input:

- *families*: the shapes that once took 8-26 s at 46-390 KB (a regular expression that
  rescans from every position of a run, or a walk repeated per item), at about 1 MB each,
  and two more found while auditing (prompts of numbers or of full stops);
- *readers*: per format, a valid ~1 MB file of that format made of many ordinary parts.

A 1,000-node generated line (benchmarks/bench.py) is timed in the same run as the yardstick,
since the machine's load moves every number.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench import generate  # noqa: E402
from benchmarks.bench_importers import asterisk, freeswitch, voicexml  # noqa: E402
from benchmarks.speed import compiled_like_an_install, timed  # noqa: E402

MB = 1_000_000
GOAL = 2.0
#: A run still going after this many seconds is stopped and shown as "> 30".
TIMEOUT = 30.0
#: What each row runs unless COMMANDS says otherwise. --no-cache: with --repeat, every run after the
#: first would read the result the first one kept.
CHECK = ["check", "--no-cache", "--fail-on", "never", "-f", "json"]
#: The 1,000-node line on this machine when it is quiet (issue 23 measured 0.3 s): a run on a loaded
#: machine is judged by its time scaled by how much slower the yardstick was in the same run.
QUIET_LINE = 0.3
MENU = ('entry: main\nnodes:\n  main:\n    prompt: For help, press 0.\n    options:\n'
        '      "0": {label: Help, goto: a}\n  a: {type: agent}\n')
VXML = '<vxml version="2.1"><form id="a"><block><prompt>Hello.</prompt></block></form></vxml>\n'


def fill(unit: str, size: int) -> str:
    """`unit` repeated to about `size` characters."""
    return unit * max(1, size // len(unit))


def studio(states: list[dict]) -> str:
    """A Studio flow whose trigger's incoming call goes to the first of `states`."""
    trigger = {"name": "Trigger", "type": "trigger", "properties": {},
               "transitions": [{"event": "incomingCall", "next": states[0]["name"]}]}
    return json.dumps({"description": "generated", "initial_state": "Trigger", "states": [trigger, *states]},
                      indent=1)


def _studio_say(name: str, text: str, after: str | None = None) -> dict:
    return {"name": name, "type": "say-play", "properties": {"say": text},
            "transitions": [{"event": "audioComplete", **({"next": after} if after else {})}]}


# -- the ten families of issue 23 ----------------------------------------------------------------------

def blank_lines(size: int) -> str:
    """A menu with a commented-out key and many whitespace-only lines (`^\\s*` rescanned them all)."""
    return MENU + "      #: {label: Lost, goto: a}\n" + fill("   \n", size - 1_000)


def blank_lines_not_native(size: int) -> str:
    """Many whitespace-only lines in a file no format claims: every importer's detection reads it."""
    return "name: x\n" + fill(" \n", size - 1_000) + "steps: []\n"


def backslashes(size: int) -> str:
    """A Studio flow with a long run of backslashes in a string (`\\\\*\"` tried at every one)."""
    states = [_studio_say("hello", "Hello."), ]
    text = studio(states)
    return text.replace('"description": "generated"', '"description": "' + "\\\\" * (size // 2 - 1_000) + '"')


def menu_tags(size: int) -> str:
    """A FreeSWITCH file opening with a comment of unclosed `<menu ` (`[^>]*` rescanned from each).

    Detection reads the first 200,000 characters, so the comment fills most of them; menus follow.
    """
    comment = "<!-- " + fill("<menu ", 190_000) + " -->\n"
    return comment + _sized(freeswitch)(size - len(comment))


def xml_declaration(size: int) -> str:
    """VoiceXML after an XML declaration padded with half a megabyte of blanks (the encoding strip
    backtracked over them); checked with `--from voicexml`, as detection reads only the first 20,000."""
    return '<?xml version="1.0"' + " " * (size // 2) + "?>\n" + VXML + fill("<!-- padding -->\n", size // 2 - 1_000)


def comment_after_key(size: int) -> str:
    """A key followed by a long comment holding many `#: {` (one rescanned line per comment)."""
    return MENU.replace("entry: main", "entry: main  # " + fill("#: { ", size - 1_000))


def start_up_ref(size: int) -> str:
    """A Genesys flow whose `startUpRef` is one long word (`\\w+\\[` tried from every letter)."""
    return ("inboundCall:\n  name: Generated\n  startUpRef: ./menus/menu[" + "a" * (size - 1_000) + "\n"
            "  defaultLanguage: en-us\n  menus:\n    - menu:\n        name: Main\n        refId: main\n"
            "        audio:\n          tts: Hello.\n        choices: []\n")


def include_chain(count: int) -> str:
    """An Asterisk dialplan of contexts each including the next, each a small menu."""
    parts = []
    for i in range(count):
        parts.append(f"[c{i}]\ninclude => c{i + 1}\nexten => s,1,Background(menu{i})\n same => n,WaitExten(5)\n"
                     f"exten => 1,1,Goto(c{(i + 1) % count},s,1)\n")
    parts.append(f"[c{count}]\nexten => 9,1,Queue(ops)\nexten => t,1,Hangup()\n")
    return "".join(parts)


def include_bomb(count: int) -> str:
    """Contexts each including the next and answering 20 extensions of their own: every menu along the
    chain answers those of the next 512 contexts, as Asterisk searches (ten million options at 1 MB)."""
    parts = [f"[c{i}]\ninclude => c{i + 1}\nexten => s,1,Background(menu{i})\n same => n,WaitExten(5)\n"
             + "".join(f"exten => {i}{j:02},1,Goto(c{(i + 1) % count},s,1)\n" for j in range(20))
             for i in range(count)]
    return "".join(parts) + f"[c{count}]\nexten => 9,1,Queue(ops)\n"


def priorities(count: int) -> str:
    """One Asterisk extension with thousands of labelled priorities and Gotos between them."""
    lines = ["[main]", "exten => s,1,Answer()"]
    lines += [f" same => n(p{i}),Set(X={i})" for i in range(count // 2)]
    lines += [f" same => n,GotoIf($[${{X}}={i}]?p{i}:p{count // 2 - 1 - i})" for i in range(count // 2)]
    lines += [" same => n,Background(menu)", " same => n,WaitExten(5)", "exten => 1,1,Queue(ops)"]
    return "\n".join(lines) + "\n"


def transitions(count: int) -> str:
    """A Studio split with thousands of transitions, each to a state of its own."""
    split = {"name": "split", "type": "split-based-on", "properties": {"input": "{{widgets.menu.Digits}}"},
             "transitions": [{"event": "noMatch", "next": "menu"}]
             + [{"event": "match", "next": f"s{i}",
                 "conditions": [{"friendly_name": f"c{i}", "arguments": ["{{widgets.menu.Digits}}"],
                                 "type": "equal_to", "value": str(i)}]} for i in range(count)]}
    menu = {"name": "menu", "type": "gather-input-on-call", "properties": {"say": "Press a number."},
            "transitions": [{"event": "keypress", "next": "split"}, {"event": "timeout", "next": "menu"}]}
    return studio([menu, split, *(_studio_say(f"s{i}", f"Option {i}.") for i in range(count))])


def duplicate_options(count: int) -> str:
    """One menu with thousands of options on the same few keys, each to a node of its own."""
    options = "".join(f'      "{i % 10}": {{label: Help, goto: n{i}}}\n' for i in range(count))
    nodes = "".join(f"  n{i}: {{type: agent}}\n" for i in range(count))
    return MENU.replace('      "0": {label: Help, goto: a}\n', options) + nodes


def prompt_numbers(size: int) -> str:
    """A prompt of numbers and no word (each number a unit of its own, grouped pairwise before)."""
    return MENU.replace("prompt: For help, press 0.", "prompt: '" + fill("1 ", size - 1_000) + "For help, press 0.'")


def prompt_stops(size: int) -> str:
    """A prompt with a long run of full stops (a sentence end was tried from each of them)."""
    return MENU.replace("prompt: For help, press 0.", "prompt: '" + fill(".", size - 1_000) + "x. For help, press 0.'")


# -- a large ordinary file per reader ------------------------------------------------------------------

def connect(count: int) -> str:
    actions = [{"Identifier": f"a{i}", "Type": "MessageParticipant", "Parameters": {"Text": f"Step {i}."},
                "Transitions": {"NextAction": f"a{i + 1}" if i + 1 < count else "end"}} for i in range(count)]
    actions.append({"Identifier": "end", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}})
    return json.dumps({"Version": "2019-10-30", "StartAction": "a0", "Actions": actions}, indent=1)


def studio_line(count: int) -> str:
    return studio([_studio_say(f"s{i}", f"Step {i}.", f"s{i + 1}" if i + 1 < count else None) for i in range(count)])


def genesys(count: int) -> str:
    menus = "".join(f"    - menu:\n        name: Menu {i}\n        refId: m{i}\n        audio:\n"
                    f"          tts: For the next menu, press 1.\n        choices:\n"
                    f"          - menuJumpToMenu:\n              name: Next\n              dtmf: digit_1\n"
                    f"              targetMenuRef: /inboundCall/menus/menu[m{(i + 1) % count}]\n"
                    for i in range(count))
    return f"inboundCall:\n  name: Generated\n  startUpRef: /inboundCall/menus/menu[m0]\n  menus:\n{menus}"


def config(count: int) -> str:
    """A config with one long list of per-file ignores (read with every checked menu)."""
    ignores = "".join(f'  "menus/part{i}/*.ivr.yaml": [S101]\n' for i in range(count))
    return f"rules:\n  L301: {{similarity: 90}}\nper-file-ignores:\n{ignores}"


def _sized(make: Callable[[int], str]) -> Callable[[int], str]:
    """A generator of `count` parts turned into one of about `size` characters (never more)."""
    def sized(size: int) -> str:
        sample = 200
        count = max(1, int(size * sample / len(make(sample))))
        while len(text := make(count)) > size:
            count = int(count * 0.97)
        return text
    return sized


#: name -> (what it is, file name, generator of about `size` characters, extra arguments of `check`)
INPUTS: dict[str, tuple[str, str, Callable[[int], str | dict[str, str]], tuple[str, ...]]] = {
    "blank-lines": ("menu: whitespace-only lines after `#:`", "m.ivr.yaml", blank_lines, ()),
    "blank-lines-unknown": ("whitespace-only lines, no format", "x.yaml", blank_lines_not_native, ()),
    "backslashes": ("Studio: a run of backslashes", "flow.json", backslashes, ()),
    "menu-tags": ("FreeSWITCH: unclosed `<menu ` tags", "ivr.xml", menu_tags, ("--entry", "m0")),
    "xml-declaration": ("VoiceXML: a padded XML declaration", "m.vxml", xml_declaration, ("--from", "voicexml")),
    "comment-after-key": ("menu: a long comment after a key", "m.ivr.yaml", comment_after_key, ()),
    "start-up-ref": ("Genesys: a long `startUpRef`", "flow.yaml", start_up_ref, ()),
    "include-chain": ("Asterisk: a chain of includes", "extensions.conf", _sized(include_chain), ("--entry", "c0")),
    "include-bomb": ("Asterisk: includes adding extensions", "extensions.conf", _sized(include_bomb),
                     ("--entry", "c0")),
    "priorities": ("Asterisk: thousands of priorities", "extensions.conf", _sized(priorities), ()),
    "transitions": ("Studio: thousands of transitions", "flow.json", _sized(transitions), ()),
    "duplicate-options": ("menu: thousands of duplicate options", "m.ivr.yaml", _sized(duplicate_options), ()),
    "prompt-numbers": ("menu: a prompt of numbers", "m.ivr.yaml", prompt_numbers, ()),
    "prompt-stops": ("menu: a prompt with a run of full stops", "m.ivr.yaml", prompt_stops, ()),
    "yaml": ("menu: a generated line", "line.ivr.yaml", _sized(generate), ()),
    "connect": ("Connect: a long flow", "flow.json", _sized(connect), ()),
    "studio": ("Studio: a long flow", "flow.json", _sized(studio_line), ()),
    "genesys": ("Genesys: many menus", "flow.yaml", _sized(genesys), ()),
    "freeswitch": ("FreeSWITCH: many menus", "ivr.xml", _sized(freeswitch), ("--entry", "m0")),
    "asterisk": ("Asterisk: many contexts", "extensions.conf", _sized(asterisk), ("--entry", "m0")),
    "voicexml": ("VoiceXML: many menus", "m.vxml", _sized(voicexml), ()),
    "config": ("config: many per-file ignores", ".ivrcheck.yaml", _sized(config), ()),
}


# -- found by the blind hostile tester (issue 23, round three): kept apart from the rows above ----------

def press_repeat(size: int) -> str:
    """A prompt saying "press 1" thousands of times with no full stop (each offer read the rest of the prompt)."""
    return MENU.replace("prompt: For help, press 0.", "prompt: '" + fill("press 1 ", size - 1_000) + "For help, press 0.'")


def menu_chain_back(count: int) -> str:
    """Menus one below another, each offering `back` (the winding-up walk recursed once a menu)."""
    menus = "".join(f"  n{i}:\n    prompt: For more, press 1. For a person, press 0.\n    options:\n"
                    f'      "1": {{label: More, goto: {f"n{i + 1}" if i + 1 < count else "p"}}}\n'
                    f'      "0": {{label: Person, goto: p}}\n      "#": {{label: Back, goto: back}}\n'
                    for i in range(count))
    return f"entry: n0\nnodes:\n{menus}  p: {{type: agent}}\n"


INPUTS.update({
    "press-repeat": ("menu: \"press 1\" repeated in one prompt", "m.ivr.yaml", press_repeat, ()),
    "menu-chain-back": ("menu: a chain of menus offering back", "m.ivr.yaml", _sized(menu_chain_back), ()),
})


# -- found by the second blind hostile tester (issue 23, round four) -------------------------------------

def vxml_choices(count: int) -> str:
    """One VoiceXML menu of `count` choices read out by `<enumerate/>`, each into a form of a ring of
    forms that pass the call on with no choice (L303 walked the ring once per choice, the reader
    scanned every node once per form). Each form says a sentence more, so that 1 MB holds about
    3,000 choices, as the tester's file did (more are slow for reasons of their own: every
    choice's label was compared with a hundred others; now twelve, docs/rules/L301.md)."""
    choices = "".join(f'<choice next="#f{i}">Choice number {i} about topic {i}</choice>' for i in range(count))
    says = ("You chose a topic; an agent will read you the details of it now, so please stay on the line. "
            "Calls are recorded for training, and you can ask for a copy of the recording.")
    forms = "".join(f'<form id="f{i}"><block><prompt>Step {i}. {says}</prompt><goto next="#f{(i + 1) % count}"/>'
                    "</block></form>" for i in range(count))
    return (f'<?xml version="1.0"?>\n<vxml version="2.1"><menu id="main" dtmf="true"><prompt>Choose. <enumerate/>'
            f"</prompt>{choices}</menu>{forms}</vxml>\n")


def studio_ring(count: int) -> str:
    """Studio menus in a ring, each a gather and a split offering the next menu and the one before
    (a long `matches_any_of` list on the way back): a call goes round every menu."""
    def split(i: int) -> dict:
        digits = f"{{{{widgets.g{i}.Digits}}}}"
        return {"name": f"s{i}", "type": "split-based-on", "properties": {"input": digits},
                "transitions": [{"event": "noMatch", "next": f"g{i}"},
                                {"event": "match", "next": f"g{(i + 1) % count}", "conditions": [
                                    {"friendly_name": "Next", "arguments": [digits], "type": "equal_to", "value": "1"}]},
                                {"event": "match", "next": f"g{(i - 1) % count}", "conditions": [
                                    {"friendly_name": "Back", "arguments": [digits], "type": "matches_any_of",
                                     "value": ",".join(["2"] * 50)}]}]}
    states = []
    for i in range(count):
        states.append({"name": f"g{i}", "type": "gather-input-on-call",
                       "properties": {"say": f"Menu {i}. Next, press 1. Back, press 2.", "timeout": 5},
                       "transitions": [{"event": "keypress", "next": f"s{i}"}, {"event": "timeout", "next": f"g{i}"}]})
        states.append(split(i))
    return studio(states)


INPUTS.update({
    "vxml-choices": ("VoiceXML: a menu of thousands of choices", "m.vxml", _sized(vxml_choices), ()),
    "studio-ring": ("Studio: a ring of menus, next and back", "flow.json", _sized(studio_ring), ()),
})


# -- the graph walks and whole runs the second blind tester found slow (issue 23, round four) -----------

def menu_ring(count: int) -> str:
    """Menus in a ring, each offering the next and the one before (a closing walk went round the ring per menu)."""
    menus = "".join(f"  m{i}:\n    prompt: For the next menu, press 1. For the one before, press 2.\n    options:\n"
                    f'      "1": {{label: Next, goto: m{(i + 1) % count}}}\n'
                    f'      "2": {{label: Before, goto: m{(i - 1) % count}}}\n' for i in range(count))
    return f"entry: m0\nnodes:\n{menus}"


def file_web(size: int) -> dict[str, str]:
    """Files that each refer to the next five (a line of every file: each file's score measured the whole line)."""
    def files(count: int) -> dict[str, str]:
        return {f"g{i}.ivr.yaml": "entry: m\nnodes:\n  m:\n    prompt: For the next files, press 1 to 5.\n"
                "    options:\n" + "".join(f'      "{k}": {{label: File {k}, goto: "g{(i + k) % count}.ivr.yaml#m"}}\n'
                                            for k in range(1, 6)) for i in range(count)}
    count = size // 340
    made = files(count)
    while sum(map(len, made.values())) > size:
        count = int(count * 0.99)
        made = files(count)
    return made


INPUTS.update({
    "menu-ring": ("menu: a ring of menus, next and before", "m.ivr.yaml", _sized(menu_ring), ()),
    "file-web": ("menu: 2,900 files referring to each other", "", file_web, ()),
})


# -- found by the third blind hostile tester (issue 23, round five) --------------------------------------

def calltask_tree(count: int) -> str:
    """Genesys tasks that each call the next twice: each call copied the task for its own return point,
    so 30 tasks (13 kB) made a billion steps; now refused (F019) past a budget of the file's size."""
    tasks = "".join(f"    - task:\n        name: T{i}\n        refId: t{i}\n        actions:\n"
                    f"          - playAudio:\n              name: P{i}\n              audio: {{tts: step {i}}}\n"
                    + "".join(f"          - callTask:\n              name: C{i}{c}\n"
                              f"              targetTaskRef: ./tasks/task[t{i + 1}]\n"
                              for c in "ab" if i + 1 < count)
                    for i in range(count))
    return f"inboundCall:\n  name: Tree\n  startUpRef: ./tasks/task[t0]\n  defaultLanguage: en-us\n  tasks:\n{tasks}"


def playback_run(count: int) -> str:
    """One Asterisk extension of thousands of Playbacks, labels used a hundred times over, each a message
    (blind tester: each prompt scanned the rest of the run for a WaitExten, 25,000 took minutes)."""
    steps = "".join(f" same => n(l{i % 100}),Playback(p{i})\n" for i in range(count))
    return f"[main]\nexten => s,1,Answer()\n{steps} same => n,Hangup()\nexten => 1,1,Goto(s,l7)\n"


def many_tasks(count: int) -> str:
    """A small menu with thousands of tree-test tasks saying much the same words (each task matched
    each word against each option's words again: 2,000 tasks took 2.8 s in every command)."""
    tasks = "".join(f"  - {{say: 'I want to pay my bill and check my balance and talk about loans {i}', "
                    "expect: [pay, bal, adv, loans]}\n" for i in range(count))
    return ("name: many tasks\nlanguage: en\nentry: main\ntasks:\n" + tasks + "nodes:\n  main:\n"
            "    prompt: For payments press 1. For balance press 2. For loans press 3. For an advisor press 0.\n"
            "    options:\n      \"1\": {label: Payments, goto: pay}\n      \"2\": {label: Balance, goto: bal}\n"
            "      \"3\": {label: Loans, goto: loans}\n      \"0\": {label: Advisor, goto: adv}\n"
            "  pay: {type: self_service, next: main}\n  bal: {type: self_service, next: main}\n"
            "  loans: {type: self_service, next: main}\n  adv: {type: agent}\n")


INPUTS.update({
    "many-tasks": ("menu: thousands of tree-test tasks", "m.ivr.yaml", _sized(many_tasks), ()),
    "playback-run": ("Asterisk: thousands of Playbacks", "extensions.conf", _sized(playback_run), ()),
    "calltask-tree": ("Genesys: tasks each calling the next twice", "flow.yaml", _sized(calltask_tree), ()),
})


# -- found by the second blind hostile tester (issue 23, part 3): a hint per mistyped target ---------------

def dangling_targets(count: int) -> str:
    """Menus in a chain, each with one target naming no node (each did-you-mean read every node name:
    7,500 of both made 56 million comparisons, 2 s of the run; now only names that could be close)."""
    menus = "".join(f'  n{i}: {{prompt: "Press 1 or 2.", options: {{"1": {{label: Go {i}, goto: missing{i}}}, '
                    f'"2": {{label: Next {i}, goto: n{i + 1 if i + 1 < count else 0}}}}}}}\n' for i in range(count))
    return f"entry: n0\nnodes:\n{menus}"


INPUTS.update({
    "dangling-targets": ("menu: thousands of mistyped targets", "m.ivr.yaml", _sized(dangling_targets), ()),
})


# -- found by the fourth blind hostile tester (issue 23, part 3, family A) --------------------------------

def open_disables(count: int) -> str:
    """Menus in a chain, each after a `disable` comment never closed by `enable` (every finding was
    tested against every comment: 4,000 of them took 20 s)."""
    menus = "".join(f"  # ivrcheck: disable S108, R505 reason: ticket {i}\n  n{i}:\n    prompt: Step {i}. For next, press 1.\n"
                    f'    options: {{"1": {{label: Next, goto: n{i + 1}}}}}\n' for i in range(count))
    return f"name: open disables\nlanguage: en\nentry: n0\nnodes:\n{menus}"


def many_findings(count: int) -> str:
    """One-line menus, each with a mistyped target, labels alike and a key to itself: a finding or
    more per line, and a did-you-mean hint per target among thousands of alike names."""
    menus = "".join(f'  n{i}: {{prompt: "For item, press 1.", options: {{"1": {{label: Item, goto: n{i + 1}}}, '
                    f'"2": {{label: Items, goto: gone{i}}}, "3": {{label: Item., goto: n{i}}}}}}}\n' for i in range(count))
    return f"name: many findings\nlanguage: en\nentry: n0\nnodes:\n{menus}  n{count}: {{type: agent}}\n"


def back_to_top_chain(count: int) -> str:
    """Menus one below another, each offering back and the top menu (the top menu's thousands of ways
    in and back were read once per use of a label, and a path searched from each of them)."""
    menus = "".join(f'  d{i}: {{prompt: "For deeper, press 1. To go back, press 9.", on_timeout: back, on_invalid: back, '
                    f'options: {{"1": {{label: Deeper, goto: d{i + 1}}}, "9": {{label: Back, goto: back}}, '
                    f'"#": {{label: Top, goto: d0}}}}}}\n' for i in range(count))
    return f"name: deep back\nlanguage: en\nentry: d0\nnodes:\n{menus}  d{count}: {{type: agent, queue: q}}\n"


def one_line_menu(size: int) -> str:
    """A whole menu on one line: thousands of spoken options in one flow mapping."""
    def made(count: int) -> str:
        options = ", ".join(f'"x{i}": {{label: "Option {i}", goto: nowhere{i}, say: [w{i}]}}' for i in range(count))
        return ('{name: one line, language: en, entry: main, nodes: {main: {prompt: "For x press 1.", '
                f"options: {{{options}}}}}}}}}\n")
    return _sized(made)(size)


def chained_schedules(count: int) -> str:
    """People each on hours of their own, each falling back outside them to the next (each one's
    closed route was walked to the end of the chain)."""
    hours = "".join(f'  s{i}: {{mon-fri: "{i % 24:02d}:00-{(i % 24 + 1) % 24:02d}:30", sat: "10:00-11:00", '
                    "holiday: closed}\n" for i in range(count))
    people = "".join(f"  a{i}: {{type: agent, queue: q{i}, hours: s{i}, closed: {f'a{i + 1}' if i + 1 < count else 'vm'}}}\n"
                     for i in range(count))
    return (f"name: many schedules\nlanguage: en\nentry: main\nhours:\n{hours}nodes:\n  main:\n"
            "    prompt: To speak to someone, press 0.\n    options:\n      \"0\": {label: Someone, goto: a0}\n"
            f"{people}  vm: {{type: voicemail, promise: within 2 hours}}\n")


def synonyms_config(count: int) -> str:
    """A config of thousands of synonym groups sharing two words (each comparison of labels read every
    group of a word, and compared every pair of groups for a contrast)."""
    groups = ", ".join(f'["w{i}", "w{i + 1}", "advisor", "card"]' for i in range(count))
    return f"synonyms:\n  en: [{groups}]\n"


def studio_any_of(size: int) -> str:
    """A Studio split whose `matches_any_of` lists tens of thousands of values, each an option."""
    digits = "{{widgets.menu.Digits}}"
    split = {"name": "split", "type": "split-based-on", "properties": {"input": digits},
             "transitions": [{"event": "noMatch", "next": "menu"},
                             {"event": "match", "next": "bye", "conditions": [
                                 {"friendly_name": "Any", "arguments": [digits], "type": "matches_any_of",
                                  "value": ",".join(f"{i:06d}" for i in range((size - 2_000) // 7))}]}]}
    menu = {"name": "menu", "type": "gather-input-on-call", "properties": {"say": "Enter a number."},
            "transitions": [{"event": "keypress", "next": "split"}, {"event": "timeout", "next": "menu"}]}
    return studio([menu, split, _studio_say("bye", "Goodbye.")])


INPUTS.update({
    "open-disables": ("menu: thousands of unclosed `disable`", "m.ivr.yaml", _sized(open_disables), ()),
    "many-findings": ("menu: findings and hints on every line", "m.ivr.yaml", _sized(many_findings), ()),
    "back-to-top": ("menu: a chain of menus, back and top", "m.ivr.yaml", _sized(back_to_top_chain), ()),
    "one-line-menu": ("menu: a whole menu on one line", "m.ivr.yaml", one_line_menu, ()),
    "chained-hours": ("menu: people on hours, chained by closed", "m.ivr.yaml", _sized(chained_schedules), ()),
    "synonyms": ("config: thousands of synonym groups", ".ivrcheck.yaml", _sized(synonyms_config), ()),
    "studio-any-of": ("Studio: `matches_any_of`, many values", "flow.json", studio_any_of, ()),
})


# -- found by the fifth blind hostile tester (issue 23, part 4) ----------------------------------------------

def connect_operands(size: int) -> str:
    """An Amazon Connect condition with tens of thousands of `Operands` on a dozen keys, each an option
    (each option asked whether its key reaches a person by walking every option of the menu)."""
    operands = [str(i % 12) for i in range((size - 400) * 12 // 62)]  # 62 characters a round of 12
    menu = {"Identifier": "menu", "Type": "GetParticipantInput", "Parameters": {"Text": "Press a key."},
            "Transitions": {"NextAction": "bye", "Errors": [], "Conditions": [
                {"NextAction": "bye", "Condition": {"Operator": "Equals", "Operands": operands}}]}}
    bye = {"Identifier": "bye", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}
    return json.dumps({"Version": "2019-10-30", "StartAction": "menu", "Actions": [menu, bye]})


def linear_chain(count: int) -> str:
    """Menus one after another, each offering the next and a person, with repeat and retries by default."""
    menus = "".join(f"  m{i}:\n    prompt: To continue press 1. To speak to an advisor press 0.\n    options:\n"
                    f'      "1": {{label: Continue, goto: m{i + 1}}}\n      "0": {{label: Advisor, goto: agent}}\n'
                    for i in range(count))
    return ("name: Deep\nlanguage: en\nentry: m0\ndefaults: {timeout: 5, retries: 3, on_timeout: repeat, "
            "on_invalid: repeat, after_retries: agent}\nnodes:\n  agent: {type: agent}\n"
            f"{menus}  m{count}: {{type: hangup}}\ntasks:\n  - {{say: hang up, expect: m{count}}}\n")


def tasks_web(size: int) -> dict[str, str]:
    """`ivrcheck tasks` on files that each refer to the next five, the first with a task: each file was
    tree-tested as the root of a line of every file."""
    made = file_web(size - 100)
    made["g0.ivr.yaml"] += "tasks:\n  - {say: the next files, expect: m}\n"
    return made


INPUTS.update({
    "connect-operands": ("Connect: one condition, 160,000 Operands", "flow.json", connect_operands, ()),
    "linear-chain": ("menu: thousands of menus in a row", "m.ivr.yaml", _sized(linear_chain), ()),
    "tasks-web": ("tasks: 2,900 files referring to each other", "", tasks_web, ()),
})
#: Rows that time another command than `check` (each without `check`'s options).
COMMANDS = {"tasks-web": ["tasks", "-f", "json"]}


def command(name: str) -> list[str]:
    """The command line a row runs, before its input's own arguments and path."""
    return [sys.executable, "-m", "ivrcheck", *COMMANDS.get(name, CHECK)]


def write(folder: Path, name: str, size: int) -> tuple[Path, tuple[str, ...]]:
    """The input `name` written into a folder of its own (a config beside a small menu); its path and arguments.
    An input of several files (a generator of file name -> text) is the folder itself."""
    _, file_name, make, extra = INPUTS[name]
    home = folder / f"{name}-{size}"
    home.mkdir()
    made = make(size)
    if isinstance(made, dict):
        for each, text in made.items():
            (home / each).write_text(text, encoding="utf-8")
        return home, extra
    (home / file_name).write_text(made, encoding="utf-8")
    if file_name == ".ivrcheck.yaml":
        (home / "m.ivr.yaml").write_text(MENU, encoding="utf-8")
        return home / "m.ivr.yaml", extra
    return home / file_name, extra


def _seconds(seconds: float) -> str:
    return f"{seconds:7.2f}" if seconds < TIMEOUT else f"{f'> {TIMEOUT:.0f}':>7}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--size", type=int, default=MB, help="characters per input (default 1,000,000)")
    parser.add_argument("--only", nargs="+", choices=sorted(INPUTS), help="these inputs only")
    args = parser.parse_args()
    check = command("")
    compiled_like_an_install()
    failed = 0
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        (folder / "line1000.ivr.yaml").write_text(generate(1_000), encoding="utf-8")
        yardstick, _ = timed([*check, str(folder / "line1000.ivr.yaml")], args.repeat)
        print(f"yardstick: a generated 1,000-node line ({(folder / 'line1000.ivr.yaml').stat().st_size:,} bytes) "
              f"took {yardstick:.2f} s in this run\n")
        print(f"| {'input':<19} | {'what':<40} | {'bytes':>9} | {'1/4 size':>8} | {'seconds':>7} | growth | "
              f"line s | quiet s | goal < {GOAL:.0f} s |")
        print(f"|{'-' * 21}|{'-' * 42}|{'-' * 10}:|{'-' * 9}:|{'-' * 8}:|{'-' * 7}:|{'-' * 7}:|{'-' * 8}:|{'-' * 12}|")
        for name in args.only or INPUTS:
            quarter = timed([*command(name), *(w := write(folder, name, args.size // 4))[1], str(w[0])],
                            args.repeat, timeout=TIMEOUT)[0]
            path, extra = write(folder, name, args.size)
            seconds, _ = timed([*command(name), *extra, str(path)], args.repeat, timeout=TIMEOUT)
            size = sum(p.stat().st_size for p in (path if path.is_dir() else path.parent).iterdir())
            # The load changes over a run: the yardstick is timed again beside each row.
            line, _ = timed([*check, str(folder / "line1000.ivr.yaml")], args.repeat)
            quiet = seconds / max(1.0, line / QUIET_LINE)
            verdict = "pass" if quiet < GOAL and seconds < TIMEOUT else "FAIL"
            failed += verdict == "FAIL"
            print(f"| {name:<19} | {INPUTS[name][0]:<40} | {size:>9,} | {_seconds(quarter):>8} | {_seconds(seconds)} | "
                  f"{seconds / quarter:5.1f}x | {line:6.2f} | {quiet:7.2f} | {verdict:<10} |", flush=True)
    print("\ngrowth: seconds at the full size over seconds at a quarter of it (linear: about 4x or less, as "
          f"start-up is paid once)\nline s: the yardstick timed beside that row; quiet s: seconds divided by how "
          f"much slower than {QUIET_LINE} s the yardstick was (unchanged when quiet); the verdict reads it")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
