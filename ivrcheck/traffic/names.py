"""Which node of the design a log's name means: ids, platform spellings, queues and dialplan places.

Logs name places in their platform's words: a Connect block identifier (a UUID the importer
shortened), an Asterisk context and extension, a FreeSWITCH menu, a Studio widget, a queue.
The importers built node ids from the same names, so the same rules read them back here.
"""

from __future__ import annotations

import re

from ivrcheck.model import Menu, NodeType

_FOLD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """A name as a lookup key: lower-case, every run of other characters one `_`.

    Not `importers.common.slug`, which makes ids (it keeps letters of any script and `-`, shortens
    a UUID to its first block and caps the length): this fold is looser on purpose, so a log's
    spelling (`Main Menu`, `main-menu`) meets an id written by hand (`main_menu`) or by an importer.
    """
    return _FOLD.sub("_", text.lower()).strip("_")


class Names:
    """Looks names up once each and remembers the answer (a log repeats a few names millions of times)."""

    def __init__(self, menu: Menu) -> None:
        self.menu = menu
        self.known: dict[str, str | None] = {}
        self._index: dict[str, str] = {}
        for node_id, node in reversed(list(menu.nodes.items())):  # the first node of a file wins a shared name
            self._index[fold(node_id)] = node_id
            if node.queue and node.type is NodeType.AGENT:
                self._index[f"queue:{fold(node.queue)}"] = node_id
            parts = node_id.split(",")
            if len(parts) == 3:  # an Asterisk context,extension,priority: the extension's first node
                self._index[fold(f"{parts[0]},{parts[1]}")] = node_id
            if "_" in node_id and re.fullmatch(r"[0-9a-f]{8}", node_id.rsplit("_", 1)[1]):
                self._index[f"uuid:{node_id.rsplit('_', 1)[1]}"] = node_id  # a Connect UUID block, shortened
        for node_id in menu.nodes:
            self._index.setdefault(fold(node_id), node_id)

    def node(self, name: str) -> str | None:
        """The node id a log name means, or None when the design has no such place."""
        found = self.known.get(name, "")
        if found != "":
            return found
        found = self._lookup(name)
        self.known[name] = found
        return found

    def _lookup(self, name: str) -> str | None:
        if name in self.menu.nodes:
            return name
        if len(name) == 36 and name.count("-") == 4:
            return self._index.get(f"uuid:{name[:8].lower()}") or self._index.get(fold(name))
        if name.startswith("queue:"):
            return self._index.get(f"queue:{fold(name[6:])}")
        # The importers spell a `#` key "hash" in ids (a `#` marks another file): Asterisk's `#` extension.
        return self._index.get(fold(name.replace("#", "hash")))
