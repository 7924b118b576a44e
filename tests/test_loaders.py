"""Loaders: encodings, PDF, Word and HTML give back the text of the plain-text original."""

from __future__ import annotations

import codecs
import importlib
from pathlib import Path

import pytest

import policy_parser as pp
from policy_parser.loaders import (
    LoadedText,
    LoadError,
    MissingExtraError,
    load_bytes,
    load_text,
)
from policy_parser.loaders.text import decode_bytes, looks_like_text

DATA = Path(__file__).parent / "data" / "loaders"
PLAIN = (DATA / "zbq.txt").read_text(encoding="utf-8")
PLAIN_NO_BLANKS = "".join(line + "\n" for line in PLAIN.splitlines() if line.strip())


# --- text encodings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("zbq.txt", "utf-8"),
        ("zbq.utf8bom.txt", "utf-8-sig"),
        ("zbq.gb18030.txt", "gb18030"),
        ("zbq.utf16.txt", "utf-16-le"),
    ],
)
def test_text_encodings_detected(name: str, encoding: str) -> None:
    loaded = load_text(DATA / name)
    assert loaded.encoding == encoding
    assert loaded.kind == "text"
    assert loaded.text == PLAIN  # BOM dropped, CRLF made LF
    assert loaded.path == DATA / name


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (b"", "", "utf-8"),
        (b"abc", "abc", "utf-8"),
        ("一、总体要求\r\n".encode(), "一、总体要求\n", "utf-8"),
        ("一、总体要求".encode("gbk"), "一、总体要求", "gb18030"),
        ("（一）强化经费投入".encode("gb2312"), "（一）强化经费投入", "gb18030"),
        ("一、总体".encode("utf-16-be") and codecs.BOM_UTF16_BE + "一、".encode("utf-16-be"),
         "一、", "utf-16-be"),
        (codecs.BOM_UTF32_LE + "第一条".encode("utf-32-le"), "第一条", "utf-32-le"),
    ],
)  # fmt: skip
def test_decode_bytes(data: bytes, text: str, encoding: str) -> None:
    assert decode_bytes(data) == (text, encoding)


def test_undecodable_file_is_a_clear_error_naming_it() -> None:
    with pytest.raises(LoadError) as caught:
        load_text(DATA / "bad.txt")
    message = str(caught.value)
    assert message.startswith(str(DATA / "bad.txt") + ": ")
    assert "neither UTF-8" in message and "GB18030" in message
    assert isinstance(caught.value, ValueError)
    assert caught.value.path == DATA / "bad.txt"


def test_mojibake_is_refused_not_returned() -> None:
    # Shift-JIS and Latin-1 bytes that happen to be valid GB18030 must not come back as text.
    japanese = "日本語のテキストです。ファイルを読み込みます。".encode("shift_jis")
    latin = "Ærøskøbing Ålborg Ørsted Ægir".encode("latin-1")
    for data in (japanese, latin):
        try:
            text, encoding = decode_bytes(data)
        except ValueError:
            continue
        pytest.fail(f"decoded {data!r} as {encoding}: {text!r}")


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("一、总体要求（一）“一带一路”①", True),
        ("Article 1. 第一条 100%", True),
        ("\ue000\ue001\ue002", False),  # private use only: GB18030 user-defined areas
        ("abc\x07def", False),  # control characters
        ("ｦｧｨｩｪｫｬｭｮｯ" * 3, False),  # half-width katakana: Shift-JIS read as GBK
        ("擔杮岅偺僥僉僗僩偱偡丅僼傽僀儖傪撉傒崬傒傑偡", False),  # rare ideographs: the same
        ("各区县要将科普经费列入本级财政预算，加强组织领导。", True),
    ],
)  # fmt: skip
def test_looks_like_text(text: str, ok: bool) -> None:
    assert looks_like_text(text) is ok


def test_missing_file() -> None:
    with pytest.raises(LoadError, match=r"nope\.txt: No such file"):
        load_text(DATA / "nope.txt")


def test_unknown_suffix_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_bytes("一、总体要求\n".encode("gb18030"))
    assert load_text(path).text == "一、总体要求\n"


