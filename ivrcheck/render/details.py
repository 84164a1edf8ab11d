"""What a box tells on hover and where it links: the prompt, queue, hours and findings; the file line."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Sequence
from urllib.parse import quote, urljoin, urlsplit

from ivrcheck.findings import Finding
from ivrcheck.model import Menu, Node
from ivrcheck.render.boxes import RenderError

MARKS = {"error": "✖", "warning": "▲", "info": "●"}
#: Tooltips longer than this are cut: a browser shows them as one unscrollable bubble.
TOOLTIP_CHARS = 700


def tooltip(node_id: str, node: Node | None, findings: Sequence[Finding], menu: Menu | None = None) -> str:
    """Plain text for a node's tooltip: what the caller hears, who answers, when, and what is wrong."""
    if node is None:
        lines = [f"{node_id} (in another file)"]
    else:
        lines = [f"{node_id} ({node.type.value.replace('_', '-')})"]
        if node.prompt:
            lines.append(f"{'Message' if node.type.value == 'message' else 'Prompt'}: {' '.join(node.prompt.split())}")
        if node.queue:
            lines.append(f"Queue: {node.queue}")
        if node.hours:
            schedule = (menu.hours.get(node.hours) if menu else None) or {}
            times = ", ".join(f"{days} {span}" for days, span in schedule.items())
            lines.append(f"Hours: {node.hours}" + (f" ({times})" if times else ""))
            if node.closed is not None:
                lines.append(f"Outside hours: {node.closed.ref}")
    for finding in findings:
        lines.append(f"{MARKS.get(finding.severity.value, '')} {finding.code} {finding.message}")
    text = "\n".join(lines)
    return text if len(text) <= TOOLTIP_CHARS else text[: TOOLTIP_CHARS - 1] + "…"


def _scheme(url: str) -> str | None:
    """The URL's scheme, or None when it is no URL at all (`http://[::1` has an unclosed IPv6 host)."""
    try:
        return urlsplit(url).scheme.lower()
    except ValueError:
        return None


class Linker:
    """Links a node to its line in the file, under `--link-base`.

    A base ending in `/` is a folder URL that the file's path is appended to
    (`https://github.com/o/r/blob/main/`); any other base is the URL of the file itself, and
    nodes merged in from other files of the line resolve against it.
    """

    def __init__(self, base: str | None, path: str) -> None:
        if base is not None and _scheme(base) not in ("http", "https", "file", ""):
            raise RenderError(f'--link-base "{base}" is no web address; use an http(s) URL such as '
                              "https://github.com/OWNER/REPO/blob/main/")
        self.base = base
        self.path = _repository_path(path)

    def __call__(self, node: Node | None) -> str | None:
        if self.base is None or node is None:
            return None
        root_url = urljoin(self.base, _url_path(self.path)) if self.base.endswith("/") else self.base
        if node.source is not None:
            here = PurePosixPath(self.path.replace("\\", "/")).parent
            other = PurePosixPath(node.source.replace("\\", "/"))
            try:
                relative = other.relative_to(here)
            except ValueError:
                relative = other
            root_url = urljoin(root_url, _url_path(str(relative)))
        return f"{_safe_url(root_url)}#L{node.span.line}"


def _repository_path(path: str) -> str:
    """A file's path from the root of its repository (the folder with `.git`) when it is absolute,
    since a link base names a place in the repository; relative paths are taken as they are."""
    file = Path(path)
    if not file.is_absolute():
        return path
    for folder in file.parents:
        if (folder / ".git").exists():
            return file.relative_to(folder).as_posix()
    return file.name


def _safe_url(url: str) -> str:
    """The URL with every character that could end an attribute or start markup percent-encoded:
    Graphviz copies links into SVG attributes as they are."""
    return quote(url, safe="/:?=@!$'()*+,;%~#[]")


def _url_path(path: str) -> str:
    return quote(path.replace("\\", "/"), safe="/")
