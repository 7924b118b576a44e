"""Issue 13: bodies missed where words stand between a subject and its verb, and kin.

Every example is made up; each names the phenomenon the rule handles.
"""

from __future__ import annotations

import pytest

import policy_parser as pp
from policy_parser.bodies import INITIAL_RULES, find_bodies
from policy_parser.models import Role

R, L, C, E = Role.RESPONSIBLE, Role.LEAD, Role.COOPERATE, Role.ENCOURAGED


def bodies(text: str) -> list[tuple[str, Role]]:
    found, _ = find_bodies(text, INITIAL_RULES)
    return [(f.name, f.role) for f in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a prohibition obliges the body before it
        ("企业不得擅自收集用户信息。", [("企业", R)]),
        ("经营单位严禁出租场地。", [("经营单位", R)]),
        # an adverb between the subject and 负责
        ("市教育局主要负责统筹协调。", [("市教育局", R)]),
        # a frame phrase, then a comma, then 分别负责
        ("市科协、市教委在职责范围内，分别负责组织实施。", [("市科协", R), ("市教委", R)]),
        # an adverbial of manner before 牵头: the role stays lead
        ("市科技局依照有关规定牵头组织评审。", [("市科技局", L)]),
        ("市科技局按照《评审办法》牵头组织评审。", [("市科技局", L)]),
        # 应对接 is 应 + 对接, while 应对 alone is no modal
        ("市科协应对接高校开展活动。", [("市科协", R)]),
        ("市科协应对风险。", []),
        # the subject of a conditional closed by 的
        ("各区县在实施中遇到困难的，应当及时报告。", [("各区县", R)]),
        # 特别是 joins a subject list like a separator
        ("各级学校特别是中小学校要开设课程。", [("各级学校", R), ("中小学校", R)]),
        # an adverbial that fills the phrase before the verb: the subject precedes the comma
        ("各部门在市政府领导下，按照职责分工负责相关工作。", [("各部门", R)]),
        # a 的-modifier before the subject is no part of it
        ("承担科普任务的科研院所应当开放设施。", [("科研院所", R)]),
        # a list closed by 等 and a masked gloss
        (
            "各级学会、科研院所等（以下统称科普单位）应当开展活动。",
            [("各级学会", R), ("科研院所", R)],
        ),
        # a bracketed 由X负责 in the middle of a sentence, also with an adverb before 由 and
        # the task's verb after 负责
        ("开展科普讲座（由市科协负责）并做好宣传。", [("市科协", R)]),
        ("开展科普讲座（具体由市科协负责）并做好宣传。", [("市科协", R)]),
        ("各类讲座（由市科协负责组织）要注重实效。", [("市科协", R)]),
        ("开展活动（市科协牵头推进，市教委参与）。", [("市科协", L), ("市教委", C)]),
        # long coordinated subjects with 以及; 组织 before a list mark is a noun
        (
            "科协组织、科研机构以及高等院校和科技社团应当开展科普。",
            [("科协组织", R), ("科研机构", R), ("高等院校", R), ("科技社团", R)],
        ),
    ],
)
def test_words_between_subject_and_verb(text: str, expected: list[tuple[str, Role]]) -> None:
    assert bodies(text) == expected


def test_condition_needs_a_modal() -> None:
    # 的 before a comma and a non-modal role verb: no conditional reading
    assert bodies("市科协在活动中发现问题的，参与调查。") == []


def test_adverbial_offsets_point_at_the_name() -> None:
    text = "各区在职责范围内，分别负责落实。"
    found, _ = find_bodies(text, INITIAL_RULES)
    assert [(text[f.start : f.end], f.role) for f in found] == [("各区", R)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 等 inside a name (a level of schooling) is no list mark
        ("中等职业学校应当组织参观。", [("中等职业学校", R)]),
        ("鼓励中等职业学校开设课程。", [("中等职业学校", E)]),
        # a population after an institution is one name, not cut at the institution
        ("鼓励职业院校学生参加竞赛。", [("职业院校学生", E)]),
        # a name never swallows a verb that governs another body
        ("由各区政府确定专门机构负责。", [("各区政府", R)]),
        ("由市教委选定学校提供场地。", [("市教委", R)]),
        ("引导青年学会关心科普事业。", [("青年学会", E)]),
        # ... but a name that holds such a verb stays whole
        ("市关心下一代工作委员会要加强指导。", [("市关心下一代工作委员会", R)]),
    ],
)
def test_name_limits(text: str, expected: list[tuple[str, Role]]) -> None:
    assert bodies(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # quantity and quality words before the object are no part of it
        ("支持一批高水平科研院所开展科普。", [("科研院所", E)]),
        # 有条件的 qualifies the object; 符合条件的 (a condition for a grant) still gives none
        ("支持有条件的学会加入国际组织。", [("学会", E)]),
        ("鼓励有条件的企业设立研究院。", [("企业", E)]),
        # 特别是 adds a second list to the object
        ("鼓励企业特别是科技企业开放实验室。", [("企业", E), ("科技企业", E)]),
        ("鼓励高校，尤其是职业院校开设课程。", [("高校", E), ("职业院校", E)]),
        # objects that are no organs: talent, think tanks
        ("引导人才向基层流动。", [("人才", E)]),
        ("支持高端智库开展研究。", [("高端智库", E)]),
        ("鼓励科技人才投身科普。", [("科技人才", E)]),
        # a place before the verb of its work: encouraged through its government
        ("支持某某市建设科普示范城市。", [("某某市", E)]),
        ("鼓励大中城市建设科技馆。", [("大中城市", E)]),
        ("支持全市开展科普。", []),
        # a verb coordinated after an incentive verb shares its object
        ("支持和规范社会组织参与科普。", [("社会组织", E)]),
        ("规范企业经营行为。", []),
        # a lexicon name that modifies a noun is still no object
        ("支持企业人才引进。", []),
    ],
)
def test_incentive_objects(text: str, expected: list[tuple[str, Role]]) -> None:
    assert bodies(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a guide word the grammar had not known: the annotation still reads, whole
        ("开展活动（市科协指导，市教委参与）。", [("市科协", R), ("市教委", C)]),
        (
            "开展活动（市科协牵头，市文联指导，市教委参与）。",
            [("市科协", L), ("市文联", R), ("市教委", C)],
        ),
        # groups cut by ， before a final 负责 all share it
        (
            "开展活动（市科协，市教委、市科技局，各区县政府负责）。",
            [("市科协", R), ("市教委", R), ("市科技局", R), ("各区县政府", R)],
        ),
        # ... but not across a 牵头 group
        (
            "开展活动（市科协牵头，市教委，各区县政府负责）。",
            [("市科协", L), ("市教委", R), ("各区县政府", R)],
        ),
    ],
)
def test_annotations(text: str, expected: list[tuple[str, Role]]) -> None:
    assert bodies(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 带动 draws a force in; it invites no body to take part
        ("带动社会力量参与科普。", []),
        ("邀请社会力量参与科普。", [("社会力量", C)]),
        # X要配合Y: X is obliged; Y is the partner and gets no role
        ("市教委要配合市科协做好宣传。", [("市教委", R)]),
        ("市教委应当协助、配合市科协做好宣传。", [("市教委", R)]),
        # no partner named: X cooperates
        ("街道办事处要协助做好排查。", [("街道办事处", C)]),
        ("市教委配合市科协做好宣传。", [("市教委", C)]),
    ],
)
def test_cooperation_in_prose(text: str, expected: list[tuple[str, Role]]) -> None:
    assert bodies(text) == expected


