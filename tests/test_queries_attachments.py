"""Queries reach into attachments: a notice's issued plan is where the work is."""

from pathlib import Path

import policy_parser as pp

NOTICE = (
    Path(__file__).parent / "data" / "corpus" / "020_guobanfa-2020-43-fangguanfu-fengong-flat.txt"
)


def test_queries_cover_attachments() -> None:
    doc = pp.parse(NOTICE.read_text(encoding="utf-8"))
    assert doc.sections == [] and doc.attachments
    plan = doc.attachments[0]
    item = doc.find("附件1/一/（一）")
    assert item is not None and item is plan.find("一/（一）")
    assert doc.find("（二十五）") is plan.find("五/（二十五）")
    leads = doc.clauses(body="财政部", role="lead")
    assert leads and all("财政部" in c.text for c in leads)
    paths = {p for p, _ in doc.bodies()}
    assert "附件1/一/（一）/1" in paths
    assert doc.responsibilities()[0].path.startswith("附件1/")
    assert len(list(doc.walk())) == 0
    assert len(list(doc.walk(attachments=True))) == len(list(plan.walk()))
