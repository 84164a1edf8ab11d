"""FreeSWITCH IVR menus (`ivr.conf.xml`, or an `<include>` of `<menu>`s) -> the menu model.

See docs/importers/freeswitch.md for what is read and how each action maps.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ivrcheck.findings import Finding, Span
from ivrcheck.importers import xml_source
from ivrcheck.importers.nodeset import NodeSet, humanize, is_computed, sound_label
from ivrcheck.importers.steps import Exit, Kind, Way, add
from ivrcheck.importers.steps import Step as Built
from ivrcheck.model import DTMF_KEYS, Menu, Target
from ivrcheck.numbers import NotANumber, is_digits, number_or_none, read_number

NAME = "freeswitch"
TITLE = "FreeSWITCH IVR menu XML"
#: XML roots only FreeSWITCH writes around menus: `ivr_menus/*.xml`, `ivr.conf.xml`, `freeswitch.xml`.
ROOTS = ("include", "configuration", "document")

# mod_ivr's own defaults when a menu leaves these out.
_TIMEOUT_MS, _MAX_FAILURES, _MAX_TIMEOUTS = 10000, 3, 3
#: (start of a tag, an attribute inside it): searched tag by tag by `_tag_with`, never from every `<menu`.
_MENU = (re.compile(r"<menu\b", re.IGNORECASE), re.compile(r"\bname\s*+=", re.IGNORECASE))
_ENTRY = (re.compile(r"<entry\b", re.IGNORECASE), re.compile(r"\baction\s*+=\s*+[\"']menu-", re.IGNORECASE))
_REPLAYS = ("playback", "phrase", "speak", "say", "sleep", "set", "export", "log", "answer", "pre_answer")
_SCRIPTS = ("lua", "javascript", "python", "perl", "socket", "curl", "jsrun", "luarun", "eval", "execute_extension")


def detect(text: str, filename: str) -> bool:
    """An XML document with named `<menu>`s whose `<entry>`s take `menu-*` actions."""
    head = text[:200_000]
    return _tag_with(head, *_MENU) and _tag_with(head, *_ENTRY)


def _tag_with(text: str, start: re.Pattern[str], attribute: re.Pattern[str]) -> bool:
    """Whether a tag opened by `start` holds `attribute` before its `>` (`<menu\\b[^>]*\\bname\\s*=`).

    Each tag is searched once: a second `<menu` inside an unclosed tag ends at the same `>`, so
    searching from it again (as the one-pattern search did, from every one of them) finds nothing new.
    """
    position = 0
    while (opened := start.search(text, position)) is not None:
        end = text.find(">", opened.end())
        end = len(text) if end == -1 else end
        if attribute.search(text, opened.end(), end):
            return True
        position = end
    return False


def read(text: str, display: str, entry: str | None) -> tuple[Menu | None, list[Finding]]:
    """The menus of the file as one phone line starting at `entry` (or the one menu nothing leads to)."""
    nodes = NodeSet(display)
    doc = xml_source.document(text, nodes.problem)
    if doc is None:
        return None, nodes.findings
    menus = [m for m in doc.root.iter() if xml_source.local(m.tag) == "menu" and m.get("name")]
    if not menus:
        nodes.problem("F019", doc.span(doc.root), f"no <menu name=...> found under <{xml_source.local(doc.root.tag)}>",
                      "an IVR file holds <menu> elements under <include> or <configuration name=\"ivr.conf\"><menus>")
        return None, nodes.findings
    by_name: dict[str, ET.Element] = {}
    for element in menus:
        name = element.get("name", "")
        if name in by_name:
            nodes.problem("F019", doc.attr_span(element, "name"),
                          f"menu {name!r} is declared twice (first at line {doc.span(by_name[name]).line}); "
                          "FreeSWITCH keeps only one", "rename or remove one of them")
            continue
        by_name[name] = element
    start = _entry(doc, nodes, by_name, entry)
    if start is None:
        return None, nodes.findings
    phrases = _phrases(doc)
    for name, element in by_name.items():
        _Menu(doc, nodes, element, start, phrases).build()
    return nodes.finish(Target(start, doc.span(by_name[start])), start)


def _entry(doc: xml_source.Document, nodes: NodeSet, menus: dict[str, ET.Element], entry: str | None) -> str | None:
    """The menu calls start at: `--entry`, the only menu, or the only menu no other menu leads to."""
    if entry is not None:
        if entry in menus:
            return entry
        nodes.problem("F021", doc.span(doc.root), f"--entry {entry!r} names no menu in this file",
                      f"use one of: {', '.join(menus)}")
        return None
    if len(menus) == 1:
        return next(iter(menus))
    led_to = {_sub_target(e) for m in menus.values() for e in m if xml_source.local(e.tag) == "entry"}
    roots = [name for name in menus if name not in led_to]
    if len(roots) == 1:
        return roots[0]
    # Best guess first: menus no other menu leads to (a call can only arrive there from the dialplan).
    candidates = roots or list(menus)
    why = "no other menu leads to it" if roots else "every menu is led to from another"
    nodes.problem("F021", doc.span(doc.root),
                  f"{len(menus)} menus and no way to tell where calls start; best guess first: "
                  f"{', '.join(candidates)} ({why}); the dialplan's `ivr` action decides",
                  f"pass --entry {candidates[0]} (or another menu name)")
    return None


def _sub_target(element: ET.Element) -> str | None:
    action, param = element.get("action", ""), (element.get("param") or "").strip()
    if action == "menu-sub":
        return param
    if action == "menu-exec-app" and param.split(" ", 1)[0] == "ivr":
        return param.split(" ", 1)[1].strip() if " " in param else None
    return None


class _Menu:
    """One `<menu>` and the nodes its entries lead to."""

    def __init__(self, doc: xml_source.Document, nodes: NodeSet, element: ET.Element, top: str,
                 phrases: dict[str, str | None]) -> None:
        self.doc, self.nodes, self.element, self.top, self.phrases = doc, nodes, element, top, phrases
        self.name = element.get("name", "")
        self.span = doc.span(element)
        self._exit: Target | None = None

    def build(self) -> None:
        element, doc = self.element, self.doc
        self.nodes.reserve(self.name, self.span)
        prompt, prompt_span = self._prompt()
        exits: list[Way] = []
        extensions: list[tuple[str, Span, Target | None]] = []
        for entry in element:
            if xml_source.local(entry.tag) != "entry":
                continue
            digits = (entry.get("digits") or "").strip()
            span = doc.attr_span(entry, "digits")
            if digits.startswith("/") and not _keyable(digits):
                self.nodes.opaque(span, self.name, f"the entry digits {digits!r} of menu {self.name!r} hold a "
                                  "character no keypad sends (`/d` is not `\\d`), so no caller can choose it; it "
                                  "is left out of the menu", "write the regex with \\d, e.g. /^(\\d{4})$/")
                continue
            target, label = self._action(entry)
            key = _single_key(digits)
            if key is not None:
                exits.append(Way(Exit.KEY, target, span, key, label))
            elif digits:
                extensions.append((digits, span, target))
            else:
                self.nodes.problem("F019", doc.span(entry), "an <entry> without `digits` can never be chosen",
                                   'add digits="1" (or the key it should answer)', self.name)
        if extensions:
            exits.append(self._dial_by_extension(extensions))
        timeout_ms = self._number("timeout", _TIMEOUT_MS)
        failures = int(self._number("max-failures", _MAX_FAILURES, whole=True))
        timeouts = int(self._number("max-timeouts", _MAX_TIMEOUTS, whole=True))
        repeat = Target("repeat", self.span)
        spans = {name.replace("-", "_"): doc.attr_span(element, attr) for name, attr in (
            ("timeout", "timeout"), ("retries", "max-failures"))}
        exits += [Way(Exit.TIMEOUT, repeat, self.span), Way(Exit.INVALID, repeat, self.span),
                  Way(Exit.RETRIES, self._after_retries(), self.span)]
        add(self.nodes, Built(self.name, Kind.ASK, self.span, exits, prompt=prompt, prompt_span=prompt_span,
                              timeout=timeout_ms / 1000, retries=min(failures, timeouts), spans=spans))

    def _number(self, attribute: str, default: float, whole: bool = False) -> float:
        """A number attribute of the menu (ms or a count), or `default` with an F019 when it is none."""
        text = self.element.get(attribute)
        if text is None:
            return default
        try:
            return read_number(text, whole=whole, low=0)
        except NotANumber as exc:
            self.nodes.problem("F019", self.doc.attr_span(self.element, attribute), f"`{attribute}`: {exc}",
                               f"write {attribute} as a plain number, such as {int(default)}", self.name)
            return default

    def _prompt(self) -> tuple[str | None, Span | None]:
        """A `say:` greeting is text, as is a phrase macro of this file that only speaks text; a sound file, or
        a phrase macro that plays one or is not in the file, is a recording."""
        attr = "greet-long" if self.element.get("greet-long") else "greet-short"
        sound = (self.element.get(attr) or "").strip()
        span = self.doc.attr_span(self.element, attr)
        if not sound:
            return None, None
        if sound.startswith("say:"):
            return sound[4:].strip(), span
        if sound.startswith("phrase:") and self.phrases.get(sound[7:].split(":")[0].strip()):
            return self.phrases[sound[7:].split(":")[0].strip()], span
        self.nodes.recording(self.name, sound, span)
        return None, span

    def _after_retries(self) -> Target:
        """`exec-on-max-failures` when set; otherwise the menu ends and the call with it."""
        app = (self.element.get("exec-on-max-failures") or self.element.get("exec-on-max-timeouts") or "").strip()
        if app:
            attr = "exec-on-max-failures" if self.element.get("exec-on-max-failures") else "exec-on-max-timeouts"
            target, _ = self._app(app.split(";")[-1].strip(), self.doc.attr_span(self.element, attr), "max")
            return target
        return self._exit_node()

    def _exit_node(self) -> Target:
        if self._exit is None:
            sound = self.element.get("exit-sound")
            self._exit = self._step(f"{self.name}:exit", Kind.HANGUP, self.span,
                                    prompt=sound_label(sound) if sound else None)
        return Target(self._exit.ref, self._exit.span)

    def _action(self, entry: ET.Element) -> tuple[Target | None, str | None]:
        action = (entry.get("action") or "").strip()
        param = (entry.get("param") or "").strip()
        span = self.doc.attr_span(entry, "param") if "param" in entry.attrib else self.doc.attr_span(entry, "action")
        digits = (entry.get("digits") or "").strip()
        if action == "menu-sub" and param:
            return Target(param, span), humanize(param)
        if action == "menu-top":  # in the top menu itself it replays that menu
            return (Target("repeat", span), "Repeat the menu") if self.name == self.top else \
                (Target(self.top, span), "Main menu")
        if action == "menu-back":
            return Target("back", span), "Back"
        if action == "menu-exit":
            return self._exit_node(), "Exit"
        if action in ("menu-play-sound", "menu-say-text", "menu-say-phrase"):
            target = self._step(f"{self.name}:{digits}", Kind.MESSAGE, span, [Way(Exit.NEXT, Target(self.name, span), span)],
                                prompt=param[4:] if param.startswith("say:") else None)
            return target, _said(param[4:]) if param.startswith("say:") else sound_label(param) if param else "Message"
        if action == "menu-exec-app":
            return self._app(param, span, digits)
        self.nodes.problem("F019", self.doc.attr_span(entry, "action"),
                           f"unknown action {action!r} in menu {self.name!r}",
                           "use menu-sub, menu-exec-app, menu-top, menu-back, menu-exit or menu-play-sound",
                           self.name)
        return None, None

    def _app(self, param: str, span: Span, digits: str) -> tuple[Target, str]:
        """`menu-exec-app` (and `exec-on-max-*`): an application and its arguments."""
        app, _, args = param.partition(" ")
        app, args = app.lower(), args.strip()
        base = f"{self.name}:{digits}"
        words = args.split()
        dialled = "$1" in args
        if app == "ivr" and words:
            return Target(words[0], span), humanize(words[0])
        if app == "transfer" and words:
            if dialled:
                note = (f"transfers to the extension the caller dials ({param}); who answers each one is not in "
                        "this file, so it is not counted as a person", "if every extension of the range is a "
                        "person's phone, the YAML can say `human: true`")
                return self._step(base, Kind.NOBODY, span, note=note), "Dial an extension"
            if is_computed(words[0]):
                return self._opaque(base, span, f"transfers to an extension computed at run time ({words[0]})"), \
                    "Transfer"
            note = (f"transfers to dialplan extension {words[0]}{' in ' + words[2] if len(words) > 2 else ''}; "
                    "what answers there is decided by the dialplan, so it is imported as `human: unknown` (neither "
                    "a person nor proof of none)", "if a person answers, the imported YAML can say `human: true` "
                    "(or bridge to the user)")
            return self._step(base, Kind.FLOW, span, note=note), f"Extension {words[0]}"
        if app == "bridge" and words:
            return self._bridge(base, span, args, dialled), _bridge_label(args)
        if app in ("callcenter", "fifo") and words:
            queue = words[0].split("@")[0]
            # Wait announcements live in callcenter.conf, which is not read: H207 cannot judge them.
            return self._step(base, Kind.QUEUE, span, queue=queue, ignore=frozenset({"H207"})), humanize(queue)
        if app in ("voicemail", "hangup"):
            return self._step(base, Kind.VOICEMAIL if app == "voicemail" else Kind.HANGUP, span), \
                "Voicemail" if app == "voicemail" else "Hang up"
        if app == "conference":
            return self._step(base, Kind.NOBODY, span, what=f"the conference room {words[0]}" if words else
                              "a conference room"), "Conference"
        if app in _REPLAYS:
            target = self._step(base, Kind.MESSAGE, span, [Way(Exit.NEXT, Target(self.name, span), span)],
                                prompt=args[4:] if args.startswith("say:") else None)
            return target, sound_label(words[0]) if words else humanize(app)
        reason = ("runs a script" if app in _SCRIPTS else f"runs the application {app!r}")
        return self._opaque(base, span, f"{reason} ({param}), which may route the call anywhere; ivrcheck "
                            "assumes it returns to the menu", Target(self.name, span)), humanize(app)

    def _bridge(self, base: str, span: Span, args: str, dialled: bool) -> Target:
        """A bridge: a person when it rings a user or a phone; a conference room or a range the caller
        dials is not counted; a number outside the system or a computed one follows the one policy for a
        phone number (common.phone_transfer)."""
        dest = re.sub(r"^\{[^}]*\}", "", args.split()[0])
        nobody = _not_a_person(dest, dialled)
        if nobody is not None:
            return self._step(base, Kind.NOBODY, span, note=(
                f"bridges to {nobody} ({args}), which is not counted as a person",
                "if a person always answers, the imported YAML can say `human: true`"))
        if dest.startswith("user/") and not is_computed(dest[5:].split("@")[0]):
            return self._step(base, Kind.DEVICE, span)  # a user of the directory, whatever its domain variable
        if is_computed(dest) or "/gateway/" in dest:
            number = dest.rsplit("/", 1)[-1] if "/gateway/" in dest else dest
            return self._step(base, Kind.NUMBER, span, what=number, names=(self.name,))
        return self._step(base, Kind.DEVICE, span)  # a phone of the system rings

    def _opaque(self, base: str, span: Span, why: str, onward: Target | None = None) -> Target:
        target = self._step(base, Kind.TASK, span, [Way(Exit.NEXT, onward, span)])
        self.nodes.opaque(span, target.ref, why)
        return target

    def _step(self, base: str, kind: Kind, span: Span, exits: list[Way] | None = None, **fields) -> Target:
        return self.nodes.step(base, kind, span, exits, **fields)

    def _dial_by_extension(self, found: list[tuple[str, Span, Target | None]]) -> Way:
        """Multi-digit entries (literal or regex) are one choice: dialling an extension."""
        _, span, target = found[0]
        lengths = {_digit_count(d) for d, _, _ in found}
        if len(found) > 1:
            target = self._step(f"{self.name}:dialled", Kind.DATA, span, [Way(Exit.CASE, t, span, d) for d, _, t in found])
        return Way(Exit.EXTENSION, target, span, label="Dial an extension",
                   digits=lengths.pop() if len(lengths) == 1 else None)


def _not_a_person(dest: str, dialled: bool) -> str | None:
    """Why a bridge reaches no person (a conference room, any extension of a range), or None."""
    if "conference" in dest.lower():
        return "a conference room"
    if dialled:
        return "the extension the caller dials, any of a range"
    return None


def _keyable(digits: str) -> bool:
    """Whether a regex entry can match something a keypad sends: some alternative holds no literal
    character outside 0-9, * and # that it must match (`/^(/d{4})$/` needs a `/`)."""
    body = re.sub(r"^/|/$", "", digits)
    for alternative in re.split(r"(?<!\\)\|", body):
        plain = re.sub(r"\\.|\[[^\]]*\]|\{\d*,?\d*\}|[()^$.]", "", alternative)
        plain = re.sub(r".[?*]", "", plain)
        if all(c in "0123456789*#+" for c in plain):
            return True
    return False


