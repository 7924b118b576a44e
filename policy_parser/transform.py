"""Lark tree → :class:`~policy_parser.models.Section` models with spans.

The tree from ``grammars/structure.lark`` holds segment indexes (see ``lexer.py``). This stage
reads each section's marker line: a title line (``一、总体要求``), a run-in title
(``（一）强化科普经费投入。各区县要…``) or plain text (articles, list items), and collects the
section's own text without its children, as a :class:`TrackedText` so that clause and body
spans can still be mapped to the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cache
from typing import NamedTuple

import regex
from lark import Token, Transformer, Tree

from policy_parser.drafts import Draft
from policy_parser.lexer import Lexed, Segment
from policy_parser.models import MarkerKind, Span, path_key
from policy_parser.normalize import TrackedText
from policy_parser.table_header import TAB_HEADER
from policy_parser.tables import table_drafts
from policy_parser.wordlists import lexicon

__all__ = [
    "Node",
    "Reading",
    "Tier",
    "build_nodes",
    "closing_paragraphs",
    "read_marker_line",
    "to_drafts",
    "trailing_to_parent",
]

_STATUTE_TITLED = {MarkerKind.PART, MarkerKind.CHAPTER, MarkerKind.SECTION}
_LINE_END_PUNCT = tuple("。；;！？!?：:，,、")
_RUN_IN_MAX = 25  # a run-in title is short: （一）强化科普经费投入。
_RUN_IN_COMMA_MAX = 14  # …and if it has a comma, shorter still: （一）坚持深化改革，简政放权。
_TITLE_MAX = 80
# Plain patterns tried on most marker lines use the standard ``re``: several times faster per
# call than ``regex``, the same matches.
_DATE_START = re.compile(r"[0-9０-９]{4}年|[0-9０-９]{1,2}月")  # 2020年底前实现… is substance
# Two or more spaces after a title of at least two characters (not 总　　则).
_TITLE_GAP = regex.compile(r"(?<=^[^\s\u3000]{2,40})[\u3000 ]{2,}(?=\S)")
# Before a title gap: commas may join its phrases (严格依法保护环境，推动…), sentence ends not.
_GAP_TITLE_PUNCT = regex.compile(r"[。；;：:！？!?]|[，,、]$")
# A sentence that introduces a list or states a rule is not a title: 有下列行为之一的，…。
_NOT_A_TITLE = re.compile(r"[：:；;]|下列|如下|以下")
_TITLE_STOP_MAX = 30  # （一）统筹两个市场，打造加工制造中心。 above its own items


@dataclass(slots=True)
class Node:
    """A section while it is being built: its segments and children."""

    marker: Segment
    texts: list[Segment] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)

    def last_end(self) -> int:
        """Return the end offset of the last segment in this subtree."""
        if self.children:
            return self.children[-1].last_end()
        return self.texts[-1].end if self.texts else self.marker.end


class _ToNodes(Transformer[Token, object]):
    """Turns the parse tree into nodes; token values index ``Lexed.segments``."""

    def __init__(self, segments: tuple[Segment, ...]) -> None:
        super().__init__()
        self._segments = segments

    def _seg(self, token: Token) -> Segment:
        return self._segments[int(token.value)]

    def start(self, items: list[object]) -> tuple[list[Segment], list[Node]]:
        preamble = items[0]
        assert isinstance(preamble, list)
        return preamble, [n for n in items[1:] if isinstance(n, Node)]

    def preamble(self, items: list[Token]) -> list[Segment]:
        return [self._seg(t) for t in items]

    def section(self, items: list[object]) -> Node:
        head = items[0]
        assert isinstance(head, Token)
        node = Node(self._seg(head))
        for item in items[1:]:
            if isinstance(item, Token):
                node.texts.append(self._seg(item))
            elif isinstance(item, list):
                node.children = item
        return node

    def children(self, items: list[Node]) -> list[Node]:
        return list(items)


def build_nodes(tree: Tree[Token], lexed: Lexed) -> tuple[list[Segment], list[Node]]:
    """Return the preamble segments and the top-level nodes of ``tree``."""
    result = _ToNodes(lexed.segments).transform(tree)
    assert isinstance(result, tuple)
    return result


_SENTENCE_SCAN = regex.compile(r"[（(《“‘〈【）)》”’〉】。！？!?]")
_OPENING = frozenset("（(《“‘〈【")
# The text before the first stop or opening bracket: closing brackets there change no depth.
# A plain class, so the standard ``re``, several times faster per call than ``regex``.
_PLAIN_HEAD = re.compile(r"[^（(《“‘〈【。！？!?]*")
_CELL_BREAK = regex.compile(r"\u3000\u3000+|\t+")
_CLOSING = frozenset("）)》”’〉】")


def _first_sentence_end(text: str) -> int | None:
    """Return the offset of the first 。！？ outside brackets and quotes, or None."""
    # Most lines open no bracket before their first stop: it is the answer, found in one call.
    head = _PLAIN_HEAD.match(text)
    assert head is not None  # the pattern matches the empty string
    pos = head.end()
    if pos == len(text):
        return None
    if text[pos] not in _OPENING:
        return pos
    depth = 0
    for m in _SENTENCE_SCAN.finditer(text, pos):
        ch = m.group()
        if ch in _OPENING:
            depth += 1
        elif ch in _CLOSING:
            depth = max(0, depth - 1)
        elif depth == 0:
            return m.start()
    return None


class Tier(StrEnum):
    """How sure a reading is that the marker line starts with a heading."""

    TITLE = "title"  # the line is a title and the item goes on: 一、总体要求 ⏎ 以习近平…
    STRICT = "strict"  # a short run-in first sentence: （一）强化科普经费投入。各区县要…
    LENIENT = "lenient"  # a longer one, a title only among titled siblings (≤ 30 characters)
    AMBIGUOUS = "ambiguous"  # a title-like line with nothing after it: 6.区委…急需紧缺人才。
    NONE = "none"  # an article, a list item, or an item whose first sentence is its substance


class Reading(NamedTuple):
    """How a marker line reads: its heading, its own text, and how sure that is."""

    heading: str | None
    run_in: TrackedText | None  # the heading when it is a sentence of the item
    own: TrackedText
    tier: Tier

    @property
    def clear(self) -> bool:
        """Whether the line decides alone (False: its siblings decide)."""
        return self.tier in _CLEAR_TIERS

    @property
    def vote(self) -> int:
        """+1 for a heading, -1 for none, 0 when the line cannot tell."""
        return _VOTES.get(self.tier, 0)


_CLEAR_TIERS = frozenset((Tier.TITLE, Tier.STRICT, Tier.NONE))
_VOTES = {Tier.TITLE: 1, Tier.STRICT: 1, Tier.NONE: -1}


def read_marker_line(
    kind: MarkerKind, rest: TrackedText, following: list[TrackedText], has_children: bool
) -> Reading:
    """Split a section's marker line into its heading and its own text.

    A line that is a title (``一、总体要求``, no end punctuation) gives the heading; so does a
    short first sentence when more of the item follows (``（一）强化科普经费投入。各区县要…``).
    Articles and list items (``（一）非法倾倒应税固体废物；``) have none, nor does an item whose
    first sentence starts with a date (``1．2020年底前实现…。``). Longer first sentences and
    title-like lines with nothing after them are left to the siblings: :func:`to_drafts`.

    Args:
        kind: The marker style.
        rest: The marker line after the marker.
        following: The section's later text lines (before any child).
        has_children: Whether child sections follow.

    Returns:
        The reading of the line.
    """
    line = rest.text
    more = bool(following) or has_children
    if kind is MarkerKind.ARTICLE or not line:
        return Reading(None, None, TrackedText.join([rest, *following]), Tier.NONE)
    if kind in _STATUTE_TITLED:
        return Reading(line, None, TrackedText.join(following), Tier.TITLE)
    if kind is MarkerKind.TABLE_ROW:
        # The first cell is the row's title: 1企业投资项目承诺制改革　　山西开展…
        cell = _CELL_BREAK.search(line)
        if cell:
            own = TrackedText.join([rest.slice(cell.end(), len(line)).strip(), *following])
            return Reading(line[: cell.start()], None, own, Tier.TITLE)
    # A title gap is two spaces, one of them ideographic or both plain: most lines have none.
    gap = _TITLE_GAP.search(line) if "\u3000" in line or "  " in line else None
    if gap and not _GAP_TITLE_PUNCT.search(line[: gap.start()]):
        # Run-together text keeps a title apart by spaces: 一、加强监管执法　　有效解决…
        own = TrackedText.join([rest.slice(gap.end(), len(line)).strip(), *following])
        return Reading(line[: gap.start()], None, own, Tier.TITLE)
    end = _first_sentence_end(line)
    if len(line) <= _TITLE_MAX and not line.endswith(_LINE_END_PUNCT) and end is None:
        tier = Tier.TITLE if more else Tier.AMBIGUOUS
        return Reading(line, None, TrackedText.join(following), tier)
    if end is not None and not _DATE_START.match(line):
        first = line[:end]
        if len(first) <= _TITLE_STOP_MAX and not _NOT_A_TITLE.search(first):
            after = rest.slice(end + 1, len(line)).strip()
            limit = _RUN_IN_COMMA_MAX if "，" in first or "," in first else _RUN_IN_MAX
            if not after.text and more:
                limit = _TITLE_STOP_MAX  # （一）统筹两个市场，打造加工制造中心。 above its items
            if len(first) <= limit:
                tier = Tier.STRICT if after.text or more else Tier.AMBIGUOUS
            elif after.text or more:
                tier = Tier.LENIENT
            else:
                # One long sentence.
                return Reading(None, None, TrackedText.join([rest, *following]), Tier.NONE)
            own = TrackedText.join([after, *following])
            return Reading(first, rest.slice(0, end), own, tier)
    return Reading(None, None, TrackedText.join([rest, *following]), Tier.NONE)


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
    if last.marker.marker.kind is MarkerKind.ARTICLE:
        return []  # an article's later paragraphs are its own 款
    if last.children or any(n.texts for n in nodes[:-1]):
        return []
    # Only where the items read as a list, or the last one is a bare title: after titled items
    # with content (（二）夯实…责任。科学技术行政部门要…) a further paragraph is still the item's.
    titled = any(_reading(body, n).heading is not None for n in nodes[:-1])
    if titled and _reading(body, last).clear:
        return []
    if not last.texts and all(_ends_list_item(body, n) for n in nodes[:-1]):
        # Run-together statute: …；(四)利用职务便利谋取不正当利益的。电力监管机构从事… — the
        # last item ends at its first full stop; the next paragraph of the article follows.
        line = body.text[last.marker.start : last.marker.end]
        stop = _first_sentence_end(line)
        if stop is not None and line[stop + 1 :].strip():
            cut = last.marker.start + stop + 1
            last.marker = Segment(last.marker.start, cut, last.marker.marker, last.marker.level)
            return [Segment(cut, cut + len(line) - stop - 1)]
    tail, last.texts = last.texts, []
    return tail


# The document speaking of itself or to its readers after the last item: 本通知自印发之日起施行,
# 本办法由市医保局负责解释, 请各有关单位结合实际…, 特此通知.
_CLOSING_WORDS = regex.compile(
    r"本(?:通知|意见|办法|方案|实施方案|规定|细则|决定|公告|通告|措施|预案|规划|计划|指引|指南)"
    r"(?:自|由|从|有效期|未尽|所称|执行中|印发|发布)|请各|请你|特此"
)


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
    bare = not body.text[node.marker.marker.end : node.marker.end].strip()
    for i, seg in enumerate(node.texts):
        if i == 0 and bare:
            continue  # ## 二 ⏎ 本通知自发布之日起施行。: the item's only text is its own
        if _CLOSING_WORDS.match(body.text, seg.start):
            tail, node.texts = node.texts[i:], node.texts[:i]
            return tail
    return []


# Run-together text glues a title to its text: 二、工作要求各地区、各部门要坚决贯彻落实…,
# 一、关于水利建设问题进一步加大…, 五、提高资源税税率为有效缩减…. The text opens as sentences
# open (各地区, 为, 按照 …), with an organ as subject, or by repeating the title's noun
# (三、联席会议工作规则联席会议每年召开…).
_ABOUT_TITLE = regex.compile(r"关于[^，。；：,;:]{2,40}?问题(?=[^，。；：,;:])")
# Plain words, tried with str.startswith at each position: no regex call per position.
_OPENERS = (
    *("各", "为", "在", "自", "对", "按照", "根据", "依据", "坚持", "到", "加强", "建立"),
    *("进一步", "全面", "深入", "认真", "切实", "推动", "加快", "围绕", "有关", "国务院"),
    *("国家", "中央", "以习近平", "贯彻"),
)
_TITLE_STOP = regex.compile(r"[，。；：,;:（(“]")
_PREPOSITIONS = frozenset("对在为自")
_SUBJECT_END = regex.compile(
    r"(?:公司|集团|部门|委员会|政府|局|厅|委|办|中心|机构|单位|企业|学校|医院|协会|银行)$"
)
_NOT_A_GLUED_TITLE = regex.compile(r"^[各本我对在为由]|要(?![求点素件])|应|必须|须|将|可以|已|是")
_GLUED_MIN, _GLUED_MAX = 4, 20


def _glued_split(text: str) -> int | None:
    """Return where a title glued to its text ends, or None."""
    about = _ABOUT_TITLE.match(text)
    if about:
        return about.end()
    stop = _TITLE_STOP.search(text)
    # The title and the first words of the text stand before the first punctuation.
    limit = min(_GLUED_MAX, (stop.start() if stop else len(text)) - _GLUED_MIN)
    head = text[:2]
    for p in range(_GLUED_MIN, limit + 1):
        if text.startswith(_OPENERS, p) or text.startswith(head, p) or _organ_at(text, p):
            # A title names a task; it has no subject and no modal verb (各地区要主动…), and
            # is not itself the subject of the sentence (集团公司对所属企业…).
            title = text[:p]
            subject = text[p] in _PREPOSITIONS and _SUBJECT_END.search(title)
            return None if _NOT_A_GLUED_TITLE.search(title) or subject else p
    return None


@cache
def _organ_heads() -> frozenset[str]:
    """The first characters of the lexicon's organ names, to skip most positions at once."""
    return frozenset(name[0] for name, kind in lexicon().items() if kind == "organ")


