"""The MCP server (`ivrcheck mcp`): the same engine as a set of tools for AI assistants that write menus.

Needs the `mcp` extra; the rest of ivrcheck never imports this package.
"""