def _phrases(doc: xml_source.Document) -> dict[str, str | None]:
    """Phrase macros in the file: name -> the words they speak, or None when they play a recording."""
    found: dict[str, str | None] = {}
    for macro in (m for m in doc.root.iter() if xml_source.local(m.tag) == "macro" and m.get("name")):
        actions = [a for a in macro.iter() if xml_source.local(a.tag) == "action"]
        first_match = next((m for m in macro.iter() if xml_source.local(m.tag) == "match"), None)
        if first_match is not None:
            actions = [a for a in first_match.iter() if xml_source.local(a.tag) == "action"]
        words = [a.get("data", "") for a in actions if a.get("function") == "speak-text"]
        played = any(a.get("function") in ("play-file", "execute") for a in actions)
        text = " ".join(w.strip() for w in words if w.strip())
        found[macro.get("name", "")] = None if played or not text else text
    return found


def _single_key(digits: str) -> str | None:
    """The one key an entry answers: `1`, `*`, or a regex that matches only one key (`/^1$/`)."""
    if digits in DTMF_KEYS:
        return digits
    match = re.fullmatch(r"/\^?\(?\\?([0-9*#])\)?\$?/", digits)
    return match.group(1) if match else None


def _digit_count(digits: str) -> int | None:
    """How many digits an entry takes: `1001` -> 4, `/^(10[01][0-9])$/` -> 4, open-ended -> None."""
    if not digits.startswith("/"):
        return len(digits) if is_digits(digits) else None
    body = re.sub(r"^/\^?|\$?/$", "", digits).replace("(", "").replace(")", "")
    # A `[` after the last `]` never closes and starts no token: blanked, so that findall does not
    # scan from each of them to the end of the text.
    cut = body.rfind("]") + 1
    body = body[:cut] + body[cut:].replace("[", " ")
    count = 0
    for token, repeat in re.findall(r"(\[[^\]]*+\]|\\d|[0-9*#.])(\{[0-9]+\}|[+*?]|\{[0-9]*,[0-9]*\})?", body):
        times = number_or_none(repeat[1:-1], whole=True, low=0, high=64) if repeat else 1
        if times is None:
            return None
        count += int(times)
    return count or None




def _said(text: str) -> str:
    """A short label from spoken text: its first clause, at most six words."""
    words = re.split(r"[.,;:!?]", text.strip(), maxsplit=1)[0].split()[:6]
    return " ".join(words) or "Message"


def _bridge_label(args: str) -> str:
    """`user/1000@${domain}` -> `User 1000`; `sofia/gateway/gw/5551234` -> `5551234`."""
    dest = args.split("|")[0].split(",")[0].split()[0]
    dest = re.sub(r"^\{[^}]*\}", "", dest)
    if dest.startswith("user/"):
        return f"User {dest[5:].split('@')[0]}"
    return dest.rsplit("/", 1)[-1].split("@")[0] or "Person"


__all__ = ["NAME", "TITLE", "detect", "read"]