def _organ_at(text: str, p: int) -> bool:
    """Whether a known organ's name starts at ``p`` (七、加强信息引导工业和信息化部、…)."""
    if p >= len(text) or text[p] not in _organ_heads():
        return False
    organs = lexicon()
    return any(organs.get(text[p:q]) == "organ" for q in range(p + 3, min(len(text), p + 14) + 1))


def _unglue_titles(
    kind: MarkerKind, readings: list[Reading], lines: list[list[TrackedText]]
) -> list[Reading]:
    """Split glued titles off items without a title line, where the siblings show they have one.

    Either a sibling has a title line, or most siblings (three in five) read as glued. A
    glued title also beats a run-in reading of the same line (三、联席会议工作规则联席会议每年
    召开一次例会。 reads as one short sentence).

    ``lines`` holds each item's stripped lines, its marker line first; they are joined only
    for the items whose title is split off.
    """
    if kind not in (MarkerKind.CN_COMMA, MarkerKind.CN_PAREN):
        return readings
    titled = any(r.tier is Tier.TITLE for r in readings)
    # Without a title line among them, only top-level items (一、) that mostly read as glued:
    # fewer than three, or 1.-style items, cannot be, whatever their splits.
    if not titled and (kind is not MarkerKind.CN_COMMA or len(readings) < 3):
        return readings
    splits = [
        None if r.tier is Tier.TITLE else _glued_split("".join(part.text for part in parts))
        for r, parts in zip(readings, lines, strict=True)
    ]
    found = sum(p is not None for p in splits)
    most = kind is MarkerKind.CN_COMMA and len(readings) >= 3 and found >= 0.6 * len(readings)
    if not found or not (titled or most):
        return readings
    out: list[Reading] = []
    for reading, p, parts in zip(readings, splits, lines, strict=True):
        if p is None:
            out.append(reading)
        else:
            line = TrackedText.join(parts)
            out.append(Reading(line.text[:p], None, line.slice(p, len(line.text)), Tier.TITLE))
    return out


