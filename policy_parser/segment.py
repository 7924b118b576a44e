"""Find the policy document on a page and read its 公文 frame (GB/T 9704-2012).

The input is the normalised text (CR removed, lines stripped, hard wraps repaired); every
offset returned indexes that text. The stage answers four questions:

1. **Where is the document?** A page may hold navigation, a metadata panel, news articles and a
   second copy of the text. Title candidates are scored by what follows them (发文字号, 主送机关,
   a preamble sentence, a section marker); the best one starts the document. Without any title
   (a newspaper that prints the headline after the body) the run of top-level markers anchors
   it, and the preamble paragraphs just before the first marker start the body.
2. **What is its frame?** 标题, 发文字号, 主送机关, 发文机关署名, 成文日期; 附注 (此件公开发布),
   抄送 and page chrome are left out of the body.
3. **Where does the body end?** At the 附件说明, the signature, a 附注, strong page chrome, or
   the headline of a foreign news article (本报讯…).
4. **What does it issue?** After the signature, 附件 markers or title lines open attachments,
   parsed with the same rules (a plan may carry its own 附件1/附件2). A 国务院令 that promulgates
   a regulation yields the regulation itself (title = its name, date = the order's date).

Everything here is heuristic but never special-cased to a text: the rules are the conventions of
the 公文 format and of Chinese government web pages and newspapers.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from policy_parser.table_header import TAB_HEADER

__all__ = ["Field", "Frame", "parse_date", "segment"]


@dataclass(frozen=True)
class Field:
    """A value read from the text, with the range ``text[start:end]`` it was read from.

    ``value`` is cleaned (lines joined, letter spacing removed: ``国 家 能 源 局`` gives
    ``国家能源局``), so it may differ from the raw slice.
    """

    value: str
    start: int
    end: int


@dataclass(frozen=True)
class Frame:
    """One document: its 公文 frame, its body range and the documents it issues.

    Attributes:
        title: 标题, e.g. ``国务院关于促进综合保税区高水平开放高质量发展的若干意见``.
        doc_number: 发文字号, e.g. ``国发〔2019〕3号``.
        issuers: 发文机关署名, one Field per organ.
        addressees: 主送机关 split on ``，``.
        date: 成文日期.
        date_span: where the date was read.
        body: the range holding the preamble and the numbered sections of this document only.
        attachments: documents this one issues or attaches, each a Frame of its own.
        defined_terms: ``{'科普': '科学技术普及'}`` from ``科学技术普及（以下简称科普）``.
        excluded: noise ranges (page chrome, page numbers, 目录, foreign articles …). Ranges that
            lie inside ``body`` (a page number ``— 3 —``, a 目录) must be skipped by later stages.
        table_header: the header row of a table that makes up the body (``序号 工作事项 主要内容
            牵头单位 …``), kept out of ``body`` so it is not read as text; later stages may use
            it to name the table's columns.
    """

    title: Field | None = None
    doc_number: Field | None = None
    issuers: list[Field] = field(default_factory=list)
    addressees: list[Field] = field(default_factory=list)
    date: datetime.date | None = None
    date_span: tuple[int, int] | None = None
    body: tuple[int, int] = (0, 0)
    attachments: list[Frame] = field(default_factory=list)
    defined_terms: dict[str, str] = field(default_factory=dict)
    excluded: list[tuple[int, int]] = field(default_factory=list)
    table_header: tuple[int, int] | None = None


# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------

_CN_DIGIT = {
    "〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "0": 0,
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")

# 成文日期: '2019年8月20日', '二〇二三年五月五日', '二○○五年二月十五日' (○ is U+25CB in 012).
_Y = r"(?:[12][0-9０-９]{3}|[12１２][0-9０-９]{3}|[〇零○Ｏ一二三四五六七八九]{4})"
_MD = r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})"
_DATE = regex.compile(rf"(?P<y>{_Y})\s*年\s*(?P<m>{_MD})\s*月\s*(?P<d>{_MD})\s*日")
_ISO_DATE = regex.compile(r"(?<!\d)((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")

# 发文字号: 国办发〔2018〕117号, 穗医保规字〔2024〕1号, 国发[2019]3号, 京政发（2020）5号.
_LB = r"[〔\[［【(（﹝]"  # every bracket a 发文字号 year is written in
_RB = r"[〕\]］】)）﹞]"
_DOCNUM_TAIL = regex.compile(rf"{_LB}\s*(?:19|20)\d{{2}}\s*{_RB}\s*(?:第\s*)?\d{{1,5}}\s*号")
_DOCNUM_AT = regex.compile(
    r"(?:文\s*号[：:]\s*)?([\p{Han}A-Za-z]{1,15}\s*"
    rf"{_LB}\s*(?:19|20)\d{{2}}\s*{_RB}\s*(?:第\s*)?\d{{1,5}}\s*号)"
)
_DOCNUM_LINE = regex.compile(
    r"^(?:文\s*号[：:]\s*)?([\p{Han}A-Za-z]{1,15}\s*"
    rf"{_LB}\s*(?:19|20)\d{{2}}\s*{_RB}\s*(?:第\s*)?\d{{1,5}}\s*号)$"
)

# The kinds of document a title names, as its last word: '…的通知', '…实施方案', '…条例'.
_KIND_WORDS = (
    "通知", "通报", "意见", "方案", "办法", "规定", "条例", "细则", "规则", "决定", "公告", "通告",
    "预案", "规划", "纲要", "计划", "措施", "函", "批复", "指引", "指南", "要点", "标准", "章程",
    "决议", "命令", "清单", "制度", "报告", "法", "体系", "分工表", "一览表", "汇总表", "明细表",
    "任务表", "名单", "目录", "守则", "准则", "规程", "公约", "条件",
)  # fmt: skip
_KIND = "(?:" + "|".join(_KIND_WORDS) + ")"
_TITLE_END = regex.compile(rf"{_KIND}(?:[（(][^（）()]{{1,16}}[）)])?$")
_KIND_WORD = regex.compile(_KIND)
_OF_KIND = regex.compile(rf"的{_KIND}")  # '…的通报'
# The characters a title can end with (a kind word's last one, or a closing bracket): a cheap
# test that rejects most lines before any pattern runs.
_TITLE_LAST = frozenset(w[-1] for w in _KIND_WORDS) | frozenset("）)")
_SELF_KIND = regex.compile(
    r"(?:制定|印发|形成|提出)?本(实施方案|方案|办法|条例|规定|细则|意见|通知|预案|规划|计划"
    r"|决定|公告|通告|规则|指引|指南|措施|纲要)"
)
_TITLE_BAD = regex.compile(r"[。，；！？：:|>＞]|\.docx?|\.xlsx?|\.pdf|https?:|www\.|©")

# Organ names end with one of these: 国务院办公厅, 国家发展改革委, 广州市卫生健康委员会.
_ORG_END = regex.compile(
    r"(?:国务院|委员会|人民政府|政府|办公厅|办公室|委|厅|局|部|署|院|会|府|办|中心|银行|公司"
    r"|集团|党委|党组|市委|省委|区委|县委|科协|妇联|工会|团委|法院|检察院|军区|总队|司|分行|支行"
    r"|分局|支队|大队)$"
)

# Section markers at a line start: 一、 （一） 第一章 第一条 1. （1） ① 1　总则 (decimal outline).
_MARKER = regex.compile(
    r"^(?:#{1,6}\s*)?(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[）)]"
    r"|第[一二三四五六七八九十百零〇两\d]+[编章节条]|\d{1,3}(?:\.\d{1,3})*[、.．\s\u3000]"
    r"|[（(]\d{1,3}[）)]|[①-⑳])"
)
_TOP_MARKER = regex.compile(
    r"^(?:#{1,6}\s*)?(?:([一二三四五六七八九十]+)、|第([一二三四五六七八九十]+)[章条])"
)

# Page chrome: breadcrumbs, metadata panels, share widgets, footers (GB sites share these words).
_CHROME_STRONG = regex.compile(
    r"当前位置|所在的位置|ICP备|公网安备|网站标识码|版权所有|主办单位|承办单位|联系我们|网站地图"
    r"|友情链接|^分享到|^【?打印】?$|打印关闭|浏览次数|浏览量|^发布时间[：:]|^发表时间[：:]"
    r"|^发布日期[：:]|^成文日期[：:]|^(?:信息)?来源[：:]|^索引号|^主题词[：:]|^分类[：:]"
    r"|^发布机构[：:]|^名称[：:]|^文号[：:]|字体[：:]|扫一扫|扫码|相关新闻|相关政策|相关文件"
    r"|相关链接|排行榜|无障碍|长者助手|高级搜索|搜索热词|^\[\s*打印\s*\]$|^公开方式[：:]"
    r"|^(?:内容|正文)[：:]$|内容纠错|^下载|繁体版|英文版|^登\s*录$|政策解读|解读$|^首页|^A[+＋-][大中小]?$"
)
_CHROME_WORDS = frozenset(
    [
        "发布",
        "打印",
        "关闭",
        "收藏",
        "返回",
        "顶部",
        "返回顶部",
        "分享",
        "手机版",
        "纠错",
        "搜索",
        "退出",
        "您好",
        ">",
        "|",
        "-",
        "·",
        "×",
        "+",
        "X",
        "EN",
        "----",
        "首页",
        "【打印】",
    ]
)
_PAGE_NUMBER = regex.compile(r"^[-—－–]+\s*\d{1,4}\s*[-—－–]+$")
# Weak page chrome: skipped in a header, but not the end of a body (a table may hold such cells).
# A publication time '2019-01-07 09:30'; a font-size widget 'Aa' / '字体：' / '小' '|' '中'.
_CHROME_WEAK = regex.compile(
    r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s+\d{1,2}:\d{2}(?::\d{2})?"
    r"|A\s*a|字\s*[体号]\s*[：:]?\s*(?:[大中小]\s*[|｜]?\s*){0,3}|[大中小]|[|｜]"
)
_MD_CHROME = regex.compile(
    r"(?:\s*(?:!\[[^\]\n]{0,80}\]\([^)\s]{0,400}\)|\*\*A[+＋-]?\*\*[大中小]?))+\s*"
)
# A metadata panel label, often letter-spaced ('发 文 字 号 ：'), its value on the next line.
_PANEL_LABEL = regex.compile(
    r"(?:名称|标题|索引号|发布机构|发文机关|发文单位|发文字号|文号|主题|主题分类|主题词|成文日期"
    r"|发文日期|发布日期|印发日期|生效日期|施行日期|废止日期|有效性|时效性|效力状态|体裁分类|文种"
    r"|公开方式|公开范围|所属机构|信息来源|来源|分类|组配分类|服务对象)[：:]"
)

# Closing parts of a 公文 and what follows it.
_ANNEX_NOTE = regex.compile(r"^附\s*件\s*[：:]")  # 附件说明 '附件：1．…'
_ANNEX_MARK = regex.compile(
    r"^(?:附\s*件|附\s*录)\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?\s*[：:]?$"
)
# An attachment marker with its name on the line: '附录2：竞价指引', '附件1：任务分工表'.
_ANNEX_NAMED = regex.compile(
    r"^(?:附\s*件|附\s*录)\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*[：:]\s*"
    r"(?P<name>[^。；：:！？]{2,60}?)$"
)
# The name a notice issues, in its body: '《某某办法》已经…同意，现印发实施', '现将《X》印发给你们',
# '同意国家计委《关于甲的报告》，现转发给你们'.
_ISSUED_IN_BODY = regex.compile(
    r"《(?P<a>[^《》\n]{2,60})》(?=[^。\n《]{0,30}(?:印发|发布|公布|下发|转发))"
    r"|(?:印发|发布|公布|下发|转发)《(?P<b>[^《》\n]{2,60})》"
)
_NOTE = regex.compile(r"^[（(]\s*此件[^）)]{0,30}[）)]$")
# A download link of an attachment on a web page: '附件.doc', '附件1：某某清单.xlsx'.
_FILE_LINK = regex.compile(
    r"^[^。；]{0,100}\.(?:docx?|wps|pdf|xlsx?|et|zip|rar|7z|ofd|txt|pptx?)$", regex.I
)
_COPY_TO = regex.compile(
    r"^(?:抄\s*送|抄\s*报|主\s*题\s*词|印\s*发)[：:]|\d{1,2}月\d{1,2}日\s*印\s*发$"
)
_CONTACT = regex.compile(
    r"^[（(]?[\p{Han}（）()]{0,30}(?:联\s*系\s*(?:人|电话|方式)|电\s*话|传\s*真)[：:].{0,80}$"
)
# A _CONTACT line names its label within its first 32 characters: 联/电/传 follows at most a
# bracket and thirty characters. A plain class, for the stdlib engine's faster scan.
_CONTACT_KEY = re.compile("[联电传]")
_CONTACT_REACH = 32
_FOREIGN = regex.compile(
    r"^(?:本报讯|本报[\p{Han}]{0,6}电|新华社[\p{Han}\d]{0,12}电|据新华社|央视网消息)"
)
_HEADLINE = regex.compile(
    r"^(?P<o>[^《》]{2,80}?)\s*(?:印发|转发|发布|出台|公布)《(?P<t>[^《》]{4,120})》$"
)
_MARKDOWN_TITLE = regex.compile(r"^#\s+(.+)$")
_INFO_END = regex.compile(r"^<!--.*-->$")
_EFFECTIVE_ONLY = regex.compile(r"^[^，。；]{0,30}日\s*(?:起)?(?:施行|生效|实施)[）)]?$")
_META_PASSED = regex.compile(r"(?:通过|批准|发布|公布|施行|修订|修正)[）)]?$")
_TOC = regex.compile(r"^目\s*录$")
_TABLE_HEAD_GLUED = regex.compile(
    r"序号[\p{Han}\s/（）()、]{0,80}?(?=[一二三四五六七八九十]+、|[0-9０-９])"
)
_SENTENCE_END = regex.compile(r"[。！？；：:]$|[。！？][”’）)]$")

# Promulgation orders: 中华人民共和国国务院令 第707号 / 广东省人民政府令第123号.
_ORDER = regex.compile(
    r"(?:中华人民共和国)?[\p{Han}]{0,20}?令\s*[（(]?\s*第\s*[0-9一二三四五六七八九十百零〇]{1,6}\s*号[)）]?"
)
_ORDER_REACH = 7 + 20  # how far before its '令' an _ORDER match may start
_ORDER_TAIL = regex.compile(r"令\s*[（(]?\s*第\s*[0-9一二三四五六七八九十百零〇]{1,6}\s*号")
# '2008年7月17日 经人力资源和社会保障部第6次部务会议通过': the organ's own executive meeting.
_MEETING_ORGAN = regex.compile(
    r"经?\s*(?:中华人民共和国)?(?P<o>(?!经)[\p{Han}]{2,30}?)\s*第\s*[0-9一二三四五六七八九十百零〇]{1,4}\s*次"
    r"\s*(?:部务|局务|委务|署务|行务|厅务|主任办公|办公)会议"
)
_ORDER_ORGAN = regex.compile(r"(?:中华人民共和国)?(?P<o>[\p{Han}]{2,20}?)\s*令")
_ORDER_NAME = regex.compile(
    r"(?:公布(?:修订后的)?|发布|施行)《(?P<a>[^《》]{2,80})》|《(?P<b>[^《》]{2,80})》(?:已经|业经|经)"
)
_SIGNER = regex.compile(
    r"(?:总\s*理|主\s*席|省\s*长|市\s*长|部\s*长|主\s*任|署\s*长|局\s*长|院\s*长|州\s*长|县\s*长|区\s*长)"
)
_REVISION_NOTE = regex.compile(
    r"[（(][^（）()]{0,600}?(?:发布|修订|公布|通过|修正)[^（）()]{0,80}[）)]"
)

# 定义: 科学技术普及（以下简称科普）, （简称市农委）, （以下简称《纲要》）, （下称种子基金）.
_DEFINED = regex.compile(
    r"[（(]\s*(?:[^（）()，,\n]{1,40}[，,]\s*)?(?:以下|下文)?(?:简称|统称|称|下称)\s*[：:]?\s*[“「《]?(?P<alias>[^（）()“”「」《》\n]{1,20}?)"
    r"[”」》]?\s*[）)]"
)

_ADDRESSEE = regex.compile(r"([^。；：:！？\n]{2,400}?)[：:]")
_ADDRESSEE_BAD = regex.compile(
    r"如下|以下|通知|公告|根据|为了|为进一步|现将|特此|经\p{Han}{0,6}同意"
)
_ADDRESSEE_END = regex.compile(
    r"(?:单位|部门|机构|政府|委|局|厅|院|办|会|中心|公司|企业|学校|银行|兵团|署|部|所|站|处|室"
    r"|同志|人员|群众|个人|司|分行|支行|主体|集团|机关|组织)$"
)


# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------

# Line tests are asked again and again about the same lines (every title candidate tests the
# line before it, a signature check looks six lines ahead, the body scan repeats the header's
# tests), so the pure ones remember their answers during one segment() call. The memos are
# emptied when the call returns: nothing carries over between documents, and memory stays
# bounded by one document's lines. Threads may share a memo: the answers are pure functions
# of the string, so a memo emptied by another thread only costs recomputation.
_MEMO_CLEARS: list[Callable[[], None]] = []


def _per_parse(fn: Callable[[str], bool]) -> Callable[[str], bool]:
    """Remember ``fn``'s answers until the running segment() returns."""
    memo = functools.cache(fn)
    _MEMO_CLEARS.append(memo.cache_clear)
    return memo


