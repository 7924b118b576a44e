"""The view page (policy_parser.view): its payload, its escaping, its command line.

These read the HTML as text; tests/test_view_browser.py runs the same pages in Chromium.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

import policy_parser as pp
from policy_parser import view
from policy_parser.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

PLAN = (
    "关于甲事项的实施方案\n"
    "一、总体要求\n"
    "（一）加强领导。甲市教育局要负责统筹。\n"
    "（二）落实责任。乙市财政局牵头，丙市科技局配合。\n"
    "二、保障措施\n"
    "（一）防止注入。见</script><script>alert(1)</script>和<!--注释-->，甲市教育局要加强督查。\n"
)
NOTICE = (
    "关于印发甲方案的通知\n各单位：\n现将《甲方案》印发给你们，请认真贯彻执行。\n附件：甲方案\n"
    "甲市人民政府\n2024年1月2日\n附件\n甲方案\n一、总体要求\n（一）甲市教育局要负责统筹。\n"
    "二、保障措施\n（一）乙市财政局要加强保障。\n"
)

_PAYLOAD = re.compile(r'<script type="application/json" id="payload">(.*?)</script>', re.S)


def _payload(page: str) -> Any:
    found = _PAYLOAD.findall(page)
    assert len(found) == 1, "the page holds exactly one payload element"
    return json.loads(found[0])


def _nodes(tree: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [n for node in tree for n in [node, *_nodes(node["children"])]]


def test_payload_is_the_json_of_the_parse() -> None:
    doc = pp.parse(PLAN)
    page = pp.view_html(doc)
    data = _payload(page)
    assert data == json.loads(json.dumps(view.view_payload(doc)))
    assert data["source"] == doc.source == PLAN
    assert data["title"] == doc.title == "关于甲事项的实施方案"


def test_every_section_is_a_node_with_its_span() -> None:
    doc = pp.parse(PLAN)
    nodes = _nodes(_payload(pp.view_html(doc))["tree"])
    sections = list(doc.walk())
    assert [n["path"] for n in nodes] == [s.path for s in sections]
    assert len({n["id"] for n in nodes}) == len(nodes)
    for node, section in zip(nodes, sections, strict=True):
        assert PLAN[node["start"] : node["end"]] == section.span.slice(PLAN)
        assert node["marker"] == section.marker and node["heading"] == section.heading
    assert nodes[1]["label"] == "（一）加强领导"


def test_attachments_are_nodes_with_their_sections() -> None:
    doc = pp.parse(NOTICE)
    assert doc.attachments, "the made-up notice should carry its plan as an attachment"
    tree = _payload(pp.view_html(doc))["tree"]
    attachment = tree[-1]
    assert attachment["type"] == "attachment" and attachment["label"] == "附件1 甲方案"
    assert NOTICE[attachment["start"] : attachment["end"]].startswith("甲方案\n一、总体要求")
    expected = ["附件1/" + s.path for s in doc.attachments[0].walk()]
    assert [n["path"] for n in _nodes(attachment["children"])] == expected
    rows = _payload(pp.view_html(doc))["rows"]
    assert {r["path"] for r in rows} <= {n["path"] for n in _nodes(tree)}


def test_script_in_the_text_cannot_end_the_payload() -> None:
    page = pp.view_html(pp.parse(PLAN))
    # The template closes two script elements (payload and code); the text adds none.
    assert page.lower().count("</script") == 2
    assert "<!--" not in page and "<script>alert" not in page
    assert "</script><script>alert(1)</script>" in _payload(page)["source"]


def test_the_title_is_escaped_as_html() -> None:
    doc = pp.parse("一、甲\n甲市教育局要负责。\n").model_copy(update={"title": "甲<b>&乙"})
    page = pp.view_html(doc)
    assert f"<title>{html.escape('甲<b>&乙')}</title>" in page
    assert _payload(page)["title"] == "甲<b>&乙"


def test_spans_count_code_points_outside_the_bmp() -> None:
    # 𠀀 (U+20000) is one code point but two UTF-16 units: the payload keeps Python offsets.
    text = "𠀀𠀁说明\n一、总体要求\n（一）甲市教育局要负责𠀂统筹。\n"
    doc = pp.parse(text)
    nodes = _nodes(_payload(pp.view_html(doc))["tree"])
    assert [text[n["start"] : n["end"]] for n in nodes] == [s.span.slice(text) for s in doc.walk()]


def test_the_table_has_a_row_per_responsibility() -> None:
    doc = pp.parse(PLAN)
    data = _payload(pp.view_html(doc))
    table = doc.responsibilities()
    assert len(table) >= 3
    assert [(r["body"], r["role"], r["clause"], r["path"]) for r in data["rows"]] == [
        (r.body, r.role.value, r.clause, r.path) for r in table
    ]
    for row in data["rows"]:
        assert PLAN[row["start"] : row["end"]] == row["body"]
    has_deadline = "deadline" in pp.Responsibility.model_fields
    assert ("deadline" in data["columns"]) is has_deadline
    assert data["columns"][:4] == ["body", "role", "clause", "path"]


def test_a_deadline_column_appears_when_rows_carry_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(view, "_has_deadline", lambda: True)
    data = view.view_payload(pp.parse(PLAN))
    assert data["columns"][-1] == "deadline"
    assert all("deadline" in row for row in data["rows"])
    assert view._cell(dt.date(2025, 6, 30)) == "2025-06-30"
    assert view._cell("2025年底前") == "2025年底前"
    assert view._cell(None) is None


def test_the_example_document_has_every_section() -> None:
    text = (EXAMPLES / "guofa-2019-3-opinion.txt").read_text(encoding="utf-8")
    doc = pp.parse(text)
    data = _payload(pp.view_html(doc))
    assert len(_nodes(data["tree"])) == len(list(doc.walk(attachments=True))) > 20
    assert len(data["rows"]) == len(doc.responsibilities())


def test_the_page_loads_nothing_from_the_network() -> None:
    page = pp.view_html(pp.parse(PLAN))
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<style>" in page and "JSON.parse" in page


def test_cli_writes_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "plan.txt"
    source.write_text(PLAN, encoding="utf-8")
    out = tmp_path / "plan.html"
    assert main(["view", str(source), "-o", str(out)]) == 0
    assert _payload(out.read_text(encoding="utf-8"))["source"] == PLAN
    assert main(["view", str(source)]) == 0
    assert _payload(capsys.readouterr().out)["source"] == PLAN


def test_cli_reports_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["view", str(tmp_path / "missing.txt")]) == 2
    assert "missing.txt" in capsys.readouterr().err


def test_an_empty_text_gives_an_empty_page() -> None:
    data = _payload(pp.view_html(pp.parse("")))
    assert data["tree"] == [] and data["rows"] == [] and data["source"] == ""