def _tab_table(node: Node, body: TrackedText, path: str, level: int) -> list[Draft]:
    """Take a task table written one row per line with tabs out of a section's text.

    ``二、重点任务`` ⏎ ``序号⇥重点任务⇥牵头单位⇥配合单位`` ⏎ ``1⇥优化企业开办服务⇥市市场监管局⇥…``:
    the rows become the section's children (二/1, 二/2) with their 牵头/配合 bodies. ``path``
    is the section's own path.
    """
    texts = node.texts
    for i, seg in enumerate(texts):
        # A header holds tabs (TAB_HEADER): most lines have none, found without a copy.
        if body.text.find("\t", seg.start, seg.end) < 0:
            continue
        if not TAB_HEADER.fullmatch(body.text[seg.start : seg.end].strip()):
            continue
        j = i + 1
        while j < len(texts) and "\t" in body.text[texts[j].start : texts[j].end]:
            j += 1
        if j == i + 1:
            return []
        header = [body.text[seg.start : seg.end]]
        rows = body.slice(texts[i + 1].start, texts[j - 1].end)
        drafts = table_drafts(rows, header, prefix=path)
        if not drafts:
            return []
        node.texts = texts[:i] + texts[j:]
        return [replace(d, level=level + 1) for d in drafts]
    return []


