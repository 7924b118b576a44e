"""duties.assemble: reading rules threaded from section to section, subjects not carried."""

from __future__ import annotations

from dataclasses import fields

import policy_parser as pp
from policy_parser.bodies import INITIAL_RULES, ReadingRules
from policy_parser.duties import _without_subject


def _bodies(doc: pp.Document) -> dict[str, list[tuple[str, str]]]:
    return {
        s.path: [(b.name, b.role.value) for c in s.clauses for b in c.bodies] for s in doc.walk()
    }


def test_a_section_drops_the_subject_but_keeps_the_documents_rules() -> None:
    # （一） states 下同 (first listed leads); （二） opens with a subject; （三） opens with 要:
    # it must not go on with 丙局, and （四）'s annotation still reads its first body as lead.
    text = (
        "一、总则\n"
        "（一）推进甲项工作（甲局、乙局负责，排在第一位的部门为牵头部门，下同）。\n"
        "（二）丙局要加强宣传。\n"
        "（三）要继续做好戊项工作。\n"
        "（四）要做好丁项工作（丁局、戊局负责）。\n"
    )
    found = _bodies(pp.parse(text))
    assert found["一/（二）"] == [("丙局", "responsible")]
    assert found["一/（三）"] == []
    assert found["一/（四）"] == [("丁局", "lead"), ("戊局", "responsible")]


def test_without_subject_reuses_the_last_subjectless_rules_only_when_they_agree() -> None:
    last = ReadingRules(first_listed_leads=True)
    same = ReadingRules(first_listed_leads=True, subject=("丙局",))
    assert _without_subject(same, last) is last
    other = ReadingRules(subject=("丙局",), unlisted=("各区政府",))
    cleared = _without_subject(other, last)
    assert cleared == ReadingRules(unlisted=("各区政府",))
    assert _without_subject(ReadingRules(subject=("丙局",)), last) == INITIAL_RULES


def test_without_subject_compares_every_field_of_the_rules_but_the_subject() -> None:
    # _without_subject names the fields it compares: a new field of ReadingRules must be
    # added there too, or a section would reuse rules that differ in it.
    assert {f.name for f in fields(ReadingRules)} == {"first_listed_leads", "subject", "unlisted"}