def _forget() -> None:
    for clear in _MEMO_CLEARS:
        clear()


class _Line(NamedTuple):
    # A named tuple: a page has thousands of lines, and a tuple is built faster than a dataclass.
    start: int  # offset of the first non-space character
    end: int  # offset after the last non-space character
    s: str  # text[start:end]


def _split_lines(text: str) -> tuple[list[_Line], list[int]]:
    """Split into lines with offsets, each trimmed of surrounding whitespace.

    Returns the lines and the offset where each line begins in ``text`` (before its spaces).
    """
    lines: list[_Line] = []
    starts: list[int] = []
    pos = 0
    for raw in text.split("\n"):
        s = raw.strip()  # str.strip() drops exactly the characters str.isspace() accepts
        a = pos + len(raw) - len(raw.lstrip()) if s else pos + len(raw)
        lines.append(_Line(a, a + len(s), s))
        starts.append(pos)
        pos += len(raw) + 1
    return lines, starts


def _despace(s: str) -> str:
    """Remove letter spacing and line breaks, keep single spaces between words.

    ``国 家 粮 食 应 急 预 案 的 函`` → ``国家粮食应急预案的函``; ``国家发展改革委 国家能源局``
    keeps its space (two names): only runs of single characters are glued together.
    """
    toks = s.split()
    # A run of two or more single characters is letter spacing; it is glued to the words around
    # it too ('…造地费有 关 问 题 的 复 函' → '…造地费有关问题的复函'), except after or before
    # an organ name ('国家发展改革委 国 家 能 源 局关于…' keeps the space between two organs).
    spaced = [False] * len(toks)
    for k, tok in enumerate(toks):
        if len(tok) == 1 and (
            (k > 0 and len(toks[k - 1]) == 1) or (k + 1 < len(toks) and len(toks[k + 1]) == 1)
        ):
            spaced[k] = True
    out: list[str] = []
    for k, tok in enumerate(toks):
        if out and (
            (spaced[k] and spaced[k - 1])
            or ((spaced[k] or spaced[k - 1]) and not _ORG_END.search(out[-1]))
        ):
            out[-1] += tok
        else:
            out.append(tok)
    return " ".join(out)


def _compact(s: str) -> str:
    """Drop all whitespace (for comparing titles and names)."""
    return "".join(s.split())


def _cn_small(s: str) -> int | None:
    """Read a month or day: '5', '十', '十一', '二十', '三十一'."""
    s = s.translate(_FULLWIDTH)
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    if "十" in s:
        head, _, tail = s.partition("十")
        tens = _CN_DIGIT.get(head, -1) if head else 1
        ones = _CN_DIGIT.get(tail, -1) if tail else 0
        if tens < 0 or ones < 0:
            return None
        return tens * 10 + ones
    if len(s) == 1 and s in _CN_DIGIT:
        return _CN_DIGIT[s]
    return None


def parse_date(s: str) -> datetime.date | None:
    """Read the first date written in ``s``.

    Args:
        s: text holding a date such as ``2019年8月20日``, ``二〇二三年五月五日``,
            ``二○○五年二月十五日`` or ``2023-10-19``.

    Returns:
        The date, or ``None`` when ``s`` holds no valid date (``2019年2月30日`` is not one).
    """
    m = _DATE.search(s)
    if m is not None:
        y_raw = m.group("y").translate(_FULLWIDTH)
        if y_raw.isdigit():
            year = int(y_raw)
        else:
            digits = [_CN_DIGIT.get(c, -1) for c in y_raw]
            if min(digits) < 0:
                return None
            year = int("".join(map(str, digits)))
        month = _cn_small(m.group("m"))
        day = _cn_small(m.group("d"))
        if month is None or day is None:
            return None
        return _make_date(year, month, day)
    iso = _ISO_DATE.search(s)
    if iso is not None:
        return _make_date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    return None


def _make_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


@_per_parse
def _is_chrome(s: str) -> bool:
    """Page furniture: navigation, metadata panel, share widget, footer."""
    if not s:
        return False
    # (Each pattern runs only on a line holding a character its match needs: a page number
    # starts with a dash, a panel label holds a colon.)
    if s in _CHROME_WORDS or (s[0] in "-—－–" and _PAGE_NUMBER.match(s)):
        return True
    if ("**" in s or "![" in s) and _MD_CHROME.fullmatch(s):
        return True  # '![Image 2](http://…jpg)', '**A+**大**A+**中**A+**小'
    if "。" in s or len(s) > 120:
        return False
    if len(s) <= 40 and (
        _CHROME_WEAK.fullmatch(s) or (("：" in s or ":" in s) and _PANEL_LABEL.match(_compact(s)))
    ):
        return True
    return _CHROME_STRONG.search(s) is not None


@_per_parse
def _is_weak_chrome(s: str) -> bool:
    """Chrome that does not end a body: a word of a widget, a time stamp, a page number."""
    return s in _CHROME_WORDS or bool(_PAGE_NUMBER.match(s)) or bool(_CHROME_WEAK.fullmatch(s))


@_per_parse
def _is_date_line(s: str) -> bool:
    """A line holding only a date: '2019年1月12日', '二〇〇五年六月十一日'."""
    m = _DATE.match(s)
    return m is not None and not s[m.end() :].strip()


@_per_parse
def _is_ishy(s: str) -> bool:
    """A short line without sentence punctuation: a headline, an organ name, a fragment."""
    return 0 < len(_compact(s)) <= 60 and _ISHY_PUNCT.search(s) is None