# --- optional extras --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("suffix", "module", "extra"),
    [
        (".pdf", "pdfplumber", "pdf"),
        (".docx", "docx", "docx"),
        (".html", "selectolax.lexbor", "html"),
    ],
)
def test_missing_extra_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, suffix: str, module: str, extra: str
) -> None:
    real = importlib.import_module

    def fake(name: str, package: str | None = None) -> object:
        if name == module:
            raise ImportError(f"No module named {name!r}")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", fake)
    path = tmp_path / f"doc{suffix}"
    heads = {".html": b"<html></html>", ".pdf": b"%PDF-1.4", ".docx": b"PK\x03\x04"}
    path.write_bytes(heads[suffix])
    with pytest.raises(MissingExtraError) as caught:
        load_text(path)
    assert f'pip install "policy-parser[{extra}]"' in str(caught.value)
    assert isinstance(caught.value, ImportError)


def test_broken_container_is_a_load_error(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    path = tmp_path / "broken.docx"
    path.write_bytes(b"not a zip file")
    with pytest.raises(LoadError, match=r"broken\.docx: cannot read as docx"):
        load_text(path)


def test_load_bytes_rejects_unknown_kind() -> None:
    with pytest.raises(ValueError, match="unknown loader kind"):
        load_bytes(b"", "rtf")


# --- PDF --------------------------------------------------------------------------------------


def test_pdf_text_matches_the_plain_text() -> None:
    pytest.importorskip("pdfplumber")
    loaded = load_text(DATA / "zbq.pdf")
    assert loaded.kind == "pdf"
    # Reading order kept, page numbers (— 1 —) and the running header dropped, wrapped lines and
    # paragraphs broken across pages rejoined: the original, blank line included.
    assert loaded.text == PLAIN
    assert "国务院公报" not in loaded.text
    assert "—" not in loaded.text


def test_pdf_page_offsets_and_broken_paragraphs() -> None:
    pytest.importorskip("pdfplumber")
    loaded = load_text(DATA / "zbq.pdf")
    assert len(loaded.pages) == 3
    assert loaded.pages[0] == 0
    # Both page breaks fall inside a paragraph, which comes back on one line.
    for start in loaded.pages[1:]:
        assert loaded.text[start - 1] != "\n"
    assert loaded.page_of(0) == 1
    assert loaded.page_of(loaded.pages[1]) == 2
    assert loaded.page_of(len(loaded.text) - 1) == 3
    assert LoadedText(text="x", kind="text").page_of(0) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("— 3 —", True),
        ("- 1 -", True),
        ("－12－", True),
        ("7", True),
        ("第3页", True),
        ("第 3 页 共 12 页", True),
        ("3/12", True),
        ("Page 2 of 9", True),
        ("2019年", False),
        ("一、总体要求", False),
        ("10.简化进出区管理", False),
        ("（32人）", False),
    ],
)
def test_is_page_number(line: str, expected: bool) -> None:
    from policy_parser.loaders.pdf import is_page_number

    assert is_page_number(line) is expected


def test_assemble_without_indents_uses_punctuation_and_markers() -> None:
    from policy_parser.loaders.pdf import PdfLine, assemble

    def line(text: str, top: float, x1: float = 500.0) -> PdfLine:
        return PdfLine(text=text, x0=72.0, x1=x1, top=top, size=12.0)

    pages = [
        [
            line("市政府办公厅 2023年第1期", 40, 300),
            line("一、总体要求", 80, 150),
            line("各区县要将科普经费列入本级", 100),
            line("财政预算。", 120, 200),
            line("— 1 —", 800, 300),
        ],
        [
            line("市政府办公厅 2023年第2期", 40, 300),
            line("二、重点任务要求各部门按照职责分工落实到位。", 80),
            line("三、保障措施", 100, 150),
            line("- 2 -", 800, 300),
        ],
    ]
    text, starts = assemble(pages)
    assert text == (
        "一、总体要求\n各区县要将科普经费列入本级财政预算。\n"
        "二、重点任务要求各部门按照职责分工落实到位。\n三、保障措施\n"
    )
    assert starts == (0, text.index("二、"))


