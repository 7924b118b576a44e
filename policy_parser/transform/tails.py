"""Paragraphs after a list's last item that are not that item's: its parent's, or the close.

``（四）纳税人申请退税。`` ⏎ ``纳税人申请退税，应当…`` continues the article above the list;
``本通知自印发之日起施行。`` after the last item closes the document.
"""

from __future__ import annotations

import regex

from policy_parser.lex import Segment
from policy_parser.models import MarkerKind
from policy_parser.normalize import TrackedText
from policy_parser.run_in import run_together as _run_in
from policy_parser.transform.headings import Reading, Tier, first_sentence_end, read_marker_line
from policy_parser.transform.nodes import Node

__all__ = ["closing_paragraphs", "run_together", "trailing_to_parent"]


def _reading(body: TrackedText, node: Node, more: bool = False) -> Reading:
    """Read a node's marker line alone, without its later paragraphs (``more``: as if some).

    The plain reading is kept on the node with the line (``Node.alone``): drafts asks again.
    """
    if node.alone is not None and not more:
        return node.alone[1]
    marker = node.marker.marker
    assert marker is not None
    rest = body.strip_slice(marker.end, node.marker.end)
    reading = read_marker_line(marker.kind, rest, [], more or bool(node.children))
    if not more:
        node.alone = rest, reading
    return reading


# Read per list from a module constant: an enum member looked up on its class costs a call.
_ARTICLE = MarkerKind.ARTICLE


def run_together(nodes: list[Node], body: TrackedText) -> bool:
    """Whether most items of a group go on a line already begun: a document run into one line.

    ``二、重点任务引导企业…。三、保障措施…``: its titles are glued to their text
    (:func:`policy_parser.run_in.run_together`, which render asks too).
    """
    starts: list[int] = []
    for node in nodes:
        marker = node.marker.marker
        assert marker is not None  # a group's items are sections: each has its marker
        starts.append(marker.start)
    return _run_in(starts, body.text)


def _ends_list_item(body: TrackedText, node: Node) -> bool:
    """Tell whether a node is one list item ending with ；: （一）违反…颁发电力业务许可证的；."""
    return not node.children and body.text[node.marker.start : node.marker.end].rstrip().endswith(
        ("；", ";")
    )


def trailing_to_parent(nodes: list[Node], body: TrackedText) -> list[Segment]:
    """Detach and return the paragraphs after the last item of a list that belong to its parent.

    ``第二十五条 …：（一）…；（四）纳税人申请退税。`` followed by ``纳税人申请退税，应当…``: when no
    other item of the group runs over several paragraphs, the paragraphs after the last item
    continue the parent (or close the document).
    """
    if len(nodes) < 2:
        return []
    last = nodes[-1]
    assert last.marker.marker is not None
    if last.marker.marker.kind is _ARTICLE:
        return []  # an article's later paragraphs are its own 款
    if last.children or any(n.texts for n in nodes[:-1]):
        return []
    # Only where the items read as a list, or the last one is a bare title: after titled items
    # with content (（二）夯实…责任。科学技术行政部门要…) a further paragraph is still the item's.
    titled = any(_reading(body, n).heading is not None for n in nodes[:-1])
    if titled and (_reading(body, last).clear or _heads_its_text(body, last)):
        # Among titled siblings a title over paragraphs keeps them, even where the siblings
        # hold only children: 一、总体要求 ⏎ （一）… ⏎ 三、保障措施 ⏎ 加强组织领导。
        return []
    if (
        not last.texts
        and all(_ends_list_item(body, n) for n in nodes[:-1])
        and run_together(nodes, body)
    ):
        # Run-together statute: …；(四)利用职务便利谋取不正当利益的。电力监管机构从事… — the
        # last item ends at its first full stop; the next paragraph of the article follows.
        # Where each item has a line of its own, what follows on the last item's line is its
        # own: （二）…的，由其分摊。可以约定分摊。 ⏎ 第二十三条…
        line = body.text[last.marker.start : last.marker.end]
        stop = first_sentence_end(line)
        if stop is not None and line[stop + 1 :].strip():
            cut = last.marker.start + stop + 1
            last.marker = Segment(last.marker.start, cut, last.marker.marker, last.marker.level)
            last.alone = None  # read before the cut
            return [Segment(cut, cut + len(line) - stop - 1)]
    tail, last.texts = last.texts, []
    return tail


# The document speaking of itself or to its readers after the last item: 本通知自印发之日起施行,
# 本办法由市医保局负责解释, 请各有关单位结合实际…, 特此通知.
_CLOSING_WORDS = regex.compile(
    r"本(?:通知|意见|办法|方案|实施方案|规定|细则|决定|公告|通告|措施|预案|规划|计划|指引|指南)"
    r"(?:自|由|从|有效期|未尽|所称|执行中|印发|发布)|请各|请你|特此"
)
# The formula that ends a notice, never a section's text: 特此通知。
_FORMULA = regex.compile(r"特此")


def closing_paragraphs(nodes: list[Node], body: TrackedText) -> list[Segment]:
    """Detach and return the closing paragraphs written after the last item of a document.

    They stand as paragraphs of their own after the deepest last section; an article's later
    paragraphs are its 款 and stay.
    """
    node = nodes[-1] if nodes else None
    while node is not None and node.children:
        node = node.children[-1]
    if node is None or node.marker.marker is None:
        return []
    if node.marker.marker.kind is MarkerKind.ARTICLE:
        return []
    # A title whose own text opens with the document speaking of itself is a 附则: its
    # paragraphs are its text (五、附则 ⏎ 本办法由市局负责解释。 ⏎ 本办法自…起施行。), formulas
    # aside. After substance paragraphs the same words close the document.
    own = (
        bool(node.texts)
        and _CLOSING_WORDS.match(body.text, node.texts[0].start) is not None
        and _heads_its_text(body, node)
    )
    for i, seg in enumerate(node.texts):
        words = _FORMULA if own else _CLOSING_WORDS
        if words.match(body.text, seg.start):
            tail, node.texts = node.texts[i:], node.texts[:i]
            return tail
    return []


def _heads_its_text(body: TrackedText, node: Node) -> bool:
    """Whether a node's marker line is only a title: ``## 二``, ``五、附则``."""
    assert node.marker.marker is not None
    if not body.text[node.marker.marker.end : node.marker.end].strip():
        return True  # ## 二 ⏎ 本通知自发布之日起施行。: the item's only text is its own
    return _reading(body, node, more=True).tier is Tier.TITLE