# Plain character classes asked of every line: the stdlib engine scans for them faster.
_ISHY_PUNCT = re.compile(r"[。，；！？、：:]")


def _org_tokens(s: str) -> list[str] | None:
    """Split a signature text into organ names, joining names broken over lines.

    '国家发 展改革委 国 家 能 源 局' → ['国家发展改革委', '国家能源局']. ``None`` when a piece does
    not end like an organ name.
    """
    toks = _despace(s).split()
    out: list[str] = []
    buf = ""
    for tok in toks:
        buf += tok
        if _ORG_END.search(buf):
            out.append(buf)
            buf = ""
    if buf or not out:
        return None
    if any(len(t) < 2 or len(t) > 40 for t in out):
        return None
    return out


@_per_parse
def _title_like(s: str) -> bool:
    """Whether ``s`` reads as a document title: '关于…的通知', '…实施方案', '…条例（试行）'."""
    t = _compact(s)
    if not 6 <= len(t) <= 130 or t[-1] not in _TITLE_LAST:
        return False
    if _TITLE_BAD.search(t) or _MARKER.match(t) or _DATE.match(t):
        return False
    if t[0] in "（(《“【[—-·•" or t.startswith(("附件", "附录", "序号")):
        return False
    if _DOCNUM_TAIL.search(t):
        return False
    if t.count("《") != t.count("》"):
        return False  # '根据《若干意见' (cut before a cited number): a fragment of a sentence
    return _TITLE_END.search(t) is not None


# ---------------------------------------------------------------------------------------------
# The document finder
# ---------------------------------------------------------------------------------------------


@dataclass
class _Cand:
    first: int  # first line index
    last: int  # last line index (inclusive)
    title: Field
    doc_number: Field | None
    after: int  # offset right after the title (and a glued 发文字号)
    markdown: bool = False
    score: int = 0


@dataclass
class _Ctx:
    text: str
    lines: list[_Line]
    line_at: list[int]  # line index of each line start, for bisect
    claimed: list[tuple[int, int]] = field(default_factory=list)
    noise: list[tuple[int, int]] = field(default_factory=list)
    first_top: int | None = None  # index of the first line opening with 一、/第一条/第一章
    # Lines [a, b) that start no signature: a _signature_run from a met a line that ends every
    # walk from a line before it (see there). The body scan asks about each line in turn.
    unsigned: tuple[int, int] = (0, 0)


def _line_index(ctx: _Ctx, pos: int) -> int:
    """Index of the line containing offset ``pos``."""
    lo, hi = 0, len(ctx.line_at) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if ctx.line_at[mid] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


_NUM_PREFIX = regex.compile(r"[\p{Han}A-Za-z]{1,15}\s*")  # '国办函' before '〔2018〕46号'


_STOPPED_HEADLINE = regex.compile(rf"(关于[^。；：:\n]{{2,60}}{_KIND})。(?=[^\n]{{20}})")
# Punctuation that makes a line neither _title_like nor _is_ishy (both reject it).
_NOT_TITLE_PUNCT = re.compile(r"[。，；！？：:]")


def _title_candidate(ctx: _Ctx, i: int) -> _Cand | None:
    """A title starting at line ``i``.

    One line, up to three wrapped lines, or a line that glues the title to its 发文字号
    (``…的通报国办函〔2018〕46号``).
    """
    lines = ctx.lines
    ln = lines[i]
    s = ln.s
    if not s:
        return None
    if i > 0 and s[0] != "#" and "号" not in s:
        # Without a markdown '#' or a 发文字号's '号', a line can only open a title that ends on
        # it or on one of the lines a wrapped title takes (the stopped headline is line 0's).
        if len(s) > 130 or _NOT_TITLE_PUNCT.search(s) is not None:
            return None  # most lines are sentences or long paragraphs
        if s[-1] not in _TITLE_LAST and not _wrap_may_end(lines, i):
            return None  # most short lines are table cells, names, navigation
    if _is_chrome(s):
        return None
    prev = lines[i - 1].s if i > 0 else ""
    if _continues_wrap(prev):
        # The line continues a hard-wrapped paragraph ('…共同探' / '讨形成了…评测体系'):
        # a wrap point that happens to end in a kind word is not a title.
        return None
    md = _MARKDOWN_TITLE.match(s) if s[0] == "#" else None
    if md:
        t = md.group(1).strip()
        if "](" in t or _CHROME_STRONG.search(t[:40]) or _is_chrome(t):
            return None  # '# 您当前所在的位置：[首页](…)>[…](…)': a breadcrumb
        if 2 <= len(t) <= 130:
            start = ln.start + md.start(1)
            return _Cand(i, i, Field(_despace(t), start, ln.end), None, ln.end, markdown=True)
        return None
    # Title glued to its 发文字号 (one-line sources): split before the 发文字号 prefix, right after
    # '的通报' rather than inside '国办函' (函 is also a kind word).
    # (A 发文字号 ends in '号': most lines need no search.)
    tail = _DOCNUM_TAIL.search(s, 0, min(len(s), 200)) if "号" in s else None
    if tail is not None and tail.start() > 6:
        head = s[: tail.start()]
        best = -1
        for m in _OF_KIND.finditer(head):
            if 1 <= len(head) - m.end() <= 12:
                best = m.end()
        if best < 0:
            for m in _KIND_WORD.finditer(head):
                if 1 <= len(head) - m.end() <= 12:
                    best = m.end()
                    break
        if best > 0 and _title_like(head[:best]) and _NUM_PREFIX.fullmatch(head[best:]):
            num_start = ln.start + best
            num = Field(_compact(s[best : tail.end()]), num_start, ln.start + tail.end())
            title = Field(_despace(head[:best]), ln.start, ln.start + best)
            return _Cand(i, i, title, num, ln.start + tail.end())
    if _title_like(s) and len(s) <= 130:
        return _Cand(i, i, Field(_despace(s), ln.start, ln.end), None, ln.end)
    # A headline closed by a full stop at the top of a run-together excerpt ('关于甲的意见。为…').
    stop = _STOPPED_HEADLINE.match(s) if i == 0 else None
    if stop is not None and _title_like(stop.group(1)):
        return _Cand(
            i,
            i,
            Field(stop.group(1), ln.start, ln.start + stop.end(1)),
            None,
            ln.start + stop.end(),
        )
    # Wrapped title: '国务院办公厅关于印发' + '国 家 粮 食 应 急 预 案 的 函'.
    if len(s) > 60 or not _is_ishy(s) or _MARKER.match(s) or _is_date_line(s):
        return None
    if _is_panel_value(ctx, i):
        return None  # '有 效 性 ：' / '有效': a value of a metadata panel does not start a title
    parts = [s]
    j = i
    for _ in range(3):
        j += 1
        if j < len(lines) and not lines[j].s:
            j += 1  # web text puts a blank line between the lines of a wrapped title
        if j >= len(lines):
            return None
        nxt = lines[j].s
        if not nxt or not _is_ishy(nxt) or _is_chrome(nxt) or _MARKER.match(nxt) or len(nxt) > 60:
            return None
        if _is_date_line(nxt) or _DOCNUM_LINE.match(nxt):
            return None
        parts.append(nxt)
        # (The joined lines end as ``nxt`` does: most fail _title_like's last-character test.)
        if nxt[-1] in _TITLE_LAST and _title_like("".join(parts)):
            if _title_like(nxt) and not _WRAP_HEAD.search(_compact("".join(parts[:-1]))):
                # '互动回应' / '专题专栏' / '…的通知': navigation words above a whole title line
                # are not its beginning; that line is a candidate of its own.
                return None
            end = lines[j].end
            return _Cand(i, j, Field(_join_title(parts), ln.start, end), None, end)
    return None


def _wrap_may_end(lines: list[_Line], i: int) -> bool:
    """Whether a line a wrapped title from line ``i`` would take ends like a title.

    Walks the lines as the wrapped-title loop of _title_candidate does (one blank line skipped,
    a blank after it stops): that loop only returns on a line ending in a _TITLE_LAST character.
    """
    j = i
    for _ in range(3):
        j += 1
        if j < len(lines) and not lines[j].s:
            j += 1
        if j >= len(lines) or not lines[j].s:
            return False
        if lines[j].s[-1] in _TITLE_LAST:
            return True
    return False


def _is_panel_value(ctx: _Ctx, i: int) -> bool:
    """Whether line ``i`` is the value of a panel label on the line before ('发 文 字 号 ：')."""
    k = i - 1
    while k >= 0 and not ctx.lines[k].s:
        k -= 1
    if k < 0:
        return False
    prev = _compact(ctx.lines[k].s)
    return bool(_PANEL_LABEL.match(prev)) and len(prev) <= 8


# The beginning of a wrapped title that needs the next line: '…关于印发', an organ name ('…统战部'
# / '关于…'), a connector ('…和' / '…的'), a year ('2024年').
_WRAP_HEAD = regex.compile(
    rf"关于|(?:印发|转发|发布|公布|的|和|与|及|、|年|[0-9０-９]|{_ORG_END.pattern[:-1]})$"
)


@_per_parse
def _continues_wrap(prev: str) -> bool:
    """Whether a line after ``prev`` is the rest of a hard-wrapped paragraph."""
    if len(prev) < 15 or _SENTENCE_END.search(prev) or _is_chrome(prev):
        return False
    return not (_title_like(prev) or _DOCNUM_LINE.match(prev) or _is_date_line(prev))


def _join_title(parts: list[str]) -> str:
    """Join wrapped title lines: no separator at a wrap, word spaces inside a line are kept."""
    return "".join(_despace(p) for p in parts)


def _addressee_at(ctx: _Ctx, pos: int) -> tuple[list[Field], int] | None:
    """主送机关 at ``pos``: '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：'."""
    m = _ADDRESSEE.match(ctx.text, pos)
    if m is None:
        return None
    head = m.group(1)
    if "\n" in head or _ADDRESSEE_BAD.search(head) or _MARKER.match(head):
        return None
    head_c = head.strip()
    if not (head_c.startswith("各") or _ADDRESSEE_END.search(head_c)):
        return None
    if "《" in head_c or "“" in head_c:
        return None
    fields: list[Field] = []
    for part in regex.finditer(r"[^，,]+", head):
        a, b = part.start(), part.end()
        value = part.group(0).strip()
        if value:
            lead = len(part.group(0)) - len(part.group(0).lstrip())
            fields.append(Field(value, pos + a + lead, pos + a + lead + len(value)))
    del b
    return fields, m.end()


