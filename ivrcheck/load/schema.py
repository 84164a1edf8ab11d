"""The menu format as data: which fields each part of a file takes, their kinds and meanings.

The loader validates against this table and `ivrcheck schema` exports it, so the two
cannot drift apart.
"""

from __future__ import annotations

from ivrcheck.model import NodeType
from ivrcheck.records import record

#: The value of a `maybe` field when the file cannot know it (`human: unknown`).
UNKNOWN = "unknown"


@record(slots=True)
class Field:
    """One field: its kind (`str`, `int`, `number`, `bool`, `maybe` (true, false or `unknown`), `target`, `strings`, `keys`,
    `mapping`, `options`, `cases`, `extension`, `hours`, `defaults`, `nodes`, `tasks`)."""

    kind: str
    description: str
    required: bool = False
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None


ERROR_HANDLING = {
    "timeout": Field("number", "Seconds of silence before `on_timeout` applies (at most an hour).",
                     minimum=0, maximum=3600),
    "retries": Field("int", "Invalid or timed-out attempts before `after_retries` applies.", minimum=0, maximum=100),
    "on_timeout": Field("target", "Where a caller who presses nothing goes (`repeat` to hear the menu again)."),
    "on_invalid": Field("target", "Where a caller who presses an unbound key goes."),
    "after_retries": Field("target", "Where a caller goes when retries run out; without it the call is dropped."),
}

COMMON = {
    "type": Field("str", "The kind of node; `menu` when left out.", choices=tuple(t.value for t in NodeType)),
    "prompt": Field("str", "What the caller hears at this node."),
    "ignore": Field("keys", "Rule codes silenced for this node, e.g. `[H203]`."),
    "description": Field("str", "A note for designers; never spoken."),
    "language": Field("str", "The language this node speaks (`en`, `fi`, `sv`, ...) when it is not the line's "
                      "`language`, e.g. the Swedish branch of a Finnish line. Rule L306 checks that the prompt "
                      "is in it."),
    "speaking_rate": Field("number", "The rate this node's prompt is played at, in its language's unit: words a "
                           "minute (`en`, `sv`) or syllables a second (`fi`); e.g. an SSML `<prosody rate>` "
                           "or the voice talent's tempo. Rule R507 reports rates above the language's standard.",
                           minimum=1),
    "recording": Field("str", "The sound file this node plays (`greeting.wav`). Without `prompt:` its words are "
                       "unknown: whether it offers a key is unknown, never \"not said\", and the score counts only "
                       "what is known (docs/score.md)."),
    "seconds": Field("number", "How long the prompt (or recording) plays, when known: the time a caller spends "
                     "on it, instead of the time its words take to speak.", minimum=0, maximum=3600),
}

PERSON_FIELDS = {
    "receives": Field("strings", "The items the person is handed with the call (`[account_number, reason]`), "
                      "or `all` for a screen pop of everything the caller gave. Left out: unknown, and rule "
                      "H208 stays quiet."),
    "languages": Field("strings", "The languages the people answering here serve (`[es, ca]`). Left out: "
                       "unknown, and rule H212 stays quiet."),
    "expected_wait": Field("number", "The average wait in seconds for a person, as the contact centre "
                           "measures it: what a call costs counts it (docs/score.md).", minimum=0, maximum=86400),
    "max_wait": Field("number", "Seconds after which the queue gives up on a waiting caller.",
                      minimum=0, maximum=86400),
    "overflow": Field("target", "Where callers go after `max_wait`; left out, the call is cut (rule H211)."),
}

PROMISE = Field("str", "When the caller will hear back, as told to them (`\"within 2 hours\"`, "
                "`\"seuraavana arkipäivänä\"`). Rule H209 asks for it, or a prompt that says when.")

HOURS_FIELDS = {
    "hours": Field("str", "Name of a schedule under top-level `hours:` that says when this is open; a name the "
                          "file does not declare is an error (F011)."),
    "closed": Field("target", "Where calls go outside `hours` (a callback, voicemail or message)."),
}

