"""The MCP server over stdio, called by the SDK's own client: every tool, and the CLI's findings."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mcp", reason="the MCP server needs the mcp extra: pip install -e '.[mcp]'")

from mcp import Client, StdioServerParameters  # noqa: E402

MENUS = Path(__file__).resolve().parents[2] / "menus"


def cli(*args: str, cwd: Path) -> dict:
    out = subprocess.run([sys.executable, "-m", "ivrcheck", *args], capture_output=True, text=True, cwd=cwd)
    return json.loads(out.stdout)


def payload(result) -> dict:
    assert not result.is_error, result.content
    if result.structured_content is not None:
        return result.structured_content
    return json.loads(result.content[0].text)


def test_every_tool_over_stdio(tmp_path: Path) -> None:
    for name in ("bad-everything.ivr.yaml", "acme-bank.ivr.yaml", "wording-defects.ivr.yaml"):
        shutil.copy(MENUS / name, tmp_path / name)
    asyncio.run(_session(tmp_path))


async def _session(root: Path) -> None:
    params = StdioServerParameters(command=sys.executable, args=["-m", "ivrcheck", "mcp"], cwd=str(root))
    async with Client(params) as client:
        listed = {t.name for t in (await client.list_tools()).tools}
        assert {"check", "score", "tasks", "diff", "render", "explain_rule", "fix"} <= listed

        checked = payload(await client.call_tool("check", {"paths": ["."]}))
        assert checked["files"] == cli("check", "--format", "json", ".", cwd=root)["files"]
        assert any(f["code"] == "R501" and f["safe"] for f in checked["fixes"])

        text = (root / "acme-bank.ivr.yaml").read_text(encoding="utf-8")
        broken = text.replace("  on_timeout: repeat\n", "", 1)
        from_text = payload(await client.call_tool("check", {"text": broken, "filename": "draft.ivr.yaml"}))
        assert "R501" in {f["code"] for f in from_text["files"][0]["findings"]}

        scored = payload(await client.call_tool("score", {"path": "acme-bank.ivr.yaml"}))
        assert scored["files"][0]["score"] == cli("score", "--format", "json", "acme-bank.ivr.yaml",
                                                  cwd=root)["files"][0]["score"] == 100

        predicted = payload(await client.call_tool("tasks", {"path": "acme-bank.ivr.yaml"}))
        assert predicted == cli("tasks", "--format", "json", "acme-bank.ivr.yaml", cwd=root)

        (root / "draft.ivr.yaml").write_text(broken, encoding="utf-8")
        changed = payload(await client.call_tool("diff", {"old": "acme-bank.ivr.yaml", "new": "draft.ivr.yaml"}))
        assert changed == cli("diff", "acme-bank.ivr.yaml", "draft.ivr.yaml", "--format", "json", cwd=root)

        drawn = payload(await client.call_tool("render", {"path": "acme-bank.ivr.yaml", "format": "mmd"}))
        assert "flowchart TD" in drawn["diagram"] and "<b>main</b>" in drawn["diagram"]

        page = payload(await client.call_tool("explain_rule", {"code": "no-zero-out"}))
        assert "H203" in page["page"]

        fixed = payload(await client.call_tool("fix", {"path": "draft.ivr.yaml"}))
        assert fixed["applied"] and "R501" not in {f["code"] for f in fixed["files"][0]["findings"]}
        assert (root / "draft.ivr.yaml").read_text(encoding="utf-8").count("    on_timeout: repeat\n") >= 1

        failed = await client.call_tool("explain_rule", {"code": "Z999"})
        assert failed.is_error
        assert "Z999" in failed.content[0].text  # the reason, not only "Error executing tool"


def test_every_refusal_says_why_and_what_to_do(tmp_path: Path) -> None:
    """The blind tester's calls: `render` with a made-up state got no answer (crash tracebacks filled the
    unread stderr pipe); `diff` given menu texts and `render` with format pdf said only "Error executing tool"."""
    shutil.copy(MENUS / "acme-bank.ivr.yaml", tmp_path / "acme-bank.ivr.yaml")
    asyncio.run(_refusals(tmp_path))


async def _refusals(root: Path) -> None:
    text = (root / "acme-bank.ivr.yaml").read_text(encoding="utf-8")
    calls = [
        ("render", {"path": "acme-bank.ivr.yaml", "format": "svg", "state": "holiday"}, "'open' or 'closed'"),
        ("render", {"text": text, "format": "pdf"}, "'mmd', 'dot' or 'svg'"),
        ("render", {"text": text, "format": "../../x"}, "'mmd', 'dot' or 'svg'"),
        ("diff", {"old": text, "new": text}, "write each version to a file"),
        ("diff", {"old": "acme-bank.ivr.yaml", "new": "gone.ivr.yaml"}, "gone.ivr.yaml: no such file"),
        ("score", {"path": "."}, "a folder"),
        ("score", {"path": text}, "pass it as `text` instead"),
        ("tasks", {"path": "x" * 5000}, "looks like a menu's text"),
        ("tasks", {"path": "x" * 300}, "not a usable path"),  # a name longer than the system allows
        ("tasks", {"path": "a\0b"}, "no such file"),
        ("check", {"paths": ["nowhere"]}, "no such file or folder"),
        ("render", {"path": "acme-bank.ivr.yaml", "state": "closed"}, "has no"),  # RenderError: exit 2 in the CLI
    ] * 4  # more than a pipe's worth of the old tracebacks: each answer must still come
    params = StdioServerParameters(command=sys.executable, args=["-m", "ivrcheck", "mcp"], cwd=str(root))
    async with Client(params) as client:
        for name, arguments, says in calls:
            result = await asyncio.wait_for(client.call_tool(name, arguments), 30)
            assert result.is_error and says in result.content[0].text, (name, result.content)
        drawn = payload(await client.call_tool("render", {"path": "acme-bank.ivr.yaml", "state": "open"}))
        assert "flowchart TD" in drawn["diagram"]  # near miss: the values it allows still work
    assert sorted(p.name for p in root.iterdir()) == ["acme-bank.ivr.yaml"]  # nothing written anywhere


def test_a_crash_in_a_tool_is_named_as_ivrchecks_bug(monkeypatch) -> None:
    from mcp.server.mcpserver.exceptions import ToolError

    from ivrcheck.mcp import server, tools

    def broken(*args, **kwargs):
        raise KeyError("files")

    monkeypatch.delenv("IVRCHECK_DEBUG", raising=False)
    monkeypatch.setattr(tools, "score", broken)
    with pytest.raises(ToolError, match=r"KeyError: 'files' \(in .*\); this is a bug in ivrcheck"):
        server.score(path="x.ivr.yaml")
