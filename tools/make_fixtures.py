"""Regenerate the binary loader fixtures in ``tests/data/loaders/`` from ``zbq.txt``.

``zbq.txt`` is an excerpt of 国发〔2019〕3号 (corpus file 007) in plain UTF-8; every other
fixture is the same document in another shape, so the tests can check that each loader gives
back the same section tree:

* ``zbq.gb18030.txt``, ``zbq.utf8bom.txt``, ``zbq.utf16.txt`` (UTF-16 LE with BOM, CRLF);
* ``zbq.pdf``: typeset with reportlab's built-in CID font STSong-Light (no font file needed),
  hard-wrapped, first-line indents, a running header, ``— N —`` page numbers, paragraphs
  broken across pages;
* ``zbq.docx``: 一、 / （一） / 1. written by Word's automatic list numbering (numbering.xml),
  the 1. level running on across its parents (``w:lvlRestart w:val="0"``);
* ``zbq.html``: a government-site page with navigation, scripts, a sidebar and a footer;
* ``tasks.docx``: a task table with 牵头单位 / 配合单位 columns and more numbering formats;
* ``gbk_page.html``: a small page declared ``charset=gb2312``;
* ``bad.txt``: bytes that are neither UTF-8 nor GB18030.

Run from the repository root: ``python tools/make_fixtures.py``. Needs reportlab and
python-docx. The output is deterministic (fixed PDF metadata, fixed zip timestamps).
"""

# ruff: noqa: E501  (the HTML page template keeps its real, long lines)
from __future__ import annotations

import html
import io
import zipfile
from pathlib import Path

import docx  # type: ignore[import-untyped]
from docx.oxml import parse_xml  # type: ignore[import-untyped]
from docx.oxml.ns import nsdecls, qn  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # type: ignore[import-untyped]
from reportlab.pdfgen import canvas  # type: ignore[import-untyped]

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "loaders"
MARKER_LEVEL = (("一", "、"), ("（", "）"))


def source_lines() -> list[str]:
    """Return the lines of ``zbq.txt``."""
    return (OUT / "zbq.txt").read_text(encoding="utf-8").splitlines()


def write_encodings(text: str) -> None:
    """Write the same text in the encodings the text loader detects."""
    (OUT / "zbq.gb18030.txt").write_bytes(text.encode("gb18030"))
    (OUT / "zbq.utf8bom.txt").write_bytes(text.encode("utf-8-sig"))
    (OUT / "zbq.utf16.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-16"))
    # Latin-1 accents then a lone 0xFF: invalid as UTF-8 and as GB18030.
    (OUT / "bad.txt").write_bytes("Caf\xe9 na\xefve r\xe9sum\xe9 \xff\n".encode("latin-1"))


# --- PDF ----------------------------------------------------------------------------------

FONT = "STSong-Light"
SIZE = 14.0
LEFT, RIGHT, TOP, BOTTOM = 72.0, A4[0] - 72.0, A4[1] - 80.0, 90.0
LEADING = 23.0
HEADER = "中华人民共和国国务院公报　2019年第5号"


def _wrap(text: str, width: float, indent: float) -> list[str]:
    # Greedy wrap by measured width, like a typesetter: CJK can break between any characters.
    lines: list[str] = []
    current = ""
    limit = width - indent
    for ch in text:
        if pdfmetrics.stringWidth(current + ch, FONT, SIZE) > limit and current:
            lines.append(current)
            current, limit = ch, width
        else:
            current += ch
    if current:
        lines.append(current)
    return lines


def write_pdf(lines: list[str]) -> None:
    """Typeset the document over several A4 pages, as a 公文 PDF looks."""
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4, invariant=1)
    pdf.setTitle("zbq")
    page = 1
    y = TOP

    def chrome() -> None:
        pdf.setFont(FONT, 10)
        pdf.drawCentredString(A4[0] / 2, A4[1] - 50, HEADER)
        pdf.drawCentredString(A4[0] / 2, 50, f"— {page} —")
        pdf.setFont(FONT, SIZE)

    chrome()
    width = RIGHT - LEFT
    for i, line in enumerate(lines):
        centred = i < 2  # the two title lines
        right = line in ("国务院", "2019年1月12日")
        indent = 0.0 if centred or right or line.startswith("（此件") else 2 * SIZE
        for j, part in enumerate(_wrap(line, width, indent) if not centred else [line]):
            if y < BOTTOM:
                pdf.showPage()
                page += 1
                y = TOP
                chrome()
            if centred:
                pdf.drawCentredString(A4[0] / 2, y, part)
            elif right:
                pdf.drawRightString(RIGHT - 2 * SIZE, y, part)
            else:
                pdf.drawString(LEFT + (indent if j == 0 else 0.0), y, part)
            y -= LEADING
        if not line:
            y -= LEADING  # a blank line
    pdf.showPage()
    pdf.save()
    (OUT / "zbq.pdf").write_bytes(buf.getvalue())


