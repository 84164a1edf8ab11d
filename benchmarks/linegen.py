"""Realistic generated phone lines for the render benchmark and the diagram tests.

`realistic_line(nodes)` writes a menu file of exactly `nodes` nodes shaped like a real
customer line: a main menu of 4-5 topics, submenus of 3-5 tasks each two or three levels
deep, and in every menu `0` for an advisor, `*` to repeat and `#` for the main menu. Tasks
end in messages (some then go back to their menu), digit inputs followed by self-service,
specialist queues with opening hours (voicemail outside them), and callbacks. The same
size and seed always give the same text.

`realistic_line(nodes, task_every=60)` also lists one task (`tasks:`) per 60 nodes, for the
tree test and the caller metrics: each `say:`s a real label of the line in a caller's words
and `expect:`s the node that label leads to; one in five says a sibling's label instead (a
caller who will go astray), one in six also accepts the advisor. The line itself is the
same text with or without tasks.

`repository(folder, lines)` writes a repository of many such lines, as a company keeps one
line per brand, region or service (for the cache benchmark and its tests).
"""

from __future__ import annotations

import random
from pathlib import Path

TOPICS = ["Billing", "Payments", "Cards", "Loans", "Orders", "Deliveries", "Returns", "Accounts", "Insurance",
          "Claims", "Appointments", "Prescriptions", "Results", "Repairs", "Meter readings", "Moving home",
          "Contracts", "Roaming", "Broadband", "Invoices", "Refunds", "Passwords", "Travel", "Savings",
          "Pensions", "Mortgages", "Tariffs", "Outages", "Complaints", "Bookings"]
TASKS = ["Check a balance", "Report a problem", "Change details", "Make a payment", "Track a request",
         "Cancel a service", "Ask about fees", "Update an address", "Get a copy", "Book a visit",
         "Renew a plan", "Hear opening times", "Confirm a date", "Dispute a charge", "Order a new one"]
LEAVES = ("message", "message_back", "input", "queue", "callback", "self_service")


