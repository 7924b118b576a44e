"""Render a random section tree as text, parse it back: the same tree comes out."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from hypothesis import given, settings
from hypothesis import strategies as st

import policy_parser as pp
from policy_parser.numerals import CIRCLED, from_int

_CIRCLED = {v: k for k, v in CIRCLED.items()}
# The GB/T 9704 order, then deeper styles; each renders number n as its marker.
STYLES = [
    lambda n: f"{from_int(n)}、",
    lambda n: f"（{from_int(n)}）",
    lambda n: f"{n}.",
    lambda n: f"（{n}）",
    lambda n: _CIRCLED[n],
]
WORDS = st.lists(st.sampled_from(["加强", "科普", "工作", "推进", "建设", "完善", "机制", "服务"]))
SENTENCE = WORDS.filter(bool).map(lambda ws: "".join(ws) + "。")


@dataclass
class Node:
    text: str
    children: list[Node] = field(default_factory=list)


def trees(depth: int) -> st.SearchStrategy[list[Node]]:
    child = trees(depth + 1) if depth + 1 < len(STYLES) else st.just([])
    node = st.builds(Node, SENTENCE, child)
    return st.lists(node, max_size=3 if depth else 4)


def render(nodes: list[Node], depth: int = 0) -> list[str]:
    lines: list[str] = []
    for n, node in enumerate(nodes, start=1):
        lines.append(STYLES[depth](n) + node.text)
        lines.extend(render(node.children, depth + 1))
    return lines


def expected(nodes: list[Node], depth: int = 0, prefix: str = "") -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    for n, node in enumerate(nodes, start=1):
        key = pp.models.path_key(STYLES[depth](n))
        path = f"{prefix}/{key}" if prefix else key
        out.append((path, n, depth + 1))
        out.extend(expected(node.children, depth + 1, path))
    return out


@settings(max_examples=100, deadline=None)
@given(trees(0))
def test_render_then_parse_gives_the_same_tree(nodes: list[Node]) -> None:
    text = "\n".join(["为推动工作，制定本方案。", *render(nodes)])
    doc = pp.parse(text)
    assert [(s.path, s.number, s.level) for s in doc.walk()] == expected(nodes)
    assert not [d for d in doc.diagnostics if d.severity is pp.Severity.ERROR]


@dataclass
class Item:
    text: str
    children: list[Item] = field(default_factory=list)
    after: str = ""  # a paragraph after the children, without a marker


def items(depth: int) -> st.SearchStrategy[list[Item]]:
    child = items(depth + 1) if depth + 1 < 3 else st.just([])
    paragraph = st.one_of(st.just(""), SENTENCE)
    # One or two sentences of one to three parts: a short first one may read as a run-in
    # title, or not, by what its siblings look like.
    part = WORDS.filter(bool).map("".join)
    sentence = st.lists(part, min_size=1, max_size=3).map(lambda ps: "，".join(ps) + "。")
    text = st.lists(sentence, min_size=1, max_size=2).map("".join)
    return st.lists(st.builds(Item, text, child, paragraph), max_size=3)


def render_items(nodes: list[Item], depth: int = 0) -> list[str]:
    lines: list[str] = []
    for n, node in enumerate(nodes, start=1):
        lines.append(STYLES[depth](n) + node.text)
        lines.extend(render_items(node.children, depth + 1))
        lines.extend([node.after] if node.after else [])
    return lines


_WORD_CHARS = set("".join(["加强", "科普", "工作", "推进", "建设", "完善", "机制", "服务"]))


def _counted(*texts: str | None) -> Counter[str]:
    return Counter(c for t in texts if t for c in t if c in _WORD_CHARS)


@settings(max_examples=300, deadline=None)
@given(items(0))
def test_no_text_is_lost(nodes: list[Item]) -> None:
    # Wherever a paragraph after a list lands (the last item, its parent, the closing), every
    # character of every sentence is in the result once: nothing dropped, nothing doubled.
    body = render_items(nodes)
    doc = pp.parse("\n".join(["为推动工作，制定本方案。", *body]))
    got = _counted(doc.preamble, doc.closing, *(f"{s.heading or ''}{s.text}" for s in doc.walk()))
    assert got == _counted("为推动工作，制定本方案。", *body)
