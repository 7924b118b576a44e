"""structure.lark writes its lists four items at a time: the same language and tree as plainly.

The file's comment gives the rules as plainly written (``section: MARKER TEXT* children?`` …);
these tests build a parser from those plain rules and check that the shipped layout gives the
same trees, for lists of every length around the step of four, and the same parse errors.
"""

from __future__ import annotations

from functools import cache
from itertools import product

import pytest
from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedInput

from policy_parser.grammar import _import_source, grammar_text, structure_lark
from policy_parser.lex.postlex import MarkerPostLex

_PLAIN_RULES = """
start: preamble section* notes
preamble: TEXT*
section: MARKER TEXT* children?
children: _OPEN section+ _CLOSE
notes: NOTE*
"""
_NUMERALS = "一二三四五六七八九十"


@cache
def _plain_lark() -> Lark:
    """A Lark object over the rules as plainly written, with the shipped header."""
    shipped = grammar_text("structure.lark")
    header = shipped[: shipped.index("%declare")]
    declare = shipped[shipped.index("%declare") :].split("\n", 1)[0]
    return Lark(
        f"{header}{declare}\n{_PLAIN_RULES}",
        parser="lalr",
        lexer="basic",
        postlex=MarkerPostLex(),
        propagate_positions=True,
        import_paths=[_import_source],
    )


def _shape(tree: Tree[object] | object) -> object:
    """The tree as nested tuples: rule names, token types and values, and spans."""
    if isinstance(tree, Tree):
        span = (tree.meta.start_pos, tree.meta.end_pos) if not tree.meta.empty else None
        return (tree.data, span, tuple(_shape(c) for c in tree.children))
    return (getattr(tree, "type", None), str(tree))


def _body(n: int) -> str:
    """``n`` preamble lines, then ``n`` top sections; the first with ``n`` lines and children."""
    lines = [f"前言{k}。" for k in range(n)]
    lines.append("一、总则")
    lines += [f"正文{k}。" for k in range(n)]
    lines += [f"（{_NUMERALS[k]}）细则{k}。" for k in range(n)]
    lines += [f"{_NUMERALS[k]}、章{k}" for k in range(1, n)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("n", range(1, 11))
def test_lists_of_any_length_give_the_plain_grammars_tree(n: int) -> None:
    text = _body(n)
    shipped = structure_lark().parse(text)
    assert _shape(shipped) == _shape(_plain_lark().parse(text))
    sections = [t for t in shipped.children if isinstance(t, Tree) and t.data == "section"]
    assert len(sections) == n  # the top level holds every section, none lost in a step
    first = sections[0]
    texts = [c for c in first.children if getattr(c, "type", None) == "TEXT"]
    children = [c for c in first.children if isinstance(c, Tree) and c.data == "children"]
    assert len(texts) == n and len(children) == 1 and len(children[0].children) == n


def test_a_body_without_sections_is_all_preamble() -> None:
    text = "甲。\n乙。\n丙。\n丁。\n戊。\n"
    tree = structure_lark().parse(text)
    assert _shape(tree) == _shape(_plain_lark().parse(text))
    assert len(tree.children[0].children) == 5


def _accepts(lark: Lark, types: tuple[str, ...]) -> bool:
    """Whether the LALR parser of ``lark`` accepts a stream of tokens of these types."""
    parser = lark.parse_interactive("")
    try:
        for k, kind in enumerate(types):
            parser.feed_token(Token(kind, "", k, 1, k + 1, 1, k + 1, k))
        parser.feed_eof()
    except UnexpectedInput:
        return False
    return True


def test_the_layout_accepts_exactly_the_plain_rules_token_streams() -> None:
    # Every stream of up to six tokens: the steps of four neither add nor lose a language.
    shipped, plain = structure_lark(), _plain_lark()
    kinds = ("MARKER", "TEXT", "_OPEN", "_CLOSE", "NOTE")
    accepted = 0
    for length in range(7):
        for types in product(kinds, repeat=length):
            verdict = _accepts(plain, types)
            assert _accepts(shipped, types) == verdict, types
            accepted += verdict
    assert accepted > 100  # the check saw streams it accepts, not only errors
