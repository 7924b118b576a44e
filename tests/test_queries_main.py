"""The plan inside a notice (``doc.main``), role words as aliases, the source serialised once."""

from __future__ import annotations

import json

import pytest

import policy_parser as pp

# A made-up notice that issues a plan: the notice has no sections, the plan is its attachment.
NOTICE = (
    "关于印发甲市科普行动方案的通知\n各区县人民政府：\n"
    "现将《甲市科普行动方案》印发给你们，请认真贯彻执行。\n甲市人民政府\n2024年1月2日\n"
    "甲市科普行动方案\n一、总体要求\n（一）加强领导。市科协牵头，市教委配合。\n"
    "二、保障措施\n（二）落实经费。各区县要安排经费。\n"
)
PLAN = "一、总体要求\n（一）加强领导。市科协要负责。\n"


@pytest.fixture(scope="module")
def notice() -> pp.Document:
    return pp.parse(NOTICE)


def test_main_is_the_issued_plan_of_a_wrapper(notice: pp.Document) -> None:
    assert notice.sections == [] and len(notice.attachments) == 1
    plan = notice.main
    assert plan is notice.attachments[0]
    assert plan.title == "甲市科普行动方案"
    assert [s.path for s in plan.walk()] == ["一", "一/（一）", "二", "二/（二）"]


def test_main_of_a_plain_document_is_itself() -> None:
    doc = pp.parse(PLAN)
    assert doc.main is doc
    empty = pp.parse("")
    assert empty.main is empty


def test_queries_on_the_wrapper_name_the_attachment(notice: pp.Document) -> None:
    # One convention for every query: a section of attachment N is at '附件N/<its path>'.
    assert notice.find("附件1/二/（二）") is notice.main.find("二/（二）")
    assert notice.find("（二）") is notice.main.find("二/（二）")
    assert [(r.path, r.body, r.role) for r in notice.responsibilities()] == [
        ("附件1/一/（一）", "市科协", pp.Role.LEAD),
        ("附件1/一/（一）", "市教委", pp.Role.COOPERATE),
        ("附件1/二/（二）", "各区县", pp.Role.RESPONSIBLE),
    ]
    assert [c.text for c in notice.clauses(role="lead")] == ["市科协牵头，市教委配合。"]


@pytest.mark.parametrize(
    ("word", "role"),
    [
        ("牵头", pp.Role.LEAD),
        ("负责", pp.Role.RESPONSIBLE),
        ("配合", pp.Role.COOPERATE),
        ("鼓励", pp.Role.ENCOURAGED),
        ("Lead", pp.Role.LEAD),
    ],
)
def test_chinese_role_words_are_aliases(word: str, role: pp.Role) -> None:
    assert pp.Role(word) is role
    assert pp.Role.of(word) is role


def test_clauses_by_chinese_role(notice: pp.Document) -> None:
    assert notice.clauses(role="牵头") == notice.clauses(role=pp.Role.LEAD) != []
    assert notice.clauses(body="市教委", role="配合") == notice.clauses(body="市教委")


def test_unknown_role_says_what_is_accepted(notice: pp.Document) -> None:
    with pytest.raises(ValueError, match=r"^unknown role '主办': expected one of responsible, "):
        notice.clauses(role="主办")


def test_responsibilities_is_exported(notice: pp.Document) -> None:
    assert "Responsibilities" in pp.__all__
    table = notice.responsibilities()
    assert isinstance(table, pp.Responsibilities)


def test_source_is_serialised_once(notice: pp.Document) -> None:
    data = json.loads(notice.model_dump_json())
    assert data["source"] == NOTICE
    assert "source" not in data["attachments"][0]
    assert notice.model_dump_json().count(json.dumps(NOTICE, ensure_ascii=False)[1:-1]) == 1
    # Validation gives an attachment without a source its parent's: the round trip holds.
    again = pp.Document.model_validate_json(notice.model_dump_json())
    assert again == notice and again.attachments[0].source == NOTICE
    assert pp.Document.model_validate(notice.model_dump()) == notice


def test_an_attachment_with_its_own_source_keeps_it() -> None:
    # Documents built by hand may hold another text; that one is written out.
    child = pp.Document(source="乙")
    doc = pp.Document(source="甲", attachments=[child])
    data = json.loads(doc.model_dump_json())
    assert data["attachments"][0]["source"] == "乙"
    assert pp.Document.model_validate_json(doc.model_dump_json()) == doc


def test_nested_attachments_inherit_and_given_models_are_not_changed() -> None:
    grandchild = pp.Document()
    doc = pp.Document(source="甲", attachments=[pp.Document(attachments=[grandchild])])
    assert doc.attachments[0].attachments[0].source == "甲"
    assert grandchild.source == ""  # a copy got the source, not the caller's object
    assert pp.Document.model_validate_json(doc.model_dump_json()) == doc