def test_assemble_empty() -> None:
    from policy_parser.loaders.pdf import assemble

    assert assemble([[], []]) == ("", (0, 0))


# --- DOCX -------------------------------------------------------------------------------------


def test_docx_numbering_becomes_markers() -> None:
    pytest.importorskip("docx")
    loaded = load_text(DATA / "zbq.docx")
    assert loaded.kind == "docx"
    # 一、/（一）/1. come from numbering.xml; 1. runs on across （一）（二）（三） (lvlRestart 0),
    # （一） restarts under each 一、 (Word's default).
    assert loaded.text == PLAIN


def test_docx_tables_and_other_formats() -> None:
    pytest.importorskip("docx")
    lines = load_text(DATA / "tasks.docx").text.splitlines()
    assert lines == [
        "重点任务分工表",
        "第一章 总则",  # chineseCountingThousand, tab suffix → a space after a word-like marker
        "①明确责任。",  # decimalEnclosedCircle
        "②细化分工。",
        "（1） 按季度报送。",  # space suffix
        "（2） 按年度总结。",
        "第二章 保障措施",
        "①加强督查。",  # restarts under the new chapter
        "序号\t重点任务\t牵头单位\t配合单位",
        "1\t拓展两个市场\t税务总局\t财政部",
        "2\t提前适用政策\t海关总署\t财政部",  # vertically merged cell repeated
        "3\t由各地区自行确定\t\t有关部门",  # horizontally merged cell keeps the columns
        "表后说明。",
    ]


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (24, "chineseCountingThousand", "二十四"),
        (108, "chineseCountingThousand", "一百零八"),
        (12, "chineseLegalSimplified", "拾贰"),
        (3, "ideographTraditional", "丙"),
        (3, "decimalEnclosedCircle", "③"),
        (21, "decimalEnclosedCircle", "21"),
        (2, "decimalEnclosedParen", "⑵"),
        (2, "decimalEnclosedFullstop", "⒉"),
        (12, "decimalFullWidth", "１２"),
        (4, "upperRoman", "IV"),
        (14, "lowerRoman", "xiv"),
        (27, "lowerLetter", "aa"),
        (2, "upperLetter", "B"),
        (7, "decimalZero", "07"),
        (2023, "ideographDigital", "二〇二三"),
        (5, "somethingNew", "5"),
    ],
)
def test_format_number(value: int, fmt: str, expected: str) -> None:
    from policy_parser.loaders.docx import format_number

    assert format_number(value, fmt) == expected


# --- HTML -------------------------------------------------------------------------------------


def test_html_article_without_site_chrome() -> None:
    pytest.importorskip("selectolax")
    loaded = load_text(DATA / "zbq.html")
    assert loaded.kind == "html"
    assert loaded.encoding == "utf-8"
    assert loaded.title == "国务院关于促进综合保税区高水平开放高质量发展的若干意见"
    assert loaded.text == PLAIN_NO_BLANKS
    for chrome in ("首页", "相关文件", "分享到", "版权所有", "_hmt", "责任编辑", "字体"):
        assert chrome not in loaded.text


def test_html_declared_gb2312_and_table() -> None:
    pytest.importorskip("selectolax")
    loaded = load_text(DATA / "gbk_page.html")
    assert loaded.encoding == "gb18030"
    assert loaded.text == (
        "关于开展专项检查的通知\n一、检查范围\n各区县人民政府要组织开展自查。\n"
        "市财政局负责汇总。\n序号\t牵头单位\n1\t市科协\n"
    )


def test_html_title_outside_the_body_is_put_in_front() -> None:
    pytest.importorskip("selectolax")
    page = (
        "<html><head><title>关于开展专项检查的通知_市政府网</title></head><body>"
        "<ul class=nav><li><a href=/>首页</a></li><li><a href=/zc>政策</a></li></ul>"
        "<h1>关于开展专项检查的通知</h1><div class=info>发布时间：2023-01-01</div>"
        "<div id=zoom><p>各区县：</p><p>一、检查范围</p><p>各区县人民政府要组织开展\n"
        "      自查，市财政局负责汇总。</p><p>二、工作要求</p><p>按时报送。</p></div>"
        "<footer>版权所有</footer></body></html>"
    ).encode()
    loaded = load_bytes(page, "html")
    assert loaded.text == (
        "关于开展专项检查的通知\n各区县：\n一、检查范围\n"
        "各区县人民政府要组织开展自查，市财政局负责汇总。\n二、工作要求\n按时报送。\n"
    )