NODE_FIELDS: dict[NodeType, dict[str, Field]] = {
    NodeType.MENU: {
        "options": Field("options", "Key (or speech-only name) -> option. Keys are 0-9, \"*\", \"#\"."),
        "dial_by_extension": Field("extension", "Multi-digit entry, e.g. `{digits: 4, goto: directory}`."),
        **ERROR_HANDLING,
    },
    NodeType.INPUT: {
        "digits": Field("int", "How many digits the caller enters.", minimum=1, maximum=64),
        "collects": Field("str", "The item the caller gives here (`account_number`): rule H208 follows it to "
                          "every later input and person."),
        "digit_timeout": Field("number", "Seconds allowed between two digits (VoiceXML `interdigittimeout`, "
                               "FreeSWITCH `digit_timeout`).", minimum=0, maximum=3600),
        "next": Field("target", "Where the call goes once the digits are collected.", required=True),
        **ERROR_HANDLING,
    },
    NodeType.AGENT: {
        "queue": Field("str", "The queue or operator group that answers."),
        **HOURS_FIELDS,
        "announces_wait": Field("bool", "Whether callers hear the expected wait time."),
        **PERSON_FIELDS,
    },
    NodeType.VOICEMAIL: {**HOURS_FIELDS, "confirmation": Field(
        "str", "How the caller is told the message was received.", choices=("sms", "email", "voice", "none")),
        "promise": PROMISE},
    NodeType.CALLBACK: {**HOURS_FIELDS, "confirmation": Field(
        "str", "How the caller is told the callback is booked.", choices=("sms", "email", "voice", "none")),
        "promise": PROMISE},
    NodeType.MESSAGE: {"next": Field("target", "Where the call goes after the message.")},
    NodeType.SELF_SERVICE: {
        "next": Field("target", "Where the call goes when the automated task ends."),
        "changes": Field("bool", "True when the task changes something (a payment, a booking, an address); "
                         "false when it only tells (a balance). Left out, the labels leading here decide. "
                         "Rule P407 asks for a recap before such a task ends the call."),
        "confirmation": Field("str", "The written confirmation the caller gets of what was done.",
                              choices=("sms", "email", "voice", "none")),
    },
    NodeType.TRANSFER: {
        "number": Field("str", "The number the call is transferred to."),
        "human": Field("maybe", "True when a person answers the transferred call; `unknown` when the file "
                       "cannot show who answers (an imported hand-off to another flow or to a number of "
                       "unknown owner): then it counts neither as a person nor as proof that none answers, "
                       "and no rule claims \"no person\" while it is reachable."),
        **HOURS_FIELDS,
        **PERSON_FIELDS,
    },
    NodeType.HANGUP: {},
    NodeType.BRANCH: {
        "on": Field("str", "What the branch decides on.", required=True, choices=("hours", "language", "data")),
        "hours": Field("str", "With `on: hours`, the schedule to test."),
        "cases": Field("cases", "Value -> target; with `on: hours` the values are `open` and `closed`.", required=True),
        "default": Field("target", "Where the call goes when no case matches."),
    },
}

OPTION_FIELDS = {
    "label": Field("str", "The option's short name, as callers hear it."),
    "goto": Field("target", "Where the option leads.", required=True),
    "say": Field("strings", "Speech phrases that choose this option."),
    "weight": Field("number", "Share of callers who choose this option (0-1), from call-reason data.",
                    minimum=0, maximum=1),
    "ignore": Field("keys", "Rule codes silenced for this option."),
    "collects": Field("str", "What the caller gives by choosing this option, e.g. a speech option that "
                      "captures the reason for calling (`reason`): rule H208 follows it."),
    "language": Field("str", "The language this option switches the call to (`sv` for \"På svenska, "
                      "tryck 9\"): rules L305 and L306 check where and how it is offered."),
    "contract_matter": Field("bool", "True when the option concerns a contract the caller already has "
                             "(cancel, complain, an invoice): rule H213 checks what such a call costs."),
}

TARIFF_FIELDS = {
    "per_minute": Field("number", "What a minute of a call to the line costs the caller.", required=True,
                        minimum=0, maximum=1000),
    "currency": Field("str", "The currency of the prices (`EUR` when left out)."),
    "charged_while_queueing": Field("bool", "Whether the minutes waiting for a person are charged "
                                    "(true when left out)."),
    "basic_rate": Field("number", "What a minute of an ordinary call (a geographic or mobile number) costs; "
                        "0 when left out.", minimum=0, maximum=1000),
}

LINE_FIELDS = {
    "number": Field("str", "The phone number callers dial, as published."),
    "country": Field("str", "The country the line serves, as an ISO 3166 code (`ES`, `FI`, `US`)."),
    "consumers": Field("bool", "True when consumers call the line (customer service): the rules of the "
                       "consumer-law profiles apply."),
    "tariff": Field("tariff", "What the caller pays a minute."),
    "answer_target_seconds": Field("number", "The promised time to answer, in seconds (180 under Ley 10/2025).",
                                   minimum=0, maximum=86400),
    "text_alternative": Field("strings", "The non-voice ways to get the same information and tasks.",
                              choices=("sms", "chat", "rtt", "relay", "email", "web")),
}

EXTENSION_FIELDS = {
    "digits": Field("int", "How many digits an extension has.", required=True, minimum=1, maximum=32),
    "goto": Field("target", "Where the dialled extension is handled.", required=True),
    "label": Field("str", "What the option is called."),
}

DEFAULT_FIELDS = ERROR_HANDLING

TOP_FIELDS = {
    "name": Field("str", "The phone line's name, shown in reports and diagrams."),
    "language": Field("str", "Language of prompts and labels (`en`, `es`, `fi`, `sv`, ...): word lists and speaking "
                      "rate. Prompts in a language without word lists are timed but not judged (L307)."),
    "entry": Field("target", "The node a call starts at.", required=True),
    "defaults": Field("defaults", "Error handling applied to every menu and input unless it says otherwise."),
    "hours": Field("hours", "Named schedules: name -> {days: \"HH:MM-HH:MM\"}; days are mon ... sun, ranges "
                            "such as mon-fri, or holiday; a range whose end is before its start crosses midnight "
                            "(\"22:00-06:00\"), and 24:00 ends a day."),
    "nodes": Field("nodes", "Node id -> node.", required=True),
    "tasks": Field("tasks", "What callers come for and where they should land."),
    "line": Field("line", "The line as a service: number, country, tariff, answer target and non-voice "
                  "alternatives; read by the audit rules and what a call costs (docs/format.md)."),
}

TASK_FIELDS = {
    "say": Field("str", "What the caller wants, in their words.", required=True),
    "expect": Field("targets", "The node where this caller should end up, or a list of nodes that each do.",
                    required=True),
}


def all_node_fields() -> set[str]:
    """Every field name any node type accepts, for did-you-mean suggestions."""
    names = set(COMMON)
    for fields in NODE_FIELDS.values():
        names.update(fields)
    return names
