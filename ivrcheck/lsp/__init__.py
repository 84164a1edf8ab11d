"""The language server (`ivrcheck server`): the engine's findings, caller facts and fixes in the editor as you type.

Needs the `lsp` extra (pygls 2); the rest of ivrcheck never imports this package.
"""
