"""The pipeline's model factories build the same models validation would, only cheaper."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

import policy_parser as pp
from policy_parser.models import (
    BodyMention,
    Clause,
    MarkerKind,
    Role,
    Section,
    Span,
    make_clause,
    make_mention,
    make_section,
)

CORPUS = sorted((Path(__file__).parent / "data" / "corpus").glob("*.txt"))


@pytest.mark.parametrize(
    ("factory", "model"),
    [(make_mention, BodyMention), (make_clause, Clause), (make_section, Section)],
)
def test_factory_names_every_field(
    factory: Callable[..., BaseModel], model: type[BaseModel]
) -> None:
    # A field added to a model and forgotten in its factory would leave instances without it.
    assert set(inspect.signature(factory).parameters) == set(model.model_fields)


def test_factories_equal_validated_models() -> None:
    mention = make_mention("市科协", Role.LEAD, Span(start=3, end=6))
    clause = make_clause("市科协牵头。", Span(start=3, end=9), [mention])
    fields: dict[str, Any] = {
        "level": 1,
        "marker": "一、",
        "kind": MarkerKind.CN_COMMA,
        "number": 1,
        "heading": "总体要求",
        "text": "市科协牵头。",
        "span": Span(start=0, end=9),
        "path": "一",
    }
    section = make_section(**fields, children=[], clauses=[clause])
    validated = Section(
        **fields,
        clauses=[
            Clause(
                text="市科协牵头。",
                span=Span(start=3, end=9),
                bodies=[BodyMention(name="市科协", role=Role.LEAD, span=Span(start=3, end=6))],
            )
        ],
    )
    assert section == validated
    assert section.model_dump() == validated.model_dump()
    assert section.model_dump_json() == validated.model_dump_json()
    assert section.model_fields_set == set(Section.model_fields)
    # Serialisation follows the order of a trusted model's values: the declared order.
    for model in (section, clause, mention):
        assert list(model.__dict__) == list(type(model).model_fields)


def test_factory_models_stay_frozen_and_copy_safely() -> None:
    clause = make_clause("依法办理。", Span(start=0, end=5), [])
    with pytest.raises(ValueError, match="frozen"):
        clause.text = "x"  # type: ignore[misc]
    copied = clause.model_copy(update={"text": "另行办理。"})
    # The factories share one set of field names; model_copy must add to a copy of it.
    assert copied.text == "另行办理。" and clause.text == "依法办理。"
    assert clause.model_fields_set == set(Clause.model_fields)
    assert copied.model_fields_set is not clause.model_fields_set


def _exact_types(section: Section) -> list[str]:
    """The fields of a section, its clauses and mentions whose value has the wrong type."""
    wrong: list[str] = []

    def check(owner: str, checks: dict[str, tuple[object, type | tuple[type, ...]]]) -> None:
        wrong.extend(f"{owner}.{k}" for k, (v, t) in checks.items() if not isinstance(v, t))

    check(
        section.path,
        {
            "level": (section.level, int),
            "marker": (section.marker, str),
            "kind": (section.kind, MarkerKind),
            "number": (section.number, int),
            "heading": (section.heading, (str, type(None))),
            "text": (section.text, str),
            "children": (section.children, list),
            "clauses": (section.clauses, list),
            "span": (section.span, Span),
            "path": (section.path, str),
        },
    )
    for clause in section.clauses:
        check(section.path, {"clause": (clause, Clause), "clause.span": (clause.span, Span)})
        check(section.path, {"clause.text": (clause.text, str), "bodies": (clause.bodies, list)})
        for body in clause.bodies:
            check(section.path, {"body": (body, BodyMention), "body.name": (body.name, str)})
            check(section.path, {"role": (body.role, Role), "body.span": (body.span, Span)})
    return wrong


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem[:3] for p in CORPUS])
def test_parsed_documents_have_exact_types(path: Path) -> None:
    # The factories skip validation: every field of every built model must still have exactly
    # its declared type, and validating the dump again must give the same document.
    doc = pp.parse(path.read_text(encoding="utf-8"))
    sections = list(doc.walk(attachments=True))
    assert sections
    assert [w for s in sections for w in _exact_types(s)] == []
    assert pp.Document.model_validate(doc.model_dump()) == doc
    assert pp.Document.model_validate_json(doc.model_dump_json(), strict=True) == doc


@pytest.mark.parametrize(
    ("marker", "key"),
    [
        ("一、", "一"),
        ("（一）", "（一）"),
        ("1．", "1"),
        ("(1)", "（1）"),
        ("（2)", "（2）"),
        (" 3 .", "3"),
        ("\u3000四、", "四"),
        ("5\t)", "5）"),
        ("第六条", "第六条"),
    ],
)
def test_path_key_drops_spaces_and_widens_brackets(marker: str, key: str) -> None:
    # The fast path (no space, no half-width bracket) and the slow one give what a path writes.
    assert pp.models.path_key(marker) == key


def _section(path: str, children: list[Section]) -> Section:
    marker = path.rsplit("/", 1)[-1]
    return make_section(
        level=path.count("/") + 1,
        marker=marker,
        kind=MarkerKind.CN_PAREN,
        number=1,
        heading=None,
        text="",
        children=children,
        clauses=[],
        span=Span(start=0, end=1),
        path=path,
    )


def test_walk_is_pre_order_at_every_depth() -> None:
    # 一 holds （一） (which holds 1) and （二）; 二 is a leaf: parents before children, in order.
    one = _section(
        "一",
        [_section("一/（一）", [_section("一/（一）/1", [])]), _section("一/（二）", [])],
    )
    two = _section("二", [])
    assert [s.path for s in one.walk()] == ["一", "一/（一）", "一/（一）/1", "一/（二）"]
    doc = pp.models.Document(source="x", sections=[one, two], span=Span(start=0, end=1))
    assert [s.path for s in doc.walk()] == [
        "一",
        "一/（一）",
        "一/（一）/1",
        "一/（二）",
        "二",
    ]
