"""Loads ``grammars/*.lark`` and builds the Lark parsers, once, lazily.

The grammar files live in the repository's top-level ``grammars/`` folder. A wheel carries them
inside the package (``policy_parser/grammars``, through hatchling's ``force-include``); an
editable install does not, so the loader falls back to the repository folder.

:func:`structure_lark` is the one Lark object that reads a document body: lark's basic lexer
over the terminals of ``markers.lark``, the :class:`~policy_parser.lex.MarkerPostLex`, and the
LALR parser of ``structure.lark``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from lark import Lark, Token, Transformer
from lark.common import LexerConf
from lark.lark import PostLex
from lark.lexer import Lexer

from policy_parser.lex import LexDiagnostic, MarkerPostLex, MarkerToken, Segment
from policy_parser.lex.postlex import ALWAYS_ACCEPT

__all__ = ["Lexed", "grammar_text", "lex", "marker_tokens", "structure_lark", "token_parser"]


def grammar_text(name: str) -> str:
    """Return the text of ``grammars/<name>``, from the installed package or the repository."""
    packaged = resources.files("policy_parser").joinpath("grammars", name)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    repo = Path(__file__).resolve().parent.parent / "grammars" / name
    return repo.read_text(encoding="utf-8")


def _import_source(base_path: str | None, grammar_path: str) -> tuple[str, str]:
    """Resolve a grammar's ``%import`` (``%import markers (…)``) through :func:`grammar_text`."""
    return grammar_path, grammar_text(grammar_path)


@cache
def structure_lark(transformer: type[Transformer[Token, Any]] | None = None) -> Lark:
    """Return the cached Lark object that turns a document body into its section tree.

    Text → lark's basic lexer (``markers.lark``: marker candidates and ``PLAIN`` text) →
    :class:`~policy_parser.lex.MarkerPostLex` (numbering continuity, levels, ``_OPEN`` /
    ``_CLOSE``) → LALR parser (``structure.lark``).

    Args:
        transformer: A :class:`lark.Transformer` with one method per rule of
            ``structure.lark``. Given, lark runs it inside the LALR parser (its tree-less
            mode: each rule's method gets the rule's children as it is reduced) and
            ``parse(text)`` returns what ``start`` returns; the pipeline passes
            ``transform.nodes.NodeBuilder`` (``api.py``), which spares building a tree only to
            walk it once. Without one, ``parse(text)`` returns the tree, each node's ``meta``
            spanning its source (``propagate_positions``), for looking at how a body nests.
    """
    if transformer is not None:
        return Lark(
            grammar_text("structure.lark"),
            parser="lalr",
            lexer="basic",
            postlex=MarkerPostLex(),
            transformer=transformer(),
            import_paths=[_import_source],
        )
    return Lark(
        grammar_text("structure.lark"),
        parser="lalr",
        lexer="basic",
        postlex=MarkerPostLex(),
        propagate_positions=True,
        import_paths=[_import_source],
    )


class _AsLexed(PostLex):
    """A PostLex that hands lark's lexer tokens on unchanged (for :func:`marker_tokens`)."""

    always_accept = ALWAYS_ACCEPT

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        """Yield the lexer's tokens as they come."""
        return stream


@cache
def _lexer_only() -> Lark:
    return Lark(
        grammar_text("structure.lark"),
        parser="lalr",
        lexer="basic",
        postlex=_AsLexed(),
        import_paths=[_import_source],
    )


def marker_tokens(text: str) -> Iterator[Token]:
    """Yield the tokens lark's basic lexer cuts ``text`` into, before the PostLex reads them.

    Marker candidates (``CN_COMMA``, ``ARTICLE`` …) and ``PLAIN`` text, positioned. Made-up
    example: ``一、统一、开放`` gives ``CN_COMMA PLAIN CN_COMMA PLAIN``; the PostLex later keeps
    the first as a marker and reads the second (``一、`` of 统一、) as text.
    """
    return _lexer_only().lex(text)


@dataclass(frozen=True, slots=True)
class Lexed:
    """A body lexed without parsing: its segments in order, and what looked wrong."""

    text: str
    segments: tuple[Segment, ...]
    diagnostics: tuple[LexDiagnostic, ...]


def lex(text: str) -> Lexed:
    """Run the lexer and the PostLex of :func:`structure_lark` on ``text``, without parsing.

    For tests and for looking at how a body was read: the segments carry their markers and
    levels.
    """
    segments: list[Segment] = []
    notes: list[LexDiagnostic] = []
    for token in structure_lark().lex(text):
        if isinstance(token, MarkerToken):
            segments.append(token.segment)
        elif token.type == "TEXT":
            assert token.start_pos is not None and token.end_pos is not None
            segments.append(Segment(token.start_pos, token.end_pos))
        elif token.type == "NOTE":
            notes.append(token.value)
    return Lexed(text, tuple(segments), tuple(notes))


class _TokenStream(Lexer):
    """Feeds tokens a stage already made to the LALR parser (``%declare``d tokens)."""

    def __init__(self, lexer_conf: LexerConf) -> None:
        pass

    def lex(self, data: Any) -> Iterator[Token]:  # type: ignore[override]
        """Yield the tokens given to ``parse``: the old custom-lexer interface of lark."""
        yield from data


@cache
def token_parser(name: str) -> Lark:
    """Return the cached LALR parser for ``grammars/<name>``, fed with ready-made tokens.

    ``annotation.lark`` (name tokens, cut by ``bodies.py``) ``%declare``s its tokens;
    ``parse`` takes a list of :class:`lark.Token`.
    """
    return Lark(grammar_text(name), parser="lalr", lexer=_TokenStream)