def _reading(body: TrackedText, node: Node) -> Reading:
    """Read a node's marker line alone, without its later paragraphs."""
    marker = node.marker.marker
    assert marker is not None
    rest = body.slice(marker.end, node.marker.end).strip()
    return read_marker_line(marker.kind, rest, [], bool(node.children))


def _ends_list_item(body: TrackedText, node: Node) -> bool:
    """Tell whether a node is one list item ending with ；: （一）违反…颁发电力业务许可证的；."""
    return not node.children and body.text[node.marker.start : node.marker.end].rstrip().endswith(
        ("；", ";")
    )


class _Item(NamedTuple):
    """One node of a sibling group as :func:`to_drafts` first reads it, before the group votes."""

    reading: Reading
    lines: list[TrackedText]  # the item's stripped lines, marker line first
    path: str
    table: list[Draft]


def _read_item(node: Node, body: TrackedText, prefix: str, level: int) -> _Item:
    """Read one item's marker line and own lines, as if it stood alone.

    ``（一）加强领导。各区要…`` reads as a run-in title with its text; whether the title stands
    is for the whole sibling group to decide (:func:`_group_titled`).
    """
    marker = node.marker.marker
    assert marker is not None
    path = f"{prefix}/{path_key(marker.marker)}" if prefix else path_key(marker.marker)
    # A table stands among the section's own lines: most sections have none.
    table = _tab_table(node, body, path, level) if node.texts else []
    tail = trailing_to_parent(node.children, body)
    rest = body.slice(marker.end, node.marker.end).strip()
    following = (
        [body.slice(seg.start, seg.end).strip() for seg in node.texts + tail]
        if node.texts or tail
        else []
    )
    reading = read_marker_line(marker.kind, rest, following, bool(node.children))
    return _Item(reading, [rest, *following], path, table)