def realistic_line(nodes: int, seed: int = 7, task_every: int | None = None) -> str:
    """A menu file with exactly `nodes` nodes (at least 8); with `task_every`, one task per that many nodes."""
    if nodes < 8:
        raise ValueError("a realistic line needs at least 8 nodes")
    rng = random.Random(seed)
    out = ["name: Generated customer line", "language: en", "entry: welcome",
           "defaults: {timeout: 5, retries: 3, on_timeout: repeat, on_invalid: repeat, after_retries: advisor}",
           'hours:\n  office: {mon-fri: "08:00-18:00", sat: "09:00-13:00"}', "nodes:",
           "  welcome: {type: message, prompt: Thank you for calling. Calls are recorded for training., next: main}",
           "  advisor: {type: agent, queue: general, hours: office, closed: voicemail, announces_wait: true}",
           "  voicemail: {type: voicemail, confirmation: sms, promise: by noon the next working day}"]
    budget = nodes - 4  # nodes still to make besides welcome, advisor, voicemail and main
    menus = [("main", 0)]  # (id, depth), expanded breadth-first
    topics = rng.sample(TOPICS, len(TOPICS))
    tasks = [task for task in rng.sample(TASKS, len(TASKS))]
    tasks += [f"{task} for {topic.lower()}" for topic in topics for task in rng.sample(TASKS, len(TASKS))]
    index = 0
    ends: list[tuple[str, str, list[str]]] = []  # (node a task may expect, its label, its siblings' labels)
    while index < len(menus):
        menu_id, depth = menus[index]
        index += 1
        waiting = len(menus) - index  # each menu still to expand keeps three nodes for its tasks
        free = budget - 3 * waiting
        width = min(rng.randint(4, 5) if depth == 0 else rng.randint(3, 5), free)
        if not waiting and free - width in (1, 2):
            width = free if free <= 5 else free - 3  # leave room for one more menu, or use it all
        budget -= width
        options = []
        for key in range(1, width + 1):
            # Labels are unique across the line, as a well-made line's are (no L303 noise).
            name = topics.pop() if depth == 0 and topics else tasks.pop(0) if tasks else f"Service {index}-{key}"
            child = f"{menu_id}_{key}" if menu_id != "main" else f"m{key}"
            spare = budget - 3 * (len(menus) - index)
            # Early menus open submenus while the budget allows; deeper ones mostly end in tasks.
            # The last slot of the last menu opens one more when nodes are left, so the size is exact.
            last = key == width and index == len(menus)
            chance = 1.0 if depth == 0 else 0.5 if depth == 1 else 0.3
            if spare >= 3 and (last or rng.random() < chance):
                menus.append((child, depth + 1))
                kind = "menu"
            else:
                kind = rng.choice(LEAVES)
                if kind == "input":  # an input and the self-service after it: two nodes
                    if spare >= 1 and (index < len(menus) or spare - 1 not in (1, 2)):
                        budget -= 1
                    else:
                        kind = "message"
            options.append((key, name, child, kind))
        prompt = " ".join(f"{'For' if depth == 0 else 'To'} {label[0].lower() + label[1:]}, press {key}."
                          for key, label, _, _ in options)
        extra = "" if menu_id == "main" else " For the main menu, press hash."
        out += [f"  {menu_id}:", f"    prompt: {prompt} To speak to an advisor, press 0. To hear this again, "
                f"press star.{extra}", "    options:"]
        out += [f'      "{key}": {{label: {label}, goto: {child}}}' for key, label, child, _ in options]
        out += ['      "0": {label: Advisor, goto: advisor}', '      "*": {label: Repeat, goto: repeat}']
        if menu_id != "main":
            out.append('      "#": {label: Main menu, goto: main}')
        for key, label, child, kind in options:
            if kind != "menu":
                out += _leaf(child, kind, menu_id, label, rng)
                ends.append((f"{child}_done" if kind == "input" else child, label,
                             [other for _, other, _, _ in options if other != label]))
    if task_every:
        out += _tasks(ends, max(1, nodes // task_every), random.Random(seed * 7919 + 1))
    return "\n".join(out) + "\n"


def repository(folder: Path, lines: int, nodes: tuple[int, int] = (20, 60)) -> list[Path]:
    """Write `lines` realistic lines of `nodes[0]`-`nodes[1]` nodes, ten to a folder; the same call writes the same files."""
    sizes = random.Random(lines)
    written = []
    for number in range(lines):
        path = folder / f"region-{number // 10:03d}" / f"line-{number:04d}.ivr.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(realistic_line(sizes.randint(*nodes), seed=number), encoding="utf-8")
        written.append(path)
    return written


def _tasks(ends: list[tuple[str, str, list[str]]], count: int, rng: random.Random) -> list[str]:
    """`count` tasks in a caller's words, each expecting a real node (separate randomness: the line stays the same)."""
    out = ["tasks:"]
    for number, (node_id, label, siblings) in enumerate(rng.sample(ends, min(count, len(ends)))):
        words = rng.choice(siblings) if number % 5 == 4 and siblings else label
        expect = f"[{node_id}, advisor]" if number % 6 == 5 else node_id
        out += [f"  - say: I would like to {words[0].lower() + words[1:]}", f"    expect: {expect}"]
    return out


def _leaf(node_id: str, kind: str, parent: str, label: str, rng: random.Random) -> list[str]:
    topic = label.lower()
    if kind == "message":
        return [f"  {node_id}: {{type: message, prompt: Here is what you need to know about {topic}., next: advisor}}"]
    if kind == "message_back":
        return [f"  {node_id}: {{type: message, prompt: We have sent you a text about {topic}., next: {parent}}}"]
    if kind == "queue":
        queue = topic.replace(" ", "_")
        return [f"  {node_id}: {{type: agent, queue: {queue}, hours: office, closed: voicemail, announces_wait: true}}"]
    if kind == "callback":
        return [f"  {node_id}: {{type: callback, confirmation: sms, promise: within two hours}}"]
    if kind == "self_service":
        return [f"  {node_id}: {{type: self_service, next: {parent}}}"]
    digits = rng.choice((6, 8, 10))
    return [f"  {node_id}:", "    type: input",
            f"    prompt: Please enter your {digits} digit reference number, then press hash.",
            f"    digits: {digits}", f"    next: {node_id}_done",
            f"  {node_id}_done: {{type: self_service, next: {parent}}}"]