def _skip_ws(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


_PARAGRAPH = regex.compile(r"[。；]|[：:]$")  # a sentence, or a line that introduces a list


def _score(ctx: _Ctx, cand: _Cand, cands_at: dict[int, _Cand]) -> int:
    """How much the text after a title candidate looks like a 公文 header and body."""
    score = 3 if cand.markdown else 0
    if "关于" in cand.title.value:
        score += 1
    if cand.doc_number is not None:
        score += 2
    lines = ctx.lines
    seen = 0
    pos = cand.after
    i = _line_index(ctx, pos)
    # The rest of the title's own line (glued sources) counts as the next line.
    rest = ctx.text[_skip_ws(ctx.text, pos, lines[i].end) : lines[i].end]
    first_par = ""
    queue: list[str] = [rest] if rest else []
    j = i + 1
    got_num = cand.doc_number is not None
    while seen < 14:
        if queue:
            s = queue.pop()
        elif j < len(lines):
            if j in cands_at and j != cand.first:
                break
            s = lines[j].s
            j += 1
        else:
            break
        if not s:
            continue
        seen += 1
        if _is_chrome(s) or _INFO_END.match(s):
            continue
        if _DOCNUM_LINE.match(s):
            if not got_num:
                score += 2
                got_num = True
            continue
        if (
            _is_date_line(s)
            or _ISO_DATE.fullmatch(s)
            or (_DATE.match(s) and _META_PASSED.search(s))
            or _BRACKET_DATE.fullmatch(s)
        ):
            continue
        if _TOC.match(_compact(s)):
            score += 1
            continue
        am = _ADDRESSEE.match(s)
        if am and _addressee_ok(am.group(1)):
            score += 3
            tail = s[am.end() :].strip()
            if tail:
                queue.append(tail)
            continue
        if _MARKER.match(s):
            score += 2
            first_par = first_par or s
            break
        if _PARAGRAPH.search(s):
            score += 2
            first_par = s
            break
        if len(s) <= 8:
            continue
        break
    if _after_annex_mark(ctx, cand.first):
        # The title of an appendix ('附录2：竞价指引' / '某某竞价指引') after a numbered body:
        # the document is the body before it, the appendix is its attachment.
        score -= 4
    if first_par:
        # '…制定本实施方案。' names the kind of its own document; a headline that names another
        # kind ('…顶岗培养计划', a news headline before the plan) is not this document's title.
        own = _SELF_KIND.search(first_par[:600])
        if own and own.group(1) not in cand.title.value:
            score -= 4
    return score


def _after_annex_mark(ctx: _Ctx, i: int) -> bool:
    """Whether line ``i`` follows an attachment marker that follows numbered sections."""
    k = i - 1
    while k >= 0 and not ctx.lines[k].s:
        k -= 1
    if k < 0 or not (_ANNEX_MARK.match(ctx.lines[k].s) or _ANNEX_NAMED.match(ctx.lines[k].s)):
        return False
    if ctx.first_top is None:
        ctx.first_top = next(
            (n for n, ln in enumerate(ctx.lines) if _TOP_MARKER.match(ln.s)), len(ctx.lines)
        )
    return ctx.first_top < k


def _addressee_ok(head: str) -> bool:
    h = head.strip()
    if "\n" in h or _ADDRESSEE_BAD.search(h) or _MARKER.match(h) or "《" in h or "“" in h:
        return False
    return h.startswith("各") or _ADDRESSEE_END.search(h) is not None


# ---------------------------------------------------------------------------------------------
# Body end, signature, attachments
# ---------------------------------------------------------------------------------------------


@dataclass
class _Close:
    """What follows a body: 附件说明, signature, 附注, a newspaper headline."""

    end: int = 0  # offset after the closing block
    issuers: list[Field] = field(default_factory=list)
    date: datetime.date | None = None
    date_span: tuple[int, int] | None = None
    annex_names: list[str] = field(default_factory=list)
    headline: Field | None = None


_GLUED_ANNEX = regex.compile(r"(?<=[。！？])\s*附\s*件\s*[：:]")
_NOTE_AT = regex.compile(r"\s*[（(]\s*此件[^）)]{0,30}[）)]")
_SIG_BEFORE = regex.compile(r"(?:^|[。！？”）)])(?P<org>[^。！？”）)：:，,；\n]{2,80})$")


def _glued_close(ctx: _Ctx, ln: _Line, body_from: int, names: list[str]) -> int | None:
    """Where a closing part glued inside a line starts, in one-line sources.

    '…认真贯彻落实。国务院办公厅2020年11月1日（此件公开发布）' (a signature after the last
    sentence) or '…经验做法。附件：部分地方…' (the 附件说明 after the last sentence).
    """
    text = ctx.text
    s = ln.s
    lo = max(ln.start, body_from)
    found: int | None = None
    # The body scan asks this of every line: each search below runs only on a line holding a
    # character its match needs ('附', a space run's blank, '年').
    am = _GLUED_ANNEX.search(text, lo, ln.end) if "附" in s else None
    if am is not None:
        found = _skip_ws(text, am.start(), ln.end)
    stop = found if found is not None else ln.end
    if "\u3000" in s or "    " in s or "\t" in s:
        for sm in _SPACED_RUN.finditer(text, lo, stop):
            # '…狠抓落实。　　　　　　国务院办公厅': a signature set off by a run of spaces.
            if _spaced_signature(ctx, sm.end(), ln):
                return sm.end()
    for dm in _dates(text, lo, stop) if "年" in s else ():
        # Work on small windows: the regex module pays for the whole string on every call with a
        # position, which makes per-date checks on a 2 MB one-line text quadratic.
        after = text[dm.end() : min(ln.end, dm.end() + 160)].lstrip()
        if not (
            not after
            or _NOTE_AT.match(after)
            or after.startswith("附件")
            or _issued_at(after, 0, len(after), names) is not None
        ):
            continue
        w0 = max(lo, dm.start() - 81)
        sig = _SIG_BEFORE.search(text[w0 : dm.start()])
        if sig is None or _org_tokens(sig.group("org")) is None:
            continue
        org_start = _skip_ws(text, w0 + sig.start("org"), dm.start())
        return org_start if found is None else min(found, org_start)
    return found


def _dates(text: str, lo: int, stop: int) -> Iterator[regex.Match[str]]:
    r"""``_DATE.finditer(text, lo, stop)``, started near the first '年' rather than at ``lo``.

    Every date holds a '年' after its four-character year and any spaces (``\s`` accepts no
    character ``str.isspace`` rejects), so no match starts before the first one's year.
    """
    k = text.find("年", lo, stop)
    if k < 0:
        return iter(())
    while k > lo and text[k - 1].isspace():
        k -= 1
    return _DATE.finditer(text, max(lo, k - 4), stop)


_SPACED_RUN = regex.compile(r"(?<=[。！？”])[ \t\u3000]{4,}(?=\S)")


def _spaced_signature(ctx: _Ctx, a: int, ln: _Line) -> bool:
    """Whether organ names at ``a`` up to the line end (and then a date, or nothing) sign."""
    text = ctx.text
    if _glued_sig_at(text, a, ln.end) is not None:
        return True
    rest = text[a : ln.end].strip()
    if len(rest) > 80 or _org_tokens(rest) is None:
        return False
    i = _line_index(ctx, ln.start)
    j = _next_content(ctx, i)
    return j >= len(ctx.lines) or _is_date_line(ctx.lines[j].s) or _is_end_line(ctx, j)


def _glued_sig_at(text: str, a: int, end: int) -> tuple[list[Field], regex.Match[str], int] | None:
    """A signature written at ``a`` with its date on the same line: '国务院办公厅2020年11月1日'."""
    dm = _DATE.search(text, a, min(end, a + 120))
    if dm is None:
        return None
    orgs = _org_tokens(text[a : dm.start()])
    if orgs is None:
        return None
    fields: list[Field] = []
    off = a
    for o in orgs:
        k = _find_spaced(text[: dm.start()], o, off)
        if k is None:
            return None
        fields.append(Field(o, k[0], k[1]))
        off = k[1]
    stop = dm.end()
    nm = _NOTE_AT.match(text, stop, end)
    if nm is not None:
        stop = nm.end()
    return fields, dm, stop


def _signature_run(ctx: _Ctx, i: int) -> bool:
    """Whether line ``i`` starts a signature.

    Organ lines (names may be broken over lines: '国家发' / '展改革委') followed by a date line,
    or a bare date line.
    """
    lines = ctx.lines
    a, b = ctx.unsigned
    if a <= i < b:
        return False
    if _is_date_line(lines[i].s):
        return True
    parts: list[str] = []
    quoted = False  # whether a part ends with '》' (a headline may end there)
    j = i
    while j < len(lines) and len(parts) < 6:
        s = lines[j].s
        j += 1
        if not s:
            continue
        if _is_date_line(s):
            return bool(parts) and _org_tokens(" ".join(parts)) is not None
        if not _is_ishy(s) or len(s) > 80:
            if not quoted:
                # A walk from any line after i meets this line too, with fewer parts and no
                # date or headline before it: none of them starts a signature either.
                ctx.unsigned = (i, j - 1)
            return False
        parts.append(s)
        hm = _HEADLINE.match("".join(parts)) if s.endswith("》") else None
        if hm and _org_tokens(hm.group("o")):
            return True  # newspaper: '中共重庆市委办公厅 重庆市人民政府办公厅' / '印发《…》'
        quoted = quoted or s.endswith("》")
    return _last_signature(ctx, i, j, parts)


def _last_signature(ctx: _Ctx, i: int, j: int, parts: list[str]) -> bool:
    """Whether organ lines ``i``..``j`` end the text after a closing sentence.

    They sign it without a date: '…独立行使监督管理职权。' / '国务院'.
    """
    if (
        not parts
        or _next_content(ctx, j - 1) < len(ctx.lines)
        or _org_tokens(" ".join(parts)) is None
    ):
        return False
    k = i - 1
    while k >= 0 and not ctx.lines[k].s:
        k -= 1
    return k >= 0 and _SENTENCE_END.search(ctx.lines[k].s) is not None


def _is_end_line(ctx: _Ctx, i: int) -> bool:
    s = ctx.lines[i].s
    if not s:
        return False
    # Each pattern is tried only on lines holding a character it needs: the body scan asks
    # this of every body line, and almost none of them close it.
    if s[0] == "附" and (_ANNEX_NOTE.match(s) or _ANNEX_MARK.match(s) or _ANNEX_NAMED.match(s)):
        return True
    if s[0] in "（(" and _NOTE.match(s):
        return True
    if (s[0] in "抄主印" or s[-1] == "发") and _COPY_TO.search(s):
        return True
    if _CONTACT_KEY.search(s, 0, _CONTACT_REACH) and _CONTACT.match(s):
        return True  # 联系人/联系电话/联系方式, 电话, 传真
    if "." in s and _FILE_LINK.match(s):
        return True
    if "。" in s and "**" not in s and "![" not in s:
        # A sentence: no chrome (markdown images aside), and no signature starts with it (a
        # date line or an organ name holds no '。'). Most body lines end here.
        return False
    if _is_chrome(s) and not _is_weak_chrome(s):
        return True
    if s in ("发布", "打印", "关闭", "返回顶部"):
        return True
    return _signature_run(ctx, i)


def _find_body_end(
    ctx: _Ctx, start: int, limit: int, names: list[str] | None = None
) -> tuple[int, int]:
    """Scan the body from ``start``.

    Returns the end of the last body character and the offset where the closing part starts.
    """
    text = ctx.text
    i = _line_index(ctx, start)
    last = start
    lines = ctx.lines
    while i < len(lines) and lines[i].start < limit:
        ln = lines[i]
        s = ln.s
        if ln.start >= start and s:
            if s[0] in "本新据央" and _FOREIGN.match(s):
                # A foreign article starts; its headline lines just before it are foreign too.
                k = i - 1
                back = last
                while k >= 0 and lines[k].start >= start:
                    if lines[k].s and not _is_ishy(lines[k].s):
                        break
                    k -= 1
                first_foreign = k + 1
                back = start
                for q in range(first_foreign - 1, -1, -1):
                    if lines[q].start < start:
                        break
                    if lines[q].s:
                        back = lines[q].end
                        break
                return back, lines[first_foreign].start
            if _is_end_line(ctx, i):
                return last, ln.start
        if s and not (s[0] in "-—－–" and _PAGE_NUMBER.match(s)):
            glued = _glued_close(ctx, ln, start, names or [])
            if glued is not None:
                end = glued
                while end > start and text[end - 1].isspace():
                    end -= 1
                return end, glued
            last = min(ln.end, limit) if ln.end > start else last
        elif s:
            ctx.noise.append((ln.start, ln.end))
        i += 1
    return last, min(limit, len(text))


def _read_close(ctx: _Ctx, pos: int, limit: int, hint: list[str]) -> _Close:
    """Read 附件说明, 发文机关署名, 成文日期, 附注/抄送 and a newspaper headline from ``pos``."""
    text = ctx.text
    lines = ctx.lines
    close = _Close(end=pos)
    i = _line_index(ctx, pos)
    org_parts: list[tuple[str, int, int]] = []
    in_annex_note = False
    while i < len(lines) and lines[i].start < limit:
        ln = lines[i]
        a = max(ln.start, pos)
        s = text[a : ln.end].strip()
        if not s:
            i += 1
            continue
        if a > ln.start:
            a = _skip_ws(text, a, ln.end)
        if _ANNEX_MARK.match(s) and not _ANNEX_NOTE.match(s):
            break  # '附件1' opens an attachment
        named = _ANNEX_NAMED.match(s) if a == ln.start else None
        if named is not None:
            if close.date is not None or org_parts or not _annex_list_item(ctx, i):
                break  # '附录2：竞价指引' followed by its text opens an attachment
            # '附件1：检查清单' / '附件2：联系表' / signature: a 附件说明 listing the names
            close.annex_names.append(named.group("name").strip())
            close.end = ln.end
            in_annex_note = True
            i += 1
            continue
        if _ANNEX_NOTE.match(s) and close.date is None and not org_parts:
            in_annex_note = True
            name = regex.sub(r"^附\s*件\s*[：:]\s*", "", s)
            dm = _DATE.search(s)
            if dm:  # 008: '附件：部分地方…做法国务院办公厅 2018年7月24日 （此件公开发布）'
                before = name[: name.find(dm.group(0))] if dm.group(0) in name else name
                orgs = _split_glued_orgs(before, hint)
                if orgs:
                    # Names may be letter-spaced: '…企业名单国 务 院一九九八年七月二十一日'.
                    cut = None
                    for k0 in range(len(before) - 1, max(-1, len(before) - 80), -1):
                        sp = _find_spaced(before, orgs[0], k0)
                        if sp is not None:
                            cut = sp[0]
                            break
                    off = a + s.find(before) if cut is None else a + s.find(before) + cut
                    for o in orgs:
                        ks = _find_spaced(text[: a + dm.start()], o, off)
                        if ks is not None:
                            close.issuers.append(Field(o, ks[0], ks[1]))
                            off = ks[1]
                    name = before[:cut] if cut is not None else before
                close.date = parse_date(dm.group(0))
                close.date_span = (a + dm.start(), a + dm.end())
                if name.strip():
                    close.annex_names.extend(_annex_items(name))
                stop = a + dm.end()
                nm = _NOTE_AT.match(text, stop, ln.end)
                close.end = nm.end() if nm is not None else stop
                if _skip_ws(text, close.end, ln.end) < ln.end:
                    break  # '…（此件公开发布）附件部分地方…': the attachment is glued on
                i += 1
                continue
            if name.strip():
                close.annex_names.extend(_annex_items(name))
            close.end = ln.end
            i += 1
            continue
        if in_annex_note and regex.match(r"^[0-9０-９]{1,2}\s*[.．、]", s):
            close.annex_names.append(_strip_annex_number(s))
            close.end = ln.end
            i += 1
            continue
        if _is_date_line(s):
            dm = _DATE.match(s)
            assert dm is not None
            close.date = parse_date(s)
            close.date_span = (a + dm.start(), a + dm.end())
            close.end = ln.end
            in_annex_note = False
            i += 1
            continue
        if _NOTE.match(s) or _COPY_TO.search(s) or _CONTACT.match(s):
            close.end = ln.end
            i += 1
            continue
        if _FILE_LINK.match(s) and not org_parts:
            ctx.noise.append((ln.start, ln.end))  # '附件.doc': a download link, not a name
            close.end = ln.end
            i += 1
            continue
        glued = _glued_sig_at(text, a, ln.end) if close.date is None else None
        if glued is not None:
            fields, dm, stop = glued
            close.issuers.extend(fields)
            close.date = parse_date(dm.group(0))
            close.date_span = (dm.start(), dm.end())
            close.end = stop
            if _skip_ws(text, stop, ln.end) < ln.end:
                break  # the next document is glued after the signature
            i += 1
            continue
        if close.date is None and _is_ishy(s) and not _MARKER.match(s):
            org_parts.append((s, a, ln.end))
            close.end = ln.end
            hm = _HEADLINE.match("".join(p[0] for p in org_parts))
            if hm and _org_tokens(hm.group("o")):
                # Newspaper headline printed after the body: issuers, then '印发《X》'.
                first = org_parts[0][1]
                k = text.find("《", first, ln.end)
                close.headline = Field(_despace(hm.group("t")), k + 1, ln.end - 1)
                off = first
                for name in _org_tokens(hm.group("o")) or []:
                    sp = _find_spaced(text[:k], name, off)
                    if sp is not None:
                        close.issuers.append(Field(name, sp[0], sp[1]))
                        off = sp[1]
                org_parts = []
            i += 1
            continue
        break
    if org_parts:
        names_ok = _org_tokens(" ".join(p[0] for p in org_parts)) is not None
        if names_ok and (close.date is not None or close.headline is not None):
            _add_orgs(close, org_parts)
        elif (
            names_ok
            and _skip_ws(text, close.end, limit) >= limit
            and (
                _set_off(text, pos)
                or _last_signature(
                    ctx,
                    _line_index(ctx, org_parts[0][1]),
                    len(ctx.lines),
                    [p[0] for p in org_parts],
                )
            )
        ):
            _add_orgs(close, org_parts)  # '…狠抓落实。　　　　国务院' ends the text: it signs
        elif close.date is None and close.headline is None:
            # Not a signature after all (a headline of something else): do not consume it.
            close.end = org_parts[0][1] if org_parts else close.end
            while close.end > pos and text[close.end - 1].isspace():
                close.end -= 1
            close.end = max(close.end, pos)
    return close


def _set_off(text: str, pos: int) -> bool:
    """Whether ``pos`` follows a run of spaces after a sentence (a signature set off on a line)."""
    return _SPACED_RUN.search(text[max(0, pos - 40) : pos + 1]) is not None


def _next_content(ctx: _Ctx, i: int) -> int:
    """Index of the next non-blank line after ``i`` (``len(lines)`` if none)."""
    j = i + 1
    while j < len(ctx.lines) and not ctx.lines[j].s:
        j += 1
    return j


def _annex_list_item(ctx: _Ctx, i: int) -> bool:
    """Whether a named annex line ``i`` belongs to a list of names before a signature."""
    j = _next_content(ctx, i)
    while j < len(ctx.lines) and _ANNEX_NAMED.match(ctx.lines[j].s):
        j = _next_content(ctx, j)
    if j >= len(ctx.lines):
        return False
    return _signature_run(ctx, j)


def _add_orgs(close: _Close, parts: list[tuple[str, int, int]]) -> None:
    """Add organ names from signature lines, with the span each name covers."""
    names = _org_tokens(" ".join(p[0] for p in parts)) or []
    start = parts[0][1]
    end = parts[-1][2]
    for name in names:
        close.issuers.append(Field(name, start, end))
    if len(names) > 0 and len(parts) == 1:
        # One line: point each name at its own occurrence (spaces between names).
        line = parts[0][0]
        fields: list[Field] = []
        off = 0
        for name in names:
            k = _find_spaced(line, name, off)
            if k is None:
                return
            fields.append(Field(name, start + k[0], start + k[1]))
            off = k[1]
        close.issuers[-len(names) :] = fields


def _find_spaced(s: str, name: str, off: int) -> tuple[int, int] | None:
    m = _spaced_pattern(name).search(s, off)
    return (m.start(), m.end()) if m else None


_LIST_END = regex.compile(r"[。；;](?=[^。；;]{2,80}$)")


def _split_glued_orgs(s: str, hint: list[str]) -> list[str]:
    """Organ names glued after an attachment name.

    '…典型做法国务院办公厅': the title's own issuers are the hint ('国务院办公厅关于…').
    """
    c = _compact(s)
    for k in range(len(hint), 0, -1):
        tail = "".join(hint[-k:])
        if tail and c.endswith(tail):
            return hint[-k:]
    sm = _LIST_END.search(s)
    if sm is not None:
        # '一、丙表；二、丁规定。国家计划委员会': the names follow the list's closing sign, even
        # when they hold a kind word ('计划').
        orgs = _org_tokens(s[sm.end() :].strip())
        if orgs:
            return orgs
    toks = s.split()
    if toks:
        # '3．丙办法国家某某委': the names follow the attachment name's kind word.
        last = _strip_annex_number(toks[-1])
        for km in reversed(list(_KIND_WORD.finditer(last))):
            tail = last[km.end() :]
            orgs = _org_tokens(tail) if len(tail) >= 2 and tail[0] not in "和与及、" else None
            if orgs:
                return orgs
    if len(toks) >= 2:
        orgs = _org_tokens(toks[-1])
        if orgs:
            return orgs
    return []


def _strip_annex_number(s: str) -> str:
    return regex.sub(r"^[0-9０-９]{1,2}\s*[.．、]\s*", "", s.strip())


_ITEM_MARK = regex.compile(r"^\s*(?:[0-9０-９]{1,2}\s*[.．、]|[一二三四五六七八九十]{1,3}\s*、)\s*")


def _annex_items(s: str) -> list[str]:
    """The names in a 附件说明 list: '一、丙表；二、丁规定。' → ['丙表', '丁规定']."""
    parts = [p for p in regex.split(r"[；;]", s.strip()) if p.strip()]
    if len(parts) < 2 or not all(_ITEM_MARK.match(p) for p in parts):
        return [_strip_annex_number(s)]
    return [_ITEM_MARK.sub("", p).strip().rstrip("。.") for p in parts]


def _title_issuers(title: str) -> list[str]:
    """Issuers named before '关于' in a title: '国家发展改革委 国家能源局关于…' → both."""
    head, sep, _ = title.partition("关于")
    if not sep or not head:
        return []
    return _org_tokens(head) or []


def _order_issuer(text: str, m: regex.Match[str]) -> Field | None:
    """The organ that issues an order: '中华人民共和国国家安全部令第2号' → 国家安全部."""
    om = _ORDER_ORGAN.match(text, m.start(), m.end())
    if om is None or _ORG_END.search(om.group("o")) is None:
        return None
    return Field(om.group("o"), om.start("o"), om.end("o"))


# ---------------------------------------------------------------------------------------------
# Reading one document
# ---------------------------------------------------------------------------------------------


def _read_header(
    ctx: _Ctx, pos: int, limit: int, title: str = ""
) -> tuple[
    int,
    Field | None,
    list[Field],
    datetime.date | None,
    tuple[int, int] | None,
    tuple[int, int] | None,
    Field | None,
]:
    """Read what follows a title: 发文字号, metadata, 目录, 主送机关, a table header.

    Returns the body start and what was read.
    """
    text = ctx.text
    lines = ctx.lines
    number: Field | None = None
    addressees: list[Field] = []
    date: datetime.date | None = None
    date_span: tuple[int, int] | None = None
    table_header: tuple[int, int] | None = None
    order_issuer: Field | None = None
    for _ in range(40):
        pos = _skip_ws(text, pos, limit)
        if pos >= limit:
            break
        i = _line_index(ctx, pos)
        ln = lines[i]
        at_start = pos <= ln.start
        s = text[pos : ln.end]
        if at_start and (
            _is_chrome(s) or _INFO_END.match(s) or (title and _compact(s) == _compact(title))
        ):
            # Page chrome, or the title printed again (a web page heading, then the document).
            ctx.noise.append((ln.start, ln.end))
            pos = ln.end
            continue
        dn = _DOCNUM_LINE.match(s) if at_start else None
        if dn is None and number is None:
            dn = _DOCNUM_AT.match(s)
            if dn is not None and (
                dn.start() != 0 or (at_start and not _header_after(ctx, pos + dn.end(), ln.end))
            ):
                # At a line start, a number glued to what follows ('国办发〔2015〕94号各省…：')
                # only when a header part follows it, not a sentence citing it.
                dn = None
        if dn is not None and number is None:
            a = pos + dn.start(1)
            number = Field(_compact(dn.group(1)), a, pos + dn.end(1))
            pos = pos + dn.end()
            continue
        if at_start and _DATE.match(s) and _META_PASSED.search(s):
            if date is not None and _EFFECTIVE_ONLY.search(s):
                # '2021年9月1日 施行' after '2021年7月30日 …令第45号公布': the effective date
                # is not the 成文日期.
                pos = ln.end
                continue
            # '2021年11月25日 上海市第十五届人民代表大会常务委员会第三十七次会议通过'
            # '2022年6月6日 中华人民共和国国家安全部令第2号公布': the organ before 令 issues it.
            # The order number is the document's number when no 发文字号 was printed.
            dm = _DATE.match(s)
            om = _ORDER.search(text, pos + (dm.end() if dm is not None else 0), ln.end)
            if om is not None and order_issuer is None:
                order_issuer = _order_issuer(text, om)
            mm = _MEETING_ORGAN.search(text, pos, ln.end) if om is None else None
            if mm is not None and order_issuer is None and _ORG_END.search(mm.group("o")):
                order_issuer = Field(mm.group("o"), mm.start("o"), mm.end("o"))
            if om is not None and number is None:
                number = Field(_compact(om.group(0)), om.start(), om.end())
            date = parse_date(s)
            if dm is not None:
                date_span = (pos + dm.start(), pos + dm.end())
            pos = ln.end
            continue
        bd = _BRACKET_DATE.match(text, pos, min(limit, pos + 40))
        if bd is not None and date is None:
            # 成文日期 in brackets under the title or after the number: '（一九九〇年十二月五日）'.
            date = parse_date(bd.group(1))
            date_span = (bd.start(), bd.end())
            pos = bd.end()
            continue
        rv = _REVISION_NOTE.match(text, pos, min(limit, pos + 800))
        if rv is not None and at_start and rv.end() >= ln.end - 1:
            # '（1994年1月28日中华人民共和国国务院令第142号发布　根据…第四次修订）'
            ctx.noise.append((rv.start(), rv.end()))
            pos = rv.end()
            continue
        if at_start and _TOC.match(_compact(s)):
            pos = _skip_toc(ctx, i, limit)
            continue
        if not addressees:
            got = _addressee_at(ctx, pos)
            if got is not None:
                addressees, pos = got
                continue
        th = _table_header(ctx, pos, limit)
        if th is not None:
            table_header = th
            pos = th[1]
            continue
        break
    return pos, number, addressees, date, date_span, table_header, order_issuer


_BRACKET_DATE = regex.compile(rf"[（(]\s*({_DATE.pattern})\s*[）)]")


def _header_after(ctx: _Ctx, pos: int, end: int) -> bool:
    """Whether a header part starts at ``pos``: the line's end, 主送机关, a bracketed date."""
    pos = _skip_ws(ctx.text, pos, end)
    if pos >= end:
        return True
    return (
        _addressee_at(ctx, pos) is not None or _BRACKET_DATE.match(ctx.text, pos, end) is not None
    )


def _skip_toc(ctx: _Ctx, i: int, limit: int) -> int:
    """Skip a 目录: the body starts where the first entry of the table is written again."""
    lines = ctx.lines
    start = lines[i].start
    j = i + 1
    while j < len(lines) and not lines[j].s:
        j += 1
    if j >= len(lines):
        return lines[i].end
    first = _compact(lines[j].s)
    k = j + 1
    while k < len(lines) and lines[k].start < limit:
        if _compact(lines[k].s) == first:
            ctx.noise.append((start, lines[k].start))
            return lines[k].start
        k += 1
    # No repeat found: skip the short heading-like lines of the table.
    k = j
    while k < len(lines) and (not lines[k].s or (_is_ishy(lines[k].s) and len(lines[k].s) < 40)):
        k += 1
    end = lines[k].start if k < len(lines) else lines[-1].end
    ctx.noise.append((start, end))
    return end


def _table_header(ctx: _Ctx, pos: int, limit: int) -> tuple[int, int] | None:
    """A table header at the body start: '序号改革举措主要内容一、…' or '序号' / '工作事项' / …."""
    text = ctx.text
    if not text.startswith("序号", pos):
        return None
    i = _line_index(ctx, pos)
    ln = ctx.lines[i]
    if pos == ln.start and "\t" in ln.s and TAB_HEADER.fullmatch(ln.s):
        return pos, ln.end  # one row per line, cells separated by tabs (HTML td → tab)
    m = _TABLE_HEAD_GLUED.match(text, pos, min(limit, pos + 200))
    if m is not None and "\n" not in m.group(0):
        return pos, m.end()
    lines = ctx.lines
    if lines[i].s != "序号":
        return None
    j = i + 1
    end = lines[i].end
    while j < len(lines) and lines[j].start < limit:
        s = lines[j].s
        if s:
            if not _is_ishy(s) or len(s) > 16 or regex.match(r"^[0-9０-９]", s) or _MARKER.match(s):
                break
            end = lines[j].end
        j += 1
    return pos, end


def _defined_terms(text: str, start: int, end: int) -> dict[str, str]:
    """Terms defined in ``text[start:end]``.

    '科学技术普及（以下简称科普）' gives {'科普': '科学技术普及'}.
    """
    out: dict[str, str] = {}
    for m in _DEFINED.finditer(text, start, end):
        alias = m.group("alias").strip()
        if not alias or alias in out:
            continue
        full = _defined_full(text, m.start(), start, alias)
        if full and full != alias:
            out[alias] = full
    return out


_TERM_CHAR = regex.compile(r"[\p{Han}A-Za-z0-9·]")
# A place in brackets inside a name: '中国（上海）自由贸易试验区'.
_INNER_PLACE = regex.compile(r"[（(][\p{Han}]{2,4}[）)]$")
# The beginning of a name that stays when an alias leaves it out: '中国石油天然气集团（以下简称
# 石油集团）', '中国（上海）自由贸易试验区临港新片区管理委员会（以下简称临港新片区管委会）';
# not another name joined by 与/和 ('中国石油集团公司与中国石油化工集团公司（以下简称…）').
_NAME_HEAD = regex.compile(r"(?:中国|中华人民共和国)(?:[（(][\p{Han}]{2,4}[）)])?[^与和及或、]*")
# A verb (or modal, preposition) before a noun phrase, not part of it: '设立天使投资引导基金',
# '还可以开展来自境外…', '对其全资企业', '为了明确家用汽车产品修理、更换、退货'.
_LEAD_VERB = regex.compile(
    r"(?:设立|成立|组建|开展|从事|对其|依托|通过|利用|涉及|按照|根据|实行|作为|属于|可以|应当"
    r"|为了(?:\p{Han}{2}(?=\p{Han}{2}))?|明确|推动|享受|建立|批准|同意|第[一二三四五六七八九十百零〇\d]{1,6}条)"
)
# A preposition before a long name: '以中国留学人员广州科技交流会', '由签订合同的外国企业'.
_LEAD_PREP = regex.compile(r"[以由将把向](?=\p{Han}{8})")


def _term_start(text: str, a: int, lo: int) -> int:
    """Where the run of name characters (and bracketed places) ending at ``a`` starts."""
    floor = max(lo, a - 40)
    while a > floor:
        if _TERM_CHAR.match(text[a - 1]):
            a -= 1
            continue
        w = max(floor, a - 6)
        im = _INNER_PLACE.search(text[w:a])  # a small window: no per-call cost on a long text
        if im is not None and w + im.start() > floor and _TERM_CHAR.match(text[w + im.start() - 1]):
            a = w + im.start()
            continue
        break
    return a


def _drop_verb(phrase: str) -> str:
    """The noun phrase after the last leading verb: '设立天使投资引导基金' → '天使投资引导基金'."""
    cut = 0
    for vm in _LEAD_VERB.finditer(phrase):
        if len(phrase) - vm.end() >= 2:
            cut = vm.end()
    pm = _LEAD_PREP.match(phrase, cut)
    return phrase[pm.end() if pm is not None else cut :]


def _defined_full(text: str, paren: int, lo: int, alias: str) -> str:
    """The phrase an alias abbreviates, read backwards from its parenthesis."""
    while paren > lo and text[paren - 1] in " \u3000\t":
        paren -= 1  # '《职工带薪年休假条例》 （以下简称条例）'
    if paren > lo and text[paren - 1] in "》”":
        close = text[paren - 1]
        opener = "《" if close == "》" else "“"
        k = text.rfind(opener, max(lo, paren - 200), paren - 1)
        if k >= 0:
            return text[k + 1 : paren - 1]
    a = _term_start(text, paren, lo)
    raw = text[a:paren]
    phrase = _drop_verb(raw)
    cut = len(phrase) < len(raw)
    if not phrase:
        return ""
    if not _is_subsequence(alias, phrase):
        # A collective alias for a list: '全资企业、控股企业、参股企业（以下简称有关企业）'.
        items = [phrase]
        while len(items) < 12 and a - 1 > lo and text[a - 1] == "、":
            b = _term_start(text, a - 1, lo)
            if b >= a - 1:
                break
            items.insert(0, _drop_verb(text[b : a - 1]))
            a = b
        if len(items) > 1:
            return "、".join(items)
    # The nearest start from which the alias is a subsequence: '全市科学技术普及' → '科学技术普及',
    # '北京市农业农村委员会' → '市农业农村委员会'; a name's own beginning stays ('中国…').
    for k in range(len(phrase) - 1, 0, -1):
        if phrase[k] == alias[0] and _is_subsequence(alias, phrase[k:]):
            if phrase[k:] == alias and not cut:
                # The alias is the phrase's tail and nothing marks where the phrase begins.
                return alias
            if phrase[k:] == alias:
                # '享受带薪年休假（以下简称年休假）': the noun phrase after the verb.
                continue
            return phrase if _NAME_HEAD.fullmatch(phrase[:k]) else phrase[k:]
    return phrase


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


_PANEL_ISSUER = regex.compile(r"(?:发布机构|发文机关|发文单位)[：:](?P<v>.*)")
_PANEL_ORGAN = regex.compile(r"[\p{Han}（）()]{2,30}")


def _panel_issuers(ctx: _Ctx, body: tuple[int, int]) -> list[Field]:
    """The organs a web page's metadata panel names ('发 布 机 构 ：' over its value), if any."""
    lines = ctx.lines
    for i, ln in enumerate(lines):
        if body[0] <= ln.start < body[1]:
            continue
        m = _PANEL_ISSUER.fullmatch(_compact(ln.s))
        if m is None:
            continue
        if m.group("v"):
            start, value = ln.start + ln.s.index(m.group("v")[0]), m.group("v")
        elif i + 1 < len(lines) and lines[i + 1].s:
            start, value = lines[i + 1].start, lines[i + 1].s
        else:
            continue
        names = regex.split(r"[、，,\s]+", value.strip())
        if not names or not all(_PANEL_ORGAN.fullmatch(n) for n in names):
            continue
        out: list[Field] = []
        for n in names:
            k = ctx.text.find(n, start)
            out.append(Field(n, k, k + len(n)))
        return out
    return []


# Authors and a bracketed date under an attachment's title: '公安部　中央综治办' / '(2004年10月)'.
_AUTHOR_BLOCK = regex.compile(
    r"(?P<names>[\p{Han}（）]{2,30}(?:[\s\u3000]+[\p{Han}（）]{2,30}){0,11}?)[\s\u3000]*"
    rf"[（(]\s*(?P<date>{_Y}\s*年\s*{_MD}\s*月(?:\s*{_MD}\s*日)?)\s*[）)]"
)
# Where two organs were glued by a lost line break: '国土资源部中国石油天然气集团公司'.
_ORGAN_SEAM = regex.compile(r"(?<=[部委办局厅署行会司])(?=中国|国家|中央|国务院)")


def _author_block(
    text: str, pos: int, limit: int
) -> tuple[list[Field], datetime.date | None, tuple[int, int]] | None:
    """Organ names, then the date in brackets, right under an attached document's title.

    A month without a day ('(二○○四年十月)') still closes the block but gives no date.
    """
    m = _AUTHOR_BLOCK.match(text, pos, limit)
    if m is None:
        return None
    date = parse_date(m.group("date"))
    names = [n for tok in m.group("names").split() for n in _ORGAN_SEAM.split(tok) if n]
    if not all(len(n) <= 20 and _ORG_END.search(n) for n in names):
        return None
    fields: list[Field] = []
    at = m.start("names")
    for n in names:
        k = text.find(n, at, m.end("names"))
        fields.append(Field(n, k, k + len(n)))
        at = k + len(n)
    return fields, date, (m.start("date"), m.end())


def _read_document(
    ctx: _Ctx,
    title: Field | None,
    number: Field | None,
    after_title: int,
    limit: int,
    depth: int,
    nested: bool = True,
    authors: tuple[str, ...] = (),
) -> tuple[Frame, int]:
    """Read one document whose title ends at ``after_title``; return it and where it ends.

    ``authors`` are organs the parent names as the authors of what it forwards; one printed
    right under the title is this document's issuer.
    """
    text = ctx.text
    body_start, num2, addressees, mdate, mspan, table_header, order_issuer = _read_header(
        ctx, after_title, limit, title.value if title is not None else ""
    )
    author = _author_at(text, body_start, limit, authors) if not addressees else None
    if author is not None:
        body_start = _skip_ws(text, author.end, limit)
    block = None
    if depth > 0 and not addressees and author is None:
        block = _author_block(text, body_start, limit)
        if block is not None:
            body_start = _skip_ws(text, block[2][1], limit)
    number = number or num2
    if number is None and title is not None and depth == 0:
        number = _number_before(ctx, title.start)
    issued = _issued_names(title.value) if title is not None else []
    # A forwarded report glued after the signature ends the body too: '…请贯彻执行。国务院
    # 一九八七年三月十一日关于甲的报告', named in the body ('同意《关于甲的报告》，现转发').
    issued += _issued_in_body(ctx, (body_start, limit))
    body_end, close_at = _find_body_end(ctx, body_start, limit, issued)
    body_end = max(body_end, body_start)
    hint = _title_issuers(title.value) if title is not None else []
    close = _read_close(ctx, close_at, limit, hint)
    if close.headline is not None and title is None:
        title = close.headline
    date, date_span = close.date, close.date_span
    if date is None:
        date, date_span = mdate, mspan
    if date is None and block is not None and block[1] is not None:
        date, date_span = block[1], block[2]
    attachments: list[Frame] = []
    pos = max(close.end, close_at)
    if depth < 3 and nested:
        pos = _read_attachments(
            ctx, pos, limit, depth, attachments, title, close.annex_names, (body_start, body_end)
        )
    if not close.issuers and order_issuer is not None:
        close.issuers.append(order_issuer)
    if not close.issuers and author is not None:
        close.issuers.append(author)
    if not close.issuers and block is not None:
        close.issuers.extend(block[0])
    if not close.issuers and depth == 0:
        close.issuers.extend(_panel_issuers(ctx, (body_start, body_end)))
    frame = Frame(
        title=title,
        doc_number=number,
        issuers=close.issuers,
        addressees=addressees,
        date=date,
        date_span=date_span,
        body=(body_start, body_end),
        attachments=attachments,
        defined_terms=_defined_terms(text, body_start, body_end),
        excluded=_inside(ctx.noise, body_start, body_end),
        table_header=table_header,
    )
    for f in [title, number, *close.issuers, *addressees]:
        if f is not None:
            ctx.claimed.append((f.start, f.end))
    if date_span is not None:
        ctx.claimed.append(date_span)
    ctx.claimed.append((body_start, body_end))
    return frame, pos


# An organ written right before a forwarded document's name: '转发发展改革委关于…意见的通知',
# '发展改革委《关于…的意见》已经国务院同意'. _author_runs finds what
# ``regex.finditer(r"[\p{Han}]{2,30}(?=《|关于)", s)`` finds, without a regex that backtracks
# 30 characters at every position of the window: it starts only from the few anchors.
_AUTHOR_MAX = 30
# The Han characters right before an offset (a reverse match ends at its endpos) and after it.
_HAN_BEFORE = regex.compile(rf"(?r)\p{{Han}}{{0,{_AUTHOR_MAX}}}")
_HAN_AFTER = regex.compile(rf"\p{{Han}}{{0,{_AUTHOR_MAX}}}")
# What follows an organ that opens a sentence rather than an author line.
_AUTHOR_SENTENCE = regex.compile(r"[要应将会负已和、与及等的为在对是：:，,。（(]")


def _authors(
    ctx: _Ctx, parent_title: Field | None, parent_body: tuple[int, int]
) -> tuple[str, ...]:
    """Organs a forwarding notice names as the authors of what it forwards."""
    windows = [ctx.text[parent_body[0] : min(parent_body[1], parent_body[0] + 1500)]]
    if parent_title is not None:
        windows.append(parent_title.value)
    out: set[str] = set()
    for w in windows:
        for run in _author_runs(_compact(w)):
            if not _ORG_END.search(run):
                continue
            for k in range(len(run) - 2, -1, -1):
                out.add(run[k:])
    return tuple(sorted(out, key=len, reverse=True))


def _author_runs(s: str) -> list[str]:
    """Runs of 2 to 30 Han characters followed by '《' or '关于', found left to right.

    The same runs, in the same order, as a left-to-right search for 2 to 30 Han characters
    followed by '《' or '关于'. Only the few anchors ('关于', '《') are visited: a run ends at an
    anchor and starts as far back as the Han characters before it reach (at most 30, not before
    the last run's end); it is extended to the farthest anchor still within 30 Han characters.
    """
    anchors = sorted(_find_all(s, "关于") + _find_all(s, "《"))
    out: list[str] = []
    pos = 0  # where the next search starts: the end of the last run
    k = 0
    while k < len(anchors):
        q = anchors[k]
        k += 1
        if q < pos + 2:
            continue
        before = _HAN_BEFORE.match(s, pos, q)
        assert before is not None  # {0,30} matches the empty string too
        start = before.start()
        if q - start < 2:
            continue
        after = _HAN_AFTER.match(s, q, start + _AUTHOR_MAX)
        assert after is not None
        reach = after.end()
        while k < len(anchors) and anchors[k] <= reach:
            q = anchors[k]
            k += 1
        out.append(s[start:q])
        pos = q
    return out


def _find_all(s: str, sub: str) -> list[int]:
    """Every offset where ``sub`` starts in ``s`` (overlaps included)."""
    out: list[int] = []
    k = s.find(sub)
    while k >= 0:
        out.append(k)
        k = s.find(sub, k + 1)
    return out


def _author_at(text: str, pos: int, limit: int, authors: tuple[str, ...]) -> Field | None:
    """An author line under an attached document's title: '关于…的意见' / '发展改革委' / body."""
    for name in authors:
        end = pos + len(name)
        if end < limit and text.startswith(name, pos) and _ORG_END.search(name):
            nxt = _skip_ws(text, end, limit)
            if nxt < limit and not _AUTHOR_SENTENCE.match(text, nxt):
                return Field(name, pos, end)
    return None


def _inside(ranges: list[tuple[int, int]], a: int, b: int) -> list[tuple[int, int]]:
    return sorted({(x, y) for x, y in ranges if a <= x and y <= b and x < y})


def _number_before(ctx: _Ctx, title_start: int) -> Field | None:
    """A 发文字号 printed above the title (web pages put it in a panel before the heading)."""
    i = _line_index(ctx, title_start) - 1
    seen = 0
    while i >= 0 and seen < 40:
        s = ctx.lines[i].s
        if s:
            seen += 1
            m = _DOCNUM_LINE.match(s)
            # A bare number just above the title, or the value of a '发 文 字 号 ：' label.
            if m and (seen <= 6 or _is_number_label(ctx, i)):
                a = ctx.lines[i].start + m.start(1)
                return Field(_compact(m.group(1)), a, ctx.lines[i].start + m.end(1))
            lm = _NUMBER_LABEL.match(s)
            if lm is not None and seen <= 40:
                m = _DOCNUM_AT.match(s, lm.end())
                if m is not None and not s[m.end() :].strip():
                    a = ctx.lines[i].start + m.start(1)
                    return Field(_compact(m.group(1)), a, ctx.lines[i].start + m.end(1))
        i -= 1
    return None


_NUMBER_LABEL = regex.compile(r"(?:发\s*文\s*字\s*号|文\s*号)\s*[：:]\s*")


def _is_number_label(ctx: _Ctx, i: int) -> bool:
    k = i - 1
    while k >= 0 and not ctx.lines[k].s:
        k -= 1
    return k >= 0 and _NUMBER_LABEL.fullmatch(ctx.lines[k].s) is not None


def _read_attachments(
    ctx: _Ctx,
    pos: int,
    limit: int,
    depth: int,
    out: list[Frame],
    parent_title: Field | None,
    annex_names: list[str],
    parent_body: tuple[int, int] = (0, 0),
) -> int:
    """Read the documents that follow a signature: '附件1' + title, or a title line."""
    text = ctx.text
    lines = ctx.lines
    issued = _issued_names(parent_title.value if parent_title else "") + annex_names
    issued += _issued_in_body(ctx, parent_body)
    authors = _authors(ctx, parent_title, parent_body)
    while True:
        p = _skip_ws(text, pos, limit)
        if p >= limit:
            return pos
        i = _line_index(ctx, p)
        ln = lines[i]
        s = text[p : ln.end]
        title: Field | None = None
        number: Field | None = None
        after = 0
        nested = True
        if _NOTE.match(s) or _COPY_TO.search(s):
            pos = ln.end
            continue
        named = _ANNEX_NAMED.match(s) if p == ln.start else None
        if named is not None:
            ctx.noise.append((ln.start, ln.end))
            j = _next_content(ctx, i)
            if j >= len(lines) or lines[j].start >= limit:
                return ln.end
            t = lines[j]
            if _ANNEX_MARK.match(t.s) or _ANNEX_NAMED.match(t.s):
                pos = ln.end  # '附录1：流程图' (a picture) right before '附录2：竞价指引'
                continue
            nested = False
            cand = _title_candidate(ctx, j)
            if cand is not None and cand.first == j:
                title, number, after = cand.title, cand.doc_number, cand.after
            else:
                name = named.group("name").strip()
                k = ln.start + named.start("name")
                title, after = Field(_despace(name), k, k + len(name)), ln.end
            frame, end = _read_document(
                ctx, title, number, after, limit, depth + 1, nested, authors
            )
            if frame.body[1] > frame.body[0] or frame.attachments:
                out.append(frame)
            if end <= pos:
                return end
            pos = end
            continue
        mark = _ANNEX_MARK.match(s)
        if mark is not None and p == ln.start:
            ctx.noise.append((ln.start, ln.end))
            j = i + 1
            while j < len(lines) and not lines[j].s:
                j += 1
            if j >= len(lines) or lines[j].start >= limit:
                return ln.end
            t = lines[j]
            nested = False  # '附件1' holds one document; '附件2' is its sibling, not its child
            if _is_chrome(t.s) or _MARKER.match(t.s) or len(t.s) > 130:
                return pos
            cand = _title_candidate(ctx, j)
            if cand is not None and cand.first == j:
                title, number, after = cand.title, cand.doc_number, cand.after
            else:
                title, after = Field(_despace(t.s), t.start, t.end), t.end
        else:
            cand = _title_candidate(ctx, i) if p == ln.start else None
            if cand is not None:
                title, number, after = cand.title, cand.doc_number, cand.after
            else:
                # Glued sources: '…（此件公开发布）附件部分地方…典型做法（共计28项）序号…'.
                gm = regex.match(
                    r"附\s*件\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?\s*[：:]?\s*",
                    text[p : ln.end],
                )
                q = p + gm.end() if gm is not None else p
                hit = _issued_at(text, q, ln.end, issued)
                if hit is None and p == ln.start and _TOP_MARKER.match(s):
                    # The issued text right after the signature without its title line
                    # ('…现印发实施。' / 某某局 / date / '第一条…'): named after the notice.
                    names = issued + _issued_in_body(ctx, parent_body)
                    if names:
                        hit = Field(_compact(names[0]), p, p)
                if hit is None:
                    return pos
                sm = regex.match(r"[（(][^（）()]{1,16}[）)]", text[hit.end : hit.end + 20])
                if sm is not None:
                    t_end = hit.end + sm.end()
                    hit = Field(hit.value + text[hit.end : t_end], hit.start, t_end)
                title, after = hit, hit.end
        frame, end = _read_document(ctx, title, number, after, limit, depth + 1, nested, authors)
        if frame.body[1] <= frame.body[0] and not frame.attachments:
            return pos
        out.append(frame)
        if end <= pos:
            return end
        pos = end


def _issued_in_body(ctx: _Ctx, body: tuple[int, int]) -> list[str]:
    """Names a notice's body issues: '《某某办法》已经同意，现印发实施' → ['某某办法']."""
    a, b = body
    window = ctx.text[a : min(b, a + 3000)]
    # Every match holds a '《', at most two characters after its start ('印发《'): the search
    # starts there rather than trying both branches at each position of the window.
    first = window.find("《")
    m = _ISSUED_IN_BODY.search(window, max(0, first - 2)) if first >= 0 else None
    return [m.group("a") or m.group("b")] if m else []


_ISSUED_NAME = regex.compile(
    r"(?:印发|转发|发布|公布)《?(?P<n>.{2,100}?)》?的(?:通知|函|公告|通告|决定)$"
)


def _issued_names(title: str) -> list[str]:
    """Names a notice issues: '关于印发国家粮食应急预案的函' → ['国家粮食应急预案']."""
    m = _ISSUED_NAME.search(_compact(title))
    return [m.group("n")] if m else []


@functools.lru_cache(maxsize=256)
def _spaced_pattern(name: str) -> regex.Pattern[str]:
    """A pattern for ``name`` written with any spacing: '国 家 粮 食 应 急 预 案'."""
    return regex.compile(r"\s*".join(regex.escape(ch) for ch in name))


def _issued_at(text: str, p: int, end: int, names: list[str]) -> Field | None:
    """An issued document's title written at ``p`` (glued sources), e.g. '全国深化…分工方案'."""
    for name in names:
        c = _compact(name)
        if not c:
            continue
        m = _spaced_pattern(c).match(text, p, end)
        if m is not None:
            return Field(c, m.start(), m.end())
    return None


# ---------------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------------


_ORDER_NAME_CHARS = {"〈": "[〈《]", "《": "[〈《]", "〉": "[〉》]", "》": "[〉》]"}


def _read_order(ctx: _Ctx) -> Frame | None:
    """A promulgation order (国务院令) followed by the regulation it promulgates.

    The result is the regulation: title = its name, date = the order's date, body = its text.
    """
    text = ctx.text
    head = text[:6000]
    # Search from just before the first '令' that a number follows: the lazy organ prefix makes
    # a search from every position slow, and no match can start earlier (a match's own '令' is
    # one that a number follows, and there is a match at that '令' at the latest).
    tail = _ORDER_TAIL.search(head)  # (a literal '令' first: a fast scan)
    om = _ORDER.search(head, max(0, tail.start() - _ORDER_REACH)) if tail is not None else None
    if om is None:
        return None
    nm = _ORDER_NAME.search(text, om.end(), min(len(text), om.end() + 400))
    if nm is None:
        return None
    name = nm.group("a") or nm.group("b")
    sg = _SIGNER.search(text, nm.end(), min(len(text), nm.end() + 400))
    date: datetime.date | None = None
    date_span: tuple[int, int] | None = None
    search_from = nm.end()
    if sg is not None:
        dm = _DATE.search(text, sg.end(), min(len(text), sg.end() + 60))
        if dm is not None:
            date = parse_date(dm.group(0))
            date_span = (dm.start(), dm.end())
            search_from = dm.end()
    # The headline writes a quoted name's inner 〈〉 as 《》; a match right after 《 is a citation.
    chars = (_ORDER_NAME_CHARS.get(c, regex.escape(c)) for c in _compact(name))
    pat = regex.compile(r"(?<!《\s*)" + r"\s*".join(chars))
    tm = pat.search(text, search_from, min(len(text), search_from + 600))
    if tm is None:
        return None
    title = Field(_compact(tm.group(0)), tm.start(), tm.end())
    number = Field(_compact(om.group(0)), om.start(), om.end())
    frame, _ = _read_document(ctx, title, None, tm.end(), len(text), 0)
    ctx.noise.append((om.start(), tm.start()))
    issuer = _order_issuer(text, om)
    return Frame(
        title=title,
        doc_number=number,
        issuers=frame.issuers or ([issuer] if issuer is not None else []),
        addressees=frame.addressees,
        date=date or frame.date,
        date_span=date_span or frame.date_span,
        body=frame.body,
        attachments=frame.attachments,
        defined_terms=frame.defined_terms,
        excluded=frame.excluded,
        table_header=frame.table_header,
    )


def _by_markers(ctx: _Ctx) -> Frame:
    """No title found: anchor the document on its run of top-level markers (一、 … 二、 …)."""
    lines = ctx.lines
    first = -1
    for i, ln in enumerate(lines):
        m = _TOP_MARKER.match(ln.s)
        if m and (m.group(1) == "一" or m.group(2) == "一"):
            nxt = "二、" if m.group(1) else ("第二" if m.group(2) else "")
            if any(x.s.lstrip("# ").startswith(nxt) for x in lines[i + 1 : i + 400]):
                first = i
                break
    if first < 0:
        if any(_ANNEX_NOTE.match(ln.s) for ln in lines):
            # A 附件说明 list ('附件：1．X 2．Y') closes the body: its items are not sections.
            frame, _ = _read_document(ctx, None, None, 0, len(ctx.text), 0)
            return frame
        body = (0, len(ctx.text))
        return Frame(body=body, defined_terms=_defined_terms(ctx.text, 0, len(ctx.text)))
    # The preamble: sentence paragraphs just before the first marker, back to a headline.
    start = lines[first].start
    k = first - 1
    taken = 0
    while k >= 0 and taken < 4:
        s = lines[k].s
        if not s:
            k -= 1
            continue
        if _is_ishy(s) or _is_chrome(s) or _FOREIGN.match(s) or not _SENTENCE_END.search(s):
            break
        start = lines[k].start
        taken += 1
        k -= 1
    frame, _ = _read_document(ctx, None, None, start, len(ctx.text), 0)
    return frame


def segment(text: str) -> Frame:
    r"""Find the policy document in ``text`` and read its 公文 frame.

    Args:
        text: the normalised source: lines separated by ``\\n``, hard wraps repaired. One-line
            sources (a whole notice glued on one line) work too.

    Returns:
        The top document. ``body`` is the range of its preamble and sections; a notice that
        issues a document carries it in ``attachments``. Missing parts are ``None``/empty.
        Never raises.
    """
    try:
        return _segment(text)
    except Exception:  # pragma: no cover - a bug must not make parse() raise on user input
        return Frame(body=(0, len(text)))
    finally:
        _forget()


def _segment(text: str) -> Frame:
    lines, starts = _split_lines(text)
    ctx = _Ctx(text, lines, starts)
    frame = _read_order(ctx)
    if frame is None:
        cands: dict[int, _Cand] = {}
        for i, ln in enumerate(lines):
            c = _title_candidate(ctx, i) if ln.s else None  # (a blank line opens no title)
            if c is not None:
                cands[i] = c
        best: _Cand | None = None
        for c in cands.values():
            c.score = _score(ctx, c, cands)
            if best is None or c.score > best.score:
                best = c
        if best is not None and best.score >= 2:
            frame, _ = _read_document(ctx, best.title, best.doc_number, best.after, len(text), 0)
        else:
            frame = _by_markers(ctx)
    # Whatever the frames' bodies hold is the document's, even when no frame line claimed it
    # (a bare excerpt '一、总体要求' has no title, signature or date to claim it).
    excluded = _complement([*ctx.claimed, *_bodies(frame)], text)
    noise = sorted(set(ctx.noise) | set(excluded))
    return Frame(
        title=frame.title,
        doc_number=frame.doc_number,
        issuers=frame.issuers,
        addressees=frame.addressees,
        date=frame.date,
        date_span=frame.date_span,
        body=frame.body,
        attachments=frame.attachments,
        defined_terms=frame.defined_terms,
        excluded=_merge(noise),
        table_header=frame.table_header,
    )


def _bodies(frame: Frame) -> list[tuple[int, int]]:
    """Return the body ranges of a frame and of all its attachments."""
    return [frame.body] + [b for a in frame.attachments for b in _bodies(a)]


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _complement(claimed: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Ranges of non-space text that no frame claims: navigation, news, footers."""
    out: list[tuple[int, int]] = []
    pos = 0
    for a, b in [*_merge(claimed), (len(text), len(text))]:
        if a > pos:
            seg = text[pos:a]
            lo = pos + (len(seg) - len(seg.lstrip()))
            hi = a - (len(seg) - len(seg.rstrip()))
            if lo < hi:
                out.append((lo, hi))
        pos = max(pos, b)
    return out