def test_scope_note_binds_later_items() -> None:
    rules = INITIAL_RULES
    note, rules = find_bodies("以下均需各区政府落实，不再列出。", rules)
    assert note == []  # the note itself obliges nobody now
    assert rules.unlisted == ("各区政府",)
    text = "开展科普活动（市科协牵头，市教委参与）。"
    found, rules = find_bodies(text, rules)
    assert [(f.name, f.role) for f in found] == [
        ("市科协", L),
        ("各区政府", R),
        ("市教委", C),
    ]
    added = next(f for f in found if f.name == "各区政府")
    assert text[added.start : added.end] == "市科协牵头，市教委"  # the annotation's names
    # a clause without an annotation is no task item of the list
    assert find_bodies("要加强宣传。", rules)[0] == []


def test_no_scope_note_without_its_wording() -> None:
    _, rules = find_bodies("以下各项工作由各区政府落实。", INITIAL_RULES)
    assert rules.unlisted == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a 的-phrase opening with a preposition: the names are its objects
        ("对表现突出的单位和学校要予以表扬。", []),
        # a possessor before 的: the names are possessed, not obliged
        ("申请人的工作单位须如实填写。", []),
        # a population after a 的-modifier states a condition, not a duty
        ("申请公寓的人才还应符合条件。", []),
        # a role verb coordinated with another keeps the clause's reading of the first
        ("市监管局按照有关规定组织或者参加调查。", [("市监管局", R)]),
    ],
)
def test_not_subjects(text: str, expected: list[tuple[str, Role]]) -> None:
    assert bodies(text) == expected


def test_issue13_word_lists_are_shipped() -> None:
    from policy_parser.wordlists import words

    for name, tag in (
        ("adverbials", "according"),
        ("adverbials", "frame"),
        ("adverbials", "frame_end"),
        ("adverbials", "condition"),
        ("incentive_verbs", "paired"),
        ("incentive_verbs", "modifier"),
        ("incentive_verbs", "especially"),
        ("object_verbs", "governs"),
        ("object_verbs", "in_name"),
        ("role_verbs", "guide"),
    ):
        assert words(name, tag), (name, tag)


def _bodies_by_path(text: str) -> dict[str, list[tuple[str, str]]]:
    return {s.path: [(b.name, b.role.value) for b in s.bodies] for s in pp.parse(text).walk()}


def test_a_scope_note_binds_the_items_of_its_own_section_only() -> None:
    text = (
        "一、重点任务\n以下均需各区政府落实，不再列出。\n（一）加强领导。（甲委办牵头）\n"
        "（二）强化保障。（乙财政局负责）\n二、保障措施\n（一）加强督查。（丙审计局负责）\n"
    )
    found = _bodies_by_path(text)
    assert ("各区政府", "responsible") in found["一/（一）"]
    assert ("各区政府", "responsible") in found["一/（二）"]
    assert found["二/（一）"] == [("丙审计局", "responsible")]


def test_a_scope_note_written_as_an_item_binds_the_items_after_it() -> None:
    text = (
        "一、重点任务\n（一）以下均需各区政府落实，不再列出。\n（二）强化保障。（乙财政局负责）\n"
        "二、保障措施\n（一）加强督查。（丙审计局负责）\n"
    )
    found = _bodies_by_path(text)
    assert ("各区政府", "responsible") in found["一/（二）"]
    assert found["二/（一）"] == [("丙审计局", "responsible")]