def test_html_charset_lie_falls_back_to_detection() -> None:
    pytest.importorskip("selectolax")
    page = '<meta charset="utf-8"><p>一、总体要求</p>'.encode("gb18030")
    loaded = load_bytes(page, "html")
    assert loaded.encoding == "gb18030"
    assert loaded.text == "一、总体要求\n"


# --- done when: every format parses to the tree of the plain text -------------------------------


def _shape(doc: pp.Document) -> tuple[str | None, list[tuple[str, int, str]]]:
    return doc.title, [(s.path, s.number, s.kind.value) for s in doc.walk()]


@pytest.mark.parametrize(
    "name",
    ["zbq.pdf", "zbq.docx", "zbq.gb18030.txt", "zbq.utf8bom.txt", "zbq.utf16.txt", "zbq.html"],
)
def test_every_format_parses_to_the_same_tree(name: str) -> None:
    extra = {".pdf": "pdfplumber", ".docx": "docx", ".html": "selectolax"}.get(Path(name).suffix)
    if extra:
        pytest.importorskip(extra)
    expected = pp.parse(PLAIN)
    title, tree = _shape(expected)
    assert title == "国务院关于促进综合保税区高水平开放高质量发展的若干意见"
    assert len(tree) >= 20, "the plain text should parse to the full tree"
    assert tree[:3] == [("一", 1, "cn_comma"), ("二", 2, "cn_comma"), ("二/（一）", 1, "cn_paren")]
    assert ("四/（三）/13", 13, "arabic_dot") in tree
    assert _shape(pp.parse(load_text(DATA / name).text)) == (title, tree)


@pytest.mark.parametrize(
    "path", sorted((Path(__file__).parent / "data" / "corpus").glob("*.txt")), ids=lambda p: p.name
)
def test_every_corpus_text_round_trips_through_gb18030(path: Path) -> None:
    # Real texts (icon-font characters of web pages included) pass the plausibility check.
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    assert decode_bytes(text.encode("gb18030")) == (text, "gb18030")


@pytest.mark.parametrize("name", ["zbq.gb18030.txt", "zbq.utf16.txt", "zbq.docx", "zbq.pdf"])
def test_parse_file_uses_the_loaders(name: str) -> None:
    extra = {".pdf": "pdfplumber", ".docx": "docx"}.get(Path(name).suffix)
    if extra:
        pytest.importorskip(extra)
    try:
        doc = pp.parse_file(DATA / name)
    except UnicodeDecodeError:
        pytest.xfail("api.parse_file is not wired to loaders.load_text yet")
    assert _shape(doc) == _shape(pp.parse(PLAIN))
    assert doc.source == load_text(DATA / name).text  # spans index the extracted text


def test_parse_file_errors_name_the_file() -> None:
    try:
        pp.parse_file(DATA / "bad.txt")
    except UnicodeDecodeError:
        pytest.xfail("api.parse_file is not wired to loaders.load_text yet")
    except LoadError as exc:
        assert str(exc).startswith(str(DATA / "bad.txt"))
    else:
        pytest.fail("an undecodable file must not parse")


@pytest.mark.parametrize("gap", [" ", "\n  ", "&nbsp;"])
def test_html_keeps_the_gap_between_two_names_in_a_signature(gap: str) -> None:
    # <span>甲局</span>⏎<span>乙局</span>: a browser shows two names, and so does the text.
    pytest.importorskip("selectolax")
    html = (
        "<html><body><p>关于甲的通知</p><p>各区：</p><p>一、甲</p><p>乙要做好。</p>"
        f'<p style="text-align:right"><span>甲市教育局</span>{gap}<span>乙市财政局</span></p>'
        "<p>2024年1月1日</p></body></html>"
    )
    text = load_bytes(html.encode(), "html").text
    assert pp.parse(text).issuers == ["甲市教育局", "乙市财政局"]
