"""Web pages, through selectolax (lexbor): the article body without the site around it.

A government page wraps the document in navigation, breadcrumbs, sidebars of related links,
share buttons, scripts and a footer. :func:`main_block` picks the element whose *own*
paragraphs hold the most non-link text: the article container has many direct ``<p>``
children full of prose; wrappers hold other blocks rather than text, and navigation holds
links. Containers that government CMSs name (``#UCAP-CONTENT``, ``.TRS_Editor``, ``#zoom``
…) get a bonus. Block tags become line breaks, table cells tabs.

If the page's heading (``<h1>`` or ``<meta name="ArticleTitle">``) is not in the first lines
of the body, it is put in front, so the parser finds the title.
"""

from __future__ import annotations

import codecs
from typing import Any

import regex

from policy_parser.loaders import LoadedText, require
from policy_parser.loaders.text import decode_bytes

__all__ = ["decode_html", "html_to_text", "load_html", "main_block"]

_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
})  # fmt: skip
# Never part of the article: scripts, styles, embedded objects and the site's own chrome.
_DROP = frozenset({
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "embed",
    "nav", "footer", "aside", "form", "button", "select", "input", "textarea", "link", "meta",
    "head", "map",
})  # fmt: skip
_CANDIDATE = frozenset({"div", "article", "section", "main", "td", "body", "font", "center"})
# Content containers of the CMSs that most Chinese government sites run on (TRS, UCAP …).
_KNOWN = (
    "#UCAP-CONTENT", "#zoom", "#Zoom", ".TRS_Editor", ".trs_editor_view", ".pages_content",
    ".article-content", ".article_content", ".zwnr", ".news_content", "#content", ".content",
    "article", "main", "[role=main]",
)  # fmt: skip
_CHARSET = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", regex.I)
_GB_ALIASES = {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "euc-cn", "gb18030", "hz-gb-2312"}
_SPACE = regex.compile(r"[ \t\n\r\f]+")
# Source formatting puts spaces between CJK characters that the browser does not show.
_CJK_GAP = regex.compile(r"(?<=[^\x00-\x7f]) +(?=[^\x00-\x7f])")
_POLICY_TITLE = regex.compile(
    r"关于|(?:通知|意见|方案|办法|规定|条例|决定|规划|细则|公告|通告|批复|函|纲要)$"
)


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode a page: BOM, then the ``<meta>`` charset (GB2312/GBK read as GB18030), then guess.

    A page whose declared charset does not decode it is guessed like a text file; pages
    that lie about their charset are common.
    """
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        found = _CHARSET.search(data[:4096])
        if found:
            declared = found.group(1).decode("ascii").lower()
            codec = "gb18030" if declared in _GB_ALIASES else declared
            try:
                return data.decode(codec), codec
            except (LookupError, UnicodeDecodeError):
                pass
    return decode_bytes(data)


def _text_len(node: Any, *, links: bool) -> int:
    # Characters of visible text below node (whitespace not counted), with or without links.
    total = 0
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            total += len("".join((child.text_content or "").split()))
        elif tag in _DROP or tag == "-comment" or (not links and tag == "a"):
            continue
        else:
            total += _text_len(child, links=links)
    return total


def _has_block(node: Any) -> bool:
    return any(child.tag in _BLOCK or _has_block(child) for child in node.iter(include_text=False))


def _own_score(node: Any) -> float:
    # Text held in this element's own paragraphs: text nodes and leaf blocks, not sub-containers.
    score = 0.0
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            score += len("".join((child.text_content or "").split()))
        elif tag in _DROP or tag == "-comment" or tag == "a":
            continue
        elif tag == "table":
            score += 0.5 * _text_len(child, links=False)  # task tables belong to the body
        elif not _has_block(child):
            score += _text_len(child, links=False)
    return score


def main_block(tree: Any) -> Any:
    """Return the element holding the page's article text (the body if nothing stands out)."""
    known = {node.mem_id for selector in _KNOWN for node in tree.css(selector)}
    best, best_score = tree.body, 0.0
    for node in tree.css(",".join(sorted(_CANDIDATE))):
        score = _own_score(node)
        if score <= 0:
            continue
        links = _text_len(node, links=True)
        if links:
            score *= 1 - (links - _text_len(node, links=False)) / links
        if node.mem_id in known:
            score *= 1.5
        if score > best_score:
            best, best_score = node, score
    return best


def html_to_text(node: Any) -> str:
    """Render an element as lines: blocks and ``<br>`` break lines, table cells become tabs."""
    out: list[str] = []
    _render(node, out)
    lines = []
    for raw in "".join(out).split("\n"):
        line = _CJK_GAP.sub("", raw).strip(" \t\u3000\xa0")
        if line:
            lines.append(regex.sub(r" *\t *", "\t", line))
    return "\n".join(lines) + "\n" if lines else ""


def _text_piece(text: str) -> str:
    """A text node as the page shows it: white space collapsed to one space.

    Spaces the source wraps inside a run of CJK text (``甲市⏎教育局``) are not shown and
    ``_CJK_GAP`` drops them, but a node that is only white space stands between two elements,
    and a browser shows it: ``<span>甲局</span>⏎<span>乙局</span>`` reads as two names. It
    becomes a no-break space, which no CJK rule removes (line ends strip it).
    """
    if text and not text.strip():
        return "\xa0"
    return _SPACE.sub(" ", text)


def _render(node: Any, out: list[str]) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            out.append(_text_piece(child.text_content or ""))
        elif tag in _DROP or tag == "-comment":
            continue
        elif tag == "br":
            out.append("\n")
        elif tag == "pre":
            out.append("\n" + (child.text(deep=True) or "") + "\n")
        elif tag in ("td", "th"):
            _render(child, out)
            out.append("\t")
        elif tag in _BLOCK:
            out.append("\n")
            _render(child, out)
            out.append("\n")
        else:
            _render(child, out)


def _page_title(tree: Any) -> str | None:
    for selector in ("h1", 'meta[name="ArticleTitle"]', 'meta[property="og:title"]', "title"):
        node = tree.css_first(selector)
        if node is None:
            continue
        text = node.attributes.get("content") if node.tag == "meta" else node.text(deep=True)
        text = "".join((text or "").split())
        if node.tag == "title":
            text = regex.split(r"[_|｜]|\s-\s", text)[0]
            if not _POLICY_TITLE.search(text):
                continue
        if text:
            return str(text)
    return None


def load_html(data: bytes) -> LoadedText:
    """Extract the article text of a web page.

    Raises:
        MissingExtraError: selectolax is not installed.
        DecodeFailure: The page's bytes cannot be decoded.
    """
    lexbor = require("selectolax.lexbor", "html", "selectolax", ".html")
    markup, encoding = decode_html(data)  # DecodeFailure becomes LoadError in load_bytes
    tree = lexbor.LexborHTMLParser(markup)
    if tree.body is None:
        return LoadedText(text="", kind="html", encoding=encoding)
    text = html_to_text(main_block(tree))
    title = _page_title(tree)
    if title:
        head = "".join(text[:400].split()[:6])  # the title may be wrapped over a few lines
        if title not in "".join(head.split()):
            text = f"{title}\n{text}"
    return LoadedText(text=text, kind="html", encoding=encoding, title=title)
