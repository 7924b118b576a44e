"""Loads ``grammars/*.lark`` and builds the Lark parsers, once, lazily.

The grammar files live in the repository's top-level ``grammars/`` folder. A wheel carries them
inside the package (``policy_parser/grammars``, through hatchling's ``force-include``); an
editable install does not, so the loader falls back to the repository folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from lark import Lark, Token
from lark.common import LexerConf
from lark.lexer import Lexer

__all__ = ["grammar_text", "marker_patterns", "structure_parser", "token_parser"]


def grammar_text(name: str) -> str:
    """Return the text of ``grammars/<name>``, from the installed package or the repository."""
    packaged = resources.files("policy_parser").joinpath("grammars", name)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    repo = Path(__file__).resolve().parent.parent / "grammars" / name
    return repo.read_text(encoding="utf-8")


@cache
def marker_patterns() -> dict[str, str]:
    """Return the marker terminals of ``markers.lark`` as ``{name: regular expression}``.

    Lark reads the grammar (templates, literals, imports) and gives each terminal as one
    regular expression; the lexer joins them into a single pattern.
    """
    parser = Lark(grammar_text("markers.lark"), parser="lalr")
    return {t.name: t.pattern.to_regexp() for t in parser.terminals if not t.name.startswith("_")}


class _TokenStream(Lexer):
    """Feeds tokens the Python lexer already made to the LALR parser (``%declare``d tokens)."""

    def __init__(self, lexer_conf: LexerConf) -> None:
        pass

    def lex(self, data: Any) -> Iterator[Token]:  # type: ignore[override]
        """Yield the tokens given to ``parse``: the old custom-lexer interface of lark."""
        yield from data


@cache
def token_parser(name: str) -> Lark:
    """Return the cached LALR parser for ``grammars/<name>``, fed with ready-made tokens.

    ``structure.lark`` (classified lines) and ``annotation.lark`` (name tokens) ``%declare``
    their tokens; ``parse`` takes a list of :class:`lark.Token`.
    """
    return Lark(grammar_text(name), parser="lalr", lexer=_TokenStream)


def structure_parser() -> Lark:
    """Return the cached LALR parser for ``structure.lark``, fed by the classified lines."""
    return token_parser("structure.lark")
