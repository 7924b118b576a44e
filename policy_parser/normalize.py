r"""Line repair with an offset map back to the source.

The parser never edits ``Document.source``. It works on a normalised copy, a
:class:`TrackedText`, that remembers for every character where it came from, so every span it
reports indexes the original text.

Normalising:

* drops ``\\r``, the BOM, zero-width and control characters, and strips each line;
* joins a paragraph that a newspaper or PDF hard-wrapped over lines, even across the blank line
  of a column break::

      （一）强化各级党委和政府科普工作领      →  （一）强化各级党委和政府科普工作领导责任。落实…
      导责任。落实科普相关法律法规，把科普工

* joins a marker split over lines: ``（\\n1\\n）`` → ``（1）``, ``1\\n．`` → ``1．``,
  ``（\\n一\\n）`` → ``（一）``, and then the marker with the line after it, which a
  page-to-text tool split off with it: ``（\\n一\\n）\\n加强领导。`` → ``（一）加强领导。``.
* joins the short tail of a title the page wrapped mid-word: ``（二）加大资金投`` ⏎ ``入力度``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import regex

from policy_parser.tracked import SPACES as _SPACES
from policy_parser.tracked import TrackedText

__all__ = ["TrackedText", "display_width", "normalize"]


_BLANK = TrackedText("", (0,), (0,))
# Characters that carry nothing: BOM, zero-width, C0/C1 controls (not \n, \t), surrogates.
# A plain class, so the standard ``re``: it scans a whole text for it several times faster.
_JUNK = re.compile(
    r"[\r\ufeff\u200b-\u200d\u2060\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]+"
)
_SENTENCE_END = tuple("。！？!?；;：:")
# A marker cut off at a line end: '（', '（1', '1', '十二' before '．' or '）' on the next line.
# (no closing bracket: '）' + '一）' would join again on a second pass)
_MARKER_HEAD = regex.compile(r"[（(]?[0-9０-９一二三四五六七八九十百〇零]{0,4}")
_MARKER_HEAD_MAX = 5  # the longest text _MARKER_HEAD matches
_MARKER_TAIL = regex.compile(r"[0-9０-９一二三四五六七八九十百〇零]*[）)．.、]")
# A whole marker, as the pieces above rebuild it: '（一）', '（1）', '1．', '十二、'.
_WHOLE_MARKER = regex.compile(r"[（(]?[0-9０-９一二三四五六七八九十百〇零]{1,4}[）)．.、]")
# A number line before '．' or '、' starts a marker ('1' + '．加强…'); it is no fragment of the
# line before it, as '2' is in '（见附录' + '2' + '）进行竞价'.
_DOT_TAIL = ("．", ".", "、")


# A line that is only a number or a date word is a piece of the line around it.
_FRAGMENT = regex.compile(r"[0-9０-９]{1,4}|[年月日号]")
_FRAGMENT_MAX = 4  # the longest text _FRAGMENT matches
_FRAGMENT_TAIL = regex.compile(r"[年月日号）)．.、]")
_SHORT_TAIL = 4
_NOT_A_TAIL = regex.compile(r"附|目\s*录|[0-9０-９]")  # 附件1 after a list of annexes
_HEADING_START = regex.compile(
    r"[一二三四五六七八九十百]{1,4}、|[（(][一二三四五六七八九十百0-9]{1,4}[）)]|[0-9]{1,3}[.．、]"
)
# _continues joins a line to the one before only where one of them is this short (or the text
# is wrapped): ``（`` + ``1）``, ``2021`` + ``年``, ``…营商`` + ``环境``.
_SHORT_PREV = max(_MARKER_HEAD_MAX, _FRAGMENT_MAX)
_SHORT_CUR = max(_FRAGMENT_MAX, _SHORT_TAIL)
_TITLE_WRAP_MIN = 6  # a marker and a few characters: （二）加大资金投
_NO_TAIL_AFTER = (*_SENTENCE_END, "，", ",", "、", "）", ")", "”")
_PUNCT = regex.compile(r"[\p{P}\s]")
# Run-together text separates paragraphs by ideographic spaces: …工作。　　二、加强…
_PARAGRAPH_GAP = regex.compile(r"(?<=[。；！？：])[\u3000 ]{2,}")
_LONG_LINE = 200


def display_width(text: str) -> int:
    """Return how many terminal columns ``text`` takes (CJK and full-width forms take two)."""
    # UTF-8 takes 1 byte for ASCII and 3 for CJK and full-width forms: (bytes + chars) / 2 is
    # 1 and 2 columns for them, computed at C speed.
    return (len(text.encode("utf-8", "surrogatepass")) + len(text)) // 2


def _clean_lines(source: str) -> tuple[list[TrackedText], bool]:
    """Split the source into stripped lines with junk characters removed.

    A blank line of a clean text is one shared empty text: :func:`normalize` only sees that a
    blank stands between two lines (甲 ⏎ ⏎ 乙), never where it stands. The flag tells whether
    the non-blank lines sit side by side in the source as they are (甲 ⏎ 乙, no blank, no
    space or junk taken off): joined by newlines, they are one run of it.
    """
    lines: list[TrackedText] = []
    pos = 0
    side_by_side = True
    after = -1  # where a line right after the last non-blank one starts (-1: none yet)
    # Most texts hold no junk at all: one search over the whole source spares one per line.
    junk = _JUNK.search(source) is not None
    for raw in source.split("\n"):
        at = pos
        pos += len(raw) + 1
        if junk and _JUNK.search(raw):
            line = TrackedText.from_source(source, at, at + len(raw))
            keep: list[TrackedText] = []
            last = 0
            for m in _JUNK.finditer(line.text):
                keep.append(line.slice(last, m.start()))
                last = m.end()
            keep.append(line.slice(last, len(line.text)))
            line = TrackedText.join(keep).strip()
            side_by_side = False
        else:
            # A clean line is one run: strip it by hand, as strip() would.
            text = raw.strip(_SPACES)
            if not text:
                lines.append(_BLANK)
                continue
            if len(text) != len(raw):
                side_by_side = False
                at += len(raw) - len(raw.lstrip(_SPACES))
            elif at != after and after >= 0:
                side_by_side = False
            after = pos
            line = TrackedText(text, (0,), (at,))
        if len(line.text) > _LONG_LINE and _PARAGRAPH_GAP.search(line.text):
            side_by_side = False
            last = 0
            for gap in _PARAGRAPH_GAP.finditer(line.text):
                lines.append(line.slice(last, gap.start()))
                last = gap.end()
            lines.append(line.slice(last, len(line.text)))
        else:
            lines.append(line)
    return lines, side_by_side


def _wrap_width(widths: Sequence[int]) -> int | None:
    """Return the column width a hard-wrapped text was set in, or None if it was not wrapped.

    ``widths`` are the display widths of the non-blank lines. Newspaper and PDF text comes in
    lines of nearly one display width (the column); web text comes in paragraphs of any
    length. When at least a third of the lines fall within two columns of one width, the text
    is taken as wrapped at that width.
    """
    if len(widths) < 8:
        return None
    counts = Counter(widths)
    best, best_count = 0, 0
    for width in counts:
        if width < 24:
            continue
        count = counts[width] + counts[width - 1] + counts[width - 2]
        if count > best_count:
            best, best_count = width, count
    return best if best_count >= 0.3 * len(widths) else None


def _title_tail(prev: str, cur: str, following: str) -> bool:
    """Tell whether ``cur``, a line of a few characters, ends the title line ``prev``.

    A page wraps a title mid-word: ``一、进一步深化改革，持续优化营商`` ⏎ ``环境``, and a short
    title too: ``（二）加大资金投`` ⏎ ``入力度`` ⏎ ``各区要…``. The line after the tail could be
    no tail itself, so that a column of short cells (a table written one cell per line) stays
    apart, and normalising twice joins nothing more (``…营商`` ⏎ ``环境`` ⏎ ``甲`` stays).
    """
    return (
        len(prev) >= _TITLE_WRAP_MIN
        and _HEADING_START.match(prev) is not None
        and not prev.endswith(_NO_TAIL_AFTER)
        and _tail_like(cur)
        and not _tail_like(following)
    )


def _tail_like(line: str) -> bool:
    """Whether ``line`` could be the wrapped tail of a title: a few characters, no punctuation."""
    return (
        0 < len(line) <= _SHORT_TAIL
        and not _PUNCT.search(line)
        and not _MARKER_TAIL.match(line)
        and not _NOT_A_TAIL.match(line)
    )


def _continues(prev: str, cur: str, following: str, width: int | None, prev_width: int) -> bool:
    """Tell whether line ``cur`` continues the paragraph whose last line is ``prev``.

    ``following`` is the next non-blank line after ``cur`` (a number alone on a line joins
    its neighbours only when the line after it goes on with it); ``prev_width`` is the display
    width of ``prev``. Most lines are longer than any marker head or fragment: a length test
    before each fullmatch spares the regex call.
    """
    if (
        prev
        and len(prev) <= _MARKER_HEAD_MAX
        and _MARKER_HEAD.fullmatch(prev)
        and (
            _MARKER_TAIL.match(cur)
            or (len(prev) + len(cur) <= _MARKER_HEAD_MAX and _MARKER_HEAD.fullmatch(prev + cur))
        )
    ):
        return True  # '（' + '1）', '1' + '．'
    cur_fragment = len(cur) <= _FRAGMENT_MAX and _FRAGMENT.fullmatch(cur) is not None
    if (
        len(prev) <= _FRAGMENT_MAX
        and _FRAGMENT.fullmatch(prev)
        and (cur_fragment or _FRAGMENT_TAIL.match(cur))
    ):
        return True  # web text puts numbers on lines of their own: '2021' '年' '2' '月' '2' '日'
    if (
        cur_fragment
        and not prev.endswith(_SENTENCE_END)
        and not following.startswith(_DOT_TAIL)
        and (
            (len(following) <= _FRAGMENT_MAX and _FRAGMENT.fullmatch(following))
            or _FRAGMENT_TAIL.match(following)
        )
    ):
        return True  # '（见附录' + '2' + '）进行竞价' (not a table's row number: '1' + '工作事项')
    if len(cur) <= _SHORT_TAIL and _title_tail(prev, cur, following):
        return True  # a title wrapped by the page: '…持续优化营商' + '环境'
    if width is None or not width - 8 <= prev_width <= width + 2:
        return False
    if "\t" in prev or "\t" in cur:
        return False  # a row of tab-separated cells (序号⇥任务⇥牵头单位) is no wrapped line
    if _HEADING_START.match(prev) and _HEADING_START.match(cur):
        # A heading line about as wide as the column, then the next item: （一）加大资金投入
        # ⏎ 1.设立专项资金… — items start lines; a wrapped line does not open one.
        return False
    return not prev.endswith(_SENTENCE_END)


def _rebuilt_marker(paragraph: list[TrackedText], cur: str) -> bool:
    """Tell whether ``paragraph`` is a marker rebuilt from pieces, which ``cur`` goes on.

    A page-to-text tool that cut ``（一）`` into ``（`` ``一`` ``）`` cut its text off too:
    ``（`` + ``一`` + ``）`` + ``加强领导。``. A marker written whole on a line of its own
    (``第一章`` over ``总则``) is left alone, and so is a line that opens a marker itself.
    """
    if len(paragraph) < 2 or len(paragraph) > _MARKER_HEAD_MAX:
        return False
    marker = "".join(piece.text for piece in paragraph)
    return (
        _WHOLE_MARKER.fullmatch(marker) is not None
        and _MARKER_TAIL.match(cur) is None
        and _WHOLE_MARKER.match(cur) is None
        and (len(cur) > _MARKER_HEAD_MAX or _MARKER_HEAD.fullmatch(cur) is None)
    )


def normalize(source: str) -> TrackedText:
    """Return the repaired text of ``source``: one paragraph per line, offsets kept.

    Args:
        source: The original text.

    Returns:
        The text with hard wraps and split markers joined, lines stripped, blank lines kept
        only between paragraphs (never inside one).
    """
    lines, side_by_side = _clean_lines(source)
    texts = [line.text for line in lines if line.text]
    # display_width, written out: one call less per line.
    widths = [(len(t.encode("utf-8", "surrogatepass")) + len(t)) // 2 for t in texts]
    width = _wrap_width(widths)
    paragraphs: list[list[TrackedText]] = []
    blank_before = False
    k = 0  # index of the current line among the non-blank ones
    for line in lines:
        text = line.text
        if not text:
            blank_before = True
            continue
        k += 1
        # The paragraph's last line is always the non-blank line before this one. Only a
        # paragraph of pieces goes on as a rebuilt marker, and only a short line or a line of
        # a wrapped text can go on (see _continues): most lines are none, and skip the calls.
        prev, following = texts[k - 2], texts[k] if k < len(texts) else ""
        last = paragraphs[-1] if paragraphs else None
        if last is not None and (
            (not blank_before and len(last) > 1 and _rebuilt_marker(last, text))
            or (
                (width is not None or len(prev) <= _SHORT_PREV or len(text) <= _SHORT_CUR)
                and _continues(prev, text, following, width, widths[k - 2])
            )
        ):
            last.append(line)
            side_by_side = False
        else:
            if blank_before and paragraphs:
                paragraphs.append([TrackedText("", (0,), (line.srcs[0],))])
            paragraphs.append([line])
        blank_before = False
    if side_by_side and texts:
        # Each line a paragraph, as the source has them (a clean text): one run, no join.
        return TrackedText("\n".join(texts), (0,), (paragraphs[0][0].srcs[0],))
    # Most paragraphs are one line: no join for them.
    return TrackedText.join(
        [p[0] if len(p) == 1 else TrackedText.join(p) for p in paragraphs], "\n"
    )
