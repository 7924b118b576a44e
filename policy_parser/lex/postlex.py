"""The lark ``PostLex`` between the marker lexer and the structure parser.

lark's basic lexer hands over the body cut into the terminals of ``grammars/markers.lark``:
marker candidates (``CN_COMMA``, ``ARTICLE`` …, each a positioned :class:`lark.Token`) and
``PLAIN`` text. :class:`MarkerPostLex` turns them into the tokens ``grammars/structure.lark``
parses, as lark's ``Indenter`` turns indentation into INDENT/DEDENT:

1. **candidates** (``candidates.py``, ``quotes.py``, ``lookalikes.py``): each marker token
   read in its line; tokens inside a quotation that runs over lines (a 修改决定's new article
   text) and lookalikes its line shows (``第三条规定的``, ``（一）至（三）项``, ``1.5亿元``,
   ``“一、…”``) are dropped;
2. **selection** (``continuity.py``, ``later.py``, ``boxes.py``): numbering continuity decides
   which are markers and at what level, and a 专栏 box holds its items as text; it needs
   look-ahead (is a big jump the text's own numbering?), so the PostLex reads the whole body
   before it emits a token;
3. **levels** (``levels.py``): ``MARKER`` and ``TEXT`` tokens, ``_OPEN``/``_CLOSE`` at level
   changes, then one ``NOTE`` per numbering problem (a gap, a repeat, a skipped level).
"""

from __future__ import annotations

from collections.abc import Iterator

from lark import Token
from lark.lark import PostLex

from policy_parser.lex.boxes import box_starts
from policy_parser.lex.candidates import candidates
from policy_parser.lex.kinds import KIND_OF_TERMINAL
from policy_parser.lex.levels import nest, segments, select

__all__ = ["ALWAYS_ACCEPT", "MarkerPostLex"]

PLAIN = "PLAIN"
# The terminals this PostLex consumes: no rule of structure.lark names them, so lark would
# otherwise drop them from its lexer. A module constant, not only a class attribute, because a
# mypyc-compiled class does not hand its class attributes to other modules (docs/compiled.md).
ALWAYS_ACCEPT = (*KIND_OF_TERMINAL, PLAIN)


class MarkerPostLex(PostLex):
    """Marker candidates in, ``MARKER``/``TEXT``/``_OPEN``/``_CLOSE``/``NOTE`` out.

    It keeps no state between texts (one Lark object serves every parse): each call of
    :meth:`process` reads one body.

    Made-up example: ``一、甲`` ⏎ ``（一）乙`` ⏎ ``二、丙`` lexes to ``CN_COMMA PLAIN CN_PAREN PLAIN
    CN_COMMA PLAIN`` and comes out as ``MARKER _OPEN MARKER _CLOSE MARKER``.
    """

    always_accept = ALWAYS_ACCEPT

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        """Read the lexer's tokens for one body and yield the structure parser's."""
        text, markers = _read(stream)
        chosen, diagnostics = select(candidates(text, markers), box_starts(text))
        yield from nest(segments(text, chosen))
        for d in diagnostics:
            yield Token("NOTE", d, d.pos, None, None, None, None, d.pos)


def _read(stream: Iterator[Token]) -> tuple[str, list[Token]]:
    """Return the text the lexer's tokens spell and its marker tokens.

    A function of its own so that the ``PLAIN`` tokens are gone once the text is joined: a
    lark token costs some 250 bytes beside its characters, and a short text's tokens would
    otherwise stay alive through the whole parse.
    """
    # Whole-list steps (list(), a comprehension) rather than a loop of appends: two tokens a
    # line, and a plan of 10,000 one-line sections has 20,000.
    tokens: list[Token] = list(stream)
    markers = [token for token in tokens if token.type != PLAIN]
    return "".join(tokens), markers