def _group_titled(readings: list[Reading]) -> bool:
    """Whether the run-in titles of a sibling group stand.

    Sibling items are written alike: run-in titles stand when most items have one, or when
    every item opens with a short sentence (（二）优化管理，落实自主权。…).
    """
    votes = [r.vote for r in readings]
    return sum(votes) > 0 or (
        all(v >= 0 for v in votes) and any(r.tier is Tier.LENIENT for r in readings)
    )


def to_drafts(
    nodes: list[Node], body: TrackedText, prefix: str = "", level: int = 1
) -> list[Draft]:
    """Read the headings and own texts of ``nodes`` and their descendants.

    Call :func:`trailing_to_parent` on the top-level group first; this function does it for
    every group below.

    Args:
        nodes: The nodes at one level.
        body: The lexed text with its offsets.
        prefix: The path of the parent.
        level: The level of these nodes.

    Returns:
        The drafts, each with its heading, own text, span, path and children.
    """
    if not nodes:
        return []  # a leaf's children: most calls
    items = [_read_item(node, body, prefix, level) for node in nodes]
    readings = [item.reading for item in items]
    titled = _group_titled(readings)
    if nodes[0].marker.marker is not None:
        readings = _unglue_titles(
            nodes[0].marker.marker.kind, readings, [item.lines for item in items]
        )
    return [
        _draft(node, reading, item, body, level, titled)
        for node, reading, item in zip(nodes, readings, items, strict=True)
    ]


def _draft(
    node: Node, reading: Reading, item: _Item, body: TrackedText, level: int, titled: bool
) -> Draft:
    """Build one item's draft, its children read first."""
    marker = node.marker.marker
    assert marker is not None
    if reading.tier is not Tier.TITLE and reading.heading is not None and not titled:
        # A list item or an item whose first sentence is its substance after all: its
        # marker line, its own lines and the paragraphs taken back from its last child.
        reading = Reading(None, None, TrackedText.join(item.lines), Tier.NONE)
    # The span runs from the marker's first character to the subtree's last.
    start = body.to_source(marker.start)
    end = body.to_source(node.last_end() - 1) + 1
    children = to_drafts(node.children, body, item.path, level + 1) + item.table
    return Draft(
        level=level,
        marker=marker.marker,
        kind=marker.kind,
        number=marker.number,
        heading=reading.heading,
        span=Span(start=start, end=max(start, end)),
        path=item.path,
        own=reading.own,
        run_in=reading.run_in,
        children=tuple(children),
    )
