"""Akoma Ntoso 3.0 export: valid against the OASIS schema, mapped as docs/formats.md says."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import policy_text

import policy_parser as pp
from policy_parser.akn.ids import EIds
from policy_parser.akn.kinds import akn_kind
from policy_parser.cli import main

etree = pytest.importorskip("lxml.etree")

HERE = Path(__file__).parent
SCHEMA = HERE / "data" / "akn" / "akomantoso30.xsd"
TEXTS = sorted((HERE / "data" / "corpus").glob("*.txt")) + sorted(
    (HERE.parent / "examples").glob("*.txt")
)
NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}

REGULATION = (
    "甲市乙工作管理条例\n"
    "第一章 总则\n"
    "第一条 为了规范乙工作，制定本条例。\n"
    "第二条 甲局负责乙工作，丙局配合。\n"
    "第二章 保障\n"
    "第三条 丁委应当保障乙工作经费。\n"
)
NOTICE = (
    "关于开展乙工作的通知\n"
    "各区局：\n"
    "现将《乙工作方案》印发给你们。\n"
    "附件：乙工作方案\n"
    "附件\n"
    "乙工作方案\n"
    "一、总体要求\n"
    "（一）甲局要负责乙工作。\n"
)


@pytest.fixture(scope="module")
def schema() -> object:
    # The xsd imports ./xml.xsd, vendored beside it: no network.
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def _tree(doc: pp.Document) -> object:
    xml = doc.to_akn()
    assert xml.startswith("<?xml")
    return etree.fromstring(xml.encode("utf-8"))


def _documents(doc: pp.Document) -> list[pp.Document]:
    return [doc, *(d for a in doc.attachments for d in _documents(a))]


def _assert_valid(schema: object, tree: object) -> None:
    if not schema.validate(tree):  # type: ignore[attr-defined]
        errors = [f"{e.line}: {e.message}" for e in schema.error_log][:5]  # type: ignore[attr-defined]
        pytest.fail("not valid Akoma Ntoso:\n" + "\n".join(errors))


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_every_corpus_text_exports_valid_xml_with_unique_ascii_eids(
    path: Path, schema: object
) -> None:
    doc = pp.parse(path.read_text(encoding="utf-8"))
    tree = _tree(doc)
    _assert_valid(schema, tree)
    eids = [el.get("eId") for el in tree.iter() if el.get("eId") is not None]
    assert len(eids) == len(set(eids))
    assert all(eid.isascii() and " " not in eid for eid in eids)
    # every section of the document and its attachments has an element of its own
    sections = sum(1 for d in _documents(doc) for _ in d.walk())
    assert len(tree.xpath("//a:num", namespaces=NS)) == sections


def test_a_regulation_is_an_act_of_chapters_and_articles(schema: object) -> None:
    tree = _tree(pp.parse(REGULATION))
    _assert_valid(schema, tree)
    (act,) = tree.xpath("/a:akomaNtoso/a:act", namespaces=NS)
    assert act.get("name") == "regulation"
    chapters = act.xpath("a:body/a:chapter", namespaces=NS)
    assert [c.get("eId") for c in chapters] == ["chp_1", "chp_2"]
    assert chapters[0].findtext("a:num", namespaces=NS) == "第一章"
    assert chapters[0].findtext("a:heading", namespaces=NS) == "总则"
    articles = act.xpath("a:body/a:chapter/a:article", namespaces=NS)
    assert [a.get("eId") for a in articles] == ["chp_1__art_1", "chp_1__art_2", "chp_2__art_3"]
    assert [a.findtext("a:num", namespaces=NS) for a in articles] == ["第一条", "第二条", "第三条"]
    title = act.xpath("a:preface//a:docTitle/text()", namespaces=NS)
    assert title == ["甲市乙工作管理条例"]


def test_bodies_are_organizations_referenced_in_the_text() -> None:
    doc = pp.parse(REGULATION)
    tree = _tree(doc)
    shown = {
        t.get("eId"): t.get("showAs")
        for t in tree.xpath("//a:references/a:TLCOrganization", namespaces=NS)
    }
    named = {b.name for s in doc.walk() for b in s.bodies}
    assert named and named <= set(shown.values())
    inline = tree.xpath("//a:article//a:organization", namespaces=NS)
    assert {o.text for o in inline} == named
    for org in inline:  # each points at the TLCOrganization of its own name, with its role
        assert shown[org.get("refersTo").removeprefix("#")] == org.text
        assert org.get("class") in {r.value for r in pp.Role}
    (second,) = tree.xpath("//a:article[@eId='chp_1__art_2']", namespaces=NS)
    assert {shown[r[1:]] for r in second.get("refersTo").split()} == {"甲局", "丙局"}
    # marking the names keeps the article's text whole
    (second,) = tree.xpath("//a:article[@eId='chp_1__art_2']/a:content", namespaces=NS)
    assert "".join(second.itertext()).strip() == doc.sections[0].children[1].text


def test_a_body_the_text_spells_otherwise_is_still_referenced_by_its_section(
    schema: object,
) -> None:
    # 市、区有关部门 names 市有关部门 and 区有关部门; neither is written out in the text.
    doc = pp.parse("甲市乙工作管理条例\n第一条 市、区有关部门应当做好乙工作。\n")
    tree = _tree(doc)
    _assert_valid(schema, tree)
    (article,) = tree.xpath("//a:article", namespaces=NS)
    shown = {
        t.get("eId"): t.get("showAs")
        for t in tree.xpath("//a:references/a:TLCOrganization", namespaces=NS)
    }
    refers = {shown[r.removeprefix("#")] for r in article.get("refersTo").split()}
    assert refers == {b.name for b in doc.sections[0].bodies}
    assert "".join(article.find("a:content", NS).itertext()).strip() == doc.sections[0].text


def test_a_notice_with_an_attachment_nests_it(schema: object) -> None:
    doc = pp.parse(NOTICE)
    tree = _tree(doc)
    _assert_valid(schema, tree)
    (notice,) = tree.xpath("/a:akomaNtoso/a:doc", namespaces=NS)
    assert notice.get("name") == "notice"
    (attached,) = notice.xpath("a:attachments/a:attachment/a:doc", namespaces=NS)
    assert attached.getparent().get("eId") == "att_1"
    assert attached.get("name") == "plan"
    assert attached.xpath(".//a:docTitle/text()", namespaces=NS) == ["乙工作方案"]
    (para,) = attached.xpath("a:mainBody/a:paragraph", namespaces=NS)
    assert para.get("eId") == "att_1__para_1"
    (point,) = para.xpath("a:point", namespaces=NS)
    assert point.get("eId") == "att_1__para_1__point_1"
    assert notice.xpath("a:preface/a:p[@class='addressees']/text()", namespaces=NS) == ["各区局："]


def test_identification_names_country_language_and_issuers(schema: object) -> None:
    doc = pp.parse(REGULATION).model_copy(
        update={"issuers": ["甲市人大常委会"], "doc_number": "甲市公告第1号"}
    )
    tree = _tree(doc)
    _assert_valid(schema, tree)
    work = tree.xpath("//a:identification/a:FRBRWork", namespaces=NS)[0]
    assert work.find("a:FRBRcountry", NS).get("value") == "cn"
    assert work.find("a:FRBRnumber", NS).get("value") == "甲市公告第1号"
    assert work.find("a:FRBRuri", NS).get("value").startswith("/akn/cn/act/regulation/")
    assert tree.xpath("//a:FRBRExpression/a:FRBRlanguage/@language", namespaces=NS) == ["zho"]
    (author,) = work.findall("a:FRBRauthor", NS)
    (org,) = tree.xpath(f"//a:TLCOrganization[@eId='{author.get('href')[1:]}']", namespaces=NS)
    assert org.get("showAs") == "甲市人大常委会"
    assert tree.xpath("//a:docNumber/text()", namespaces=NS) == ["甲市公告第1号"]


@pytest.mark.parametrize(
    ("title", "element", "name"),
    [
        ("甲市乙工作管理条例", "act", "regulation"),
        ("甲市乙工作管理办法（试行）", "act", "measures"),
        ("甲市乙工作实施细则", "act", "implementing-rules"),
        ("甲市乙工作管理办法（征求意见稿）", "bill", "draft-for-comment"),
        ("甲市乙工作条例草案", "bill", "draft"),
        ("关于开展乙工作的通知", "doc", "notice"),
        ("关于加快乙工作的意见", "doc", "opinion"),
        ("甲市乙工作实施方案", "doc", "implementation-plan"),
        ("甲市乙工作", "doc", "document"),
        (None, "doc", "document"),
    ],
)
def test_the_kind_word_of_the_title_picks_the_element(
    title: str | None, element: str, name: str
) -> None:
    assert akn_kind(title) == (element, name)


def test_a_draft_is_a_bill(schema: object) -> None:
    text = REGULATION.replace("管理条例\n", "管理条例（草案）\n", 1)
    tree = _tree(pp.parse(text))
    _assert_valid(schema, tree)
    assert tree.xpath("/a:akomaNtoso/a:bill/@name", namespaces=NS) == ["draft"]


def test_a_number_used_twice_gets_a_distinct_eid() -> None:
    ids = EIds()
    assert [ids.take("para_1__point_1") for _ in range(3)] == [
        "para_1__point_1",
        "para_1__point_1_2",
        "para_1__point_1_3",
    ]


def test_characters_xml_cannot_hold_are_replaced_not_fatal(schema: object) -> None:
    doc = pp.Document(title="甲市乙\x0c条例", preamble="前言\x01\ud800。")
    tree = _tree(doc)
    _assert_valid(schema, tree)
    assert tree.xpath("//a:docTitle/text()", namespaces=NS) == ["甲市乙\ufffd条例"]
    assert tree.xpath("//a:preamble/a:p/text()", namespaces=NS) == ["前言\ufffd\ufffd。"]


def test_without_lxml_the_error_says_which_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "lxml.etree", None)
    with pytest.raises(ImportError, match=r"pip install \"policy-parser\[akn\]\""):
        pp.parse(REGULATION).to_akn()


def test_cli_format_akn(tmp_path: Path, capsys: pytest.CaptureFixture[str], schema: object) -> None:
    path = tmp_path / "regulation.txt"
    path.write_text(REGULATION, encoding="utf-8")
    assert main(["parse", str(path), "--format", "akn", "--no-progress"]) == 0
    tree = etree.fromstring(capsys.readouterr().out.encode("utf-8"))
    _assert_valid(schema, tree)
    assert tree.xpath("count(//a:article)", namespaces=NS) == 3


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(policy_text, st.text(st.characters(codec=None), max_size=60)))
def test_property_any_parse_exports_valid_xml(schema: object, text: str) -> None:
    _assert_valid(schema, _tree(pp.parse(text)))
