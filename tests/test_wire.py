"""Documents cross process boundaries packed as tuples and come back equal."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import policy_parser as pp
from policy_parser.models import make_document
from policy_parser.wire import pack, unpack

CORPUS = sorted((Path(__file__).parent / "data" / "corpus").glob("*.txt"))


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem[:3] for p in CORPUS])
def test_round_trip_through_pickle(path: Path) -> None:
    doc = pp.parse(path.read_text(encoding="utf-8"))
    back = unpack(pickle.loads(pickle.dumps(pack(doc))))
    assert back == doc
    # The same JSON, byte for byte: every field present, in the declared order.
    assert back.model_dump_json() == doc.model_dump_json()


def test_attachments_and_diagnostics_travel() -> None:
    text = "\n".join(
        [
            "关于印发某某办法的通知",
            "各区人民政府：",
            "现将《某某办法》印发给你们，请认真贯彻执行。",
            "附件：某某办法",
            "某某办法",
            "第一条 为了规范管理，制定本办法。",
            "第三条 市科技局负责组织实施。",
        ]
    )
    doc = pp.parse(text)
    assert doc.attachments and any(a.diagnostics for a in doc.attachments)
    back = unpack(pickle.loads(pickle.dumps(pack(doc))))
    assert back == doc
    assert back.attachments[0].diagnostics == doc.attachments[0].diagnostics


def test_make_document_rejects_other_fields() -> None:
    fields, _, _ = pack(pp.parse("一、总体要求"))
    with pytest.raises(ValueError, match="not the fields of a Document"):
        make_document({**fields, "extra": 1}, sections=[], attachments=[])
    del fields["source"]
    with pytest.raises(ValueError, match="not the fields of a Document"):
        make_document(fields, sections=[], attachments=[])


def test_rebuilt_models_behave_like_validated_ones() -> None:
    doc = pp.parse(CORPUS[0].read_text(encoding="utf-8"))
    back = unpack(pickle.loads(pickle.dumps(pack(doc))))
    assert back == pp.Document.model_validate_json(doc.model_dump_json())
    section = next(back.walk())
    assert section.model_fields_set == set(type(section).model_fields)
    # Frozen as validated models are; copies with updates still work.
    with pytest.raises(ValueError, match="frozen"):
        section.marker = "x"  # type: ignore[misc]
    assert section.model_copy(update={"marker": "x"}).marker == "x"
    span = section.span
    assert type(span) is type(doc.sections[0].span) and span == doc.walk().__next__().span