# --- DOCX ---------------------------------------------------------------------------------


def _abstract_num(abstract_id: int, levels: list[tuple[str, str, int | None, str]]) -> str:
    # levels: (numFmt, lvlText, lvlRestart or None for Word's default restart, w:suff)
    parts = []
    for ilvl, (fmt, text, restart, suff) in enumerate(levels):
        restart_xml = f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else ""
        parts.append(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'{restart_xml}<w:suff w:val="{suff}"/><w:lvlText w:val="{text}"/>'
            '<w:lvlJc w:val="left"/></w:lvl>'
        )
    return (
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{"".join(parts)}</w:abstractNum>'
    )


def _add_numbering(document: docx.document.Document, abstract_xml: str, num_id: int) -> None:
    numbering = document.part.numbering_part.element
    abstract = parse_xml(abstract_xml)
    # abstractNum elements must come before num elements in numbering.xml.
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    abstract_id = abstract.get(qn("w:abstractNumId"))
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'
        )
    )


def _numbered(document: docx.document.Document, text: str, num_id: int, ilvl: int) -> None:
    paragraph = document.add_paragraph(text)
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def _save_docx(document: docx.document.Document, name: str) -> None:
    buf = io.BytesIO()
    document.core_properties.author = "policy_parser"
    document.save(buf)
    # Rewrite the zip with fixed timestamps so the fixture is byte-for-byte reproducible.
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = data.replace(b"2013-12-23T23:15:00Z", b"2019-01-12T00:00:00Z")
            fixed = zipfile.ZipInfo(info.filename, date_time=(2019, 1, 12, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, data)
    (OUT / name).write_bytes(out.getvalue())


def _split_marker(line: str) -> tuple[int, str] | None:
    # Which numbering level a line of zbq.txt starts with, and the text after its marker.
    import re

    for level, pattern in enumerate(
        (r"^[一二三四五六七八九十]+、", r"^（[一二三四五六七八九十]+）", r"^\d+\.")
    ):
        found = re.match(pattern, line)
        if found:
            return level, line[found.end() :]
    return None


def write_docx(lines: list[str]) -> None:
    """Write the document with Word's automatic numbering in place of typed markers."""
    document = docx.Document()
    _add_numbering(
        document,
        _abstract_num(
            90,
            [
                ("chineseCounting", "%1、", None, "nothing"),
                ("chineseCounting", "（%2）", None, "nothing"),
                # 1. runs on across （一）（二）… like the source; 0 = never restart.
                ("decimal", "%3.", 0, "nothing"),
            ],
        ),
        num_id=90,
    )
    for line in lines:
        found = _split_marker(line)
        if found:
            _numbered(document, found[1], 90, found[0])
        else:
            document.add_paragraph(line)
    _save_docx(document, "zbq.docx")


def write_tasks_docx() -> None:
    """Write a short notice with a task table and circled / parenthesised numbering."""
    document = docx.Document()
    _add_numbering(
        document,
        _abstract_num(
            91,
            [
                # Word's default suffix is a tab: shown as a space after 第一章.
                ("chineseCountingThousand", "第%1章", None, "tab"),
                ("decimalEnclosedCircle", "%2", None, "tab"),
                ("decimal", "（%3）", None, "space"),
            ],
        ),
        num_id=91,
    )
    document.add_paragraph("重点任务分工表")
    _numbered(document, "总则", 91, 0)
    _numbered(document, "明确责任。", 91, 1)
    _numbered(document, "细化分工。", 91, 1)
    _numbered(document, "按季度报送。", 91, 2)
    _numbered(document, "按年度总结。", 91, 2)
    _numbered(document, "保障措施", 91, 0)
    _numbered(document, "加强督查。", 91, 1)
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(
        table.rows[0].cells, ("序号", "重点任务", "牵头单位", "配合单位"), strict=True
    ):
        cell.text = text
    rows = [
        ("1", "拓展两个市场", "税务总局", "财政部、海关总署"),
        ("2", "提前适用政策", "海关总署", "财政部、税务总局"),
    ]
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    # 配合单位 merged down rows 1-2: the loader repeats it in each row.
    table.cell(1, 3).merge(table.cell(2, 3)).text = "财政部"
    merged = table.add_row().cells
    merged[0].text = "3"
    merged[1].merge(merged[2]).text = "由各地区自行确定"
    merged[3].text = "有关部门"
    document.add_paragraph("表后说明。")
    _save_docx(document, "tasks.docx")


# --- HTML ---------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{title}_政策文件_中国政府网</title>
<meta name="ArticleTitle" content="{title}">
<link rel="stylesheet" href="/css/main.css">
<script>var _hmt = _hmt || []; window.onload = function () {{ document.title += "（加载）"; }};</script>
<style>.header {{ color: red; }} #UCAP-CONTENT p {{ text-indent: 2em; }}</style>
</head>
<body>
<div class="header">
  <div class="logo"><a href="/">中国政府网</a></div>
  <ul class="nav">
    <li><a href="/">首页</a></li><li><a href="/zhengce/">政策</a></li>
    <li><a href="/hudong/">互动</a></li><li><a href="/fuwu/">服务</a></li>
    <li><a href="/shuju/">数据</a></li><li><a href="/guowuyuan/">国务院</a></li>
  </ul>
</div>
<div class="BreadcrumbNav"><a href="/">首页</a> &gt; <a href="/zhengce/">政策</a> &gt; 政策文件</div>
<div class="main">
  <div class="sidebar">
    <h3>相关文件</h3>
    <ul>
      <li><a href="/a">国务院办公厅关于进一步做好稳外贸稳外资工作的意见</a></li>
      <li><a href="/b">国务院关于支持自由贸易试验区深化改革创新若干措施的通知</a></li>
      <li><a href="/c">国务院办公厅关于加快发展外贸新业态新模式的意见</a></li>
    </ul>
  </div>
  <div class="article">
    <h1>{title}</h1>
    <div class="pages-date">2019-01-25 16:00　来源：中国政府网　<span class="font">【字体：大 中 小】</span></div>
    <div class="pages_content" id="UCAP-CONTENT">
{body}
    </div>
    <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
    <div class="editor">【我要纠错】 责任编辑：张三</div>
  </div>
</div>
<div class="footer">
  <p>主办单位：国务院办公厅　运行维护单位：中国政府网运行中心</p>
  <p>版权所有：中国政府网　<a href="#">网站说明</a>　<a href="#">网站地图</a>　<a href="#">联系我们</a></p>
  <p>京ICP备05070218号　京公网安备11010202000001号</p>
</div>
<script src="/js/stat.js"></script>
<script>document.write("<p>统计</p>");</script>
</body>
</html>
"""


def write_html(lines: list[str]) -> None:
    """Write the document as a government-site page: title lines centred, 　　-indented body."""
    title = lines[0] + lines[1]
    body = []
    for i, line in enumerate(lines):
        text = html.escape(line)
        if i < 2:
            body.append(f'<p style="text-align: center;"><strong>{text}</strong></p>')
        elif i == 2:
            # Real pages often hard-wrap the source inside a tag; the loader must undo it.
            body.append(f'<p style="text-align: center;">\n        {text}\n      </p>')
        elif line in ("国务院", "2019年1月12日"):
            body.append(f'<p style="text-align: right;">{text}　　</p>')
        else:
            body.append(f"<p>　　{text}</p>")
    (OUT / "zbq.html").write_text(
        PAGE.format(title=title, body="\n".join("      " + b for b in body)), encoding="utf-8"
    )
    small = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        "<title>通知</title></head><body><div id='nav'><a href='/'>首页</a></div>"
        "<div class='TRS_Editor'><p>关于开展专项检查的通知</p><p>一、检查范围</p>"
        "<p>各区县人民政府要组织开展自查。<br>市财政局负责汇总。</p>"
        "<table><tr><td>序号</td><td>牵头单位</td></tr><tr><td>1</td><td>市科协</td></tr></table>"
        "</div><div class='footer'>版权所有</div></body></html>"
    )
    (OUT / "gbk_page.html").write_bytes(small.encode("gb18030"))


def main() -> None:
    """Regenerate every fixture."""
    lines = source_lines()
    text = "\n".join(lines) + "\n"
    write_encodings(text)
    write_pdf(lines)
    write_docx(lines)
    write_tasks_docx()
    write_html(lines)
    for path in sorted(OUT.iterdir()):
        print(f"{path.stat().st_size:>8}  {path.relative_to(OUT.parent.parent.parent)}")


if __name__ == "__main__":
    main()
