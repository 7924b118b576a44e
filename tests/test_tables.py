"""Task tables written one cell per line: rows rebuilt, tasks as sections, 牵头/配合 bodies."""

import policy_parser as pp
from policy_parser.drafts import Draft
from policy_parser.duties import assemble
from policy_parser.models import Section
from policy_parser.normalize import TrackedText
from policy_parser.table_header import column_roles
from policy_parser.tables import table_drafts

HEADER = ["序号", "工作事项", "主要内容", "牵头单位", "配合单位", "委内处室"]
CELLS = [
    *["1", "扩大家庭医生来源。", "推动人才资源向基层倾斜。", "各区政府", "市卫生健康委", "基层处"],
    *["加大公开招聘力度。", "各区政府", "市卫生健康委、市人社局", "人事处"],
    *["2", "优化签约服务团队。", "组建家庭医生团队。", "市卫生健康委", "/", "基层处"],
]


def _drafts() -> list[Draft]:
    body = "\n\n".join(CELLS)
    drafts = table_drafts(TrackedText(body, (0,), (0,)), HEADER)
    assert drafts is not None
    return drafts


def _sections(drafts: list[Draft] | None) -> list[Section]:
    assert drafts is not None
    return assemble(drafts)


def test_rows_are_rebuilt_across_merged_cells() -> None:
    drafts = _drafts()
    assert [(d.number, d.heading) for d in drafts] == [
        (1, "扩大家庭医生来源"),
        (2, "优化签约服务团队"),
    ]
    first = _sections(drafts)[0]
    assert [c.text for c in first.clauses] == ["推动人才资源向基层倾斜。", "加大公开招聘力度。"]


def test_lead_and_cooperate_columns() -> None:
    first, second = _sections(_drafts())
    assert [(b.name, b.role.value) for b in first.clauses[1].bodies] == [
        ("各区政府", "lead"),
        ("市卫生健康委", "cooperate"),
        ("市人社局", "cooperate"),
    ]
    assert [(b.name, b.role.value) for b in second.clauses[0].bodies] == [("市卫生健康委", "lead")]


def test_body_spans_index_the_text() -> None:
    body = "\n\n".join(CELLS)
    for section in _sections(_drafts()):
        for clause in section.clauses:
            assert body[clause.span.start : clause.span.end] == clause.text
            for b in clause.bodies:
                assert body[b.span.start : b.span.end] == b.name


def test_not_a_table_when_numbers_do_not_line_up() -> None:
    body = TrackedText("\n".join(["1", "甲", "乙", "3", "丙"]), (0,), (0,))
    assert table_drafts(body, HEADER) is None
    assert table_drafts(body, ["名称", "内容"]) is None


def test_task_table_attachment_end_to_end() -> None:
    text = "\n\n".join(["附件2", "关于推进家庭医生签约服务工作的任务分工表", *HEADER, *CELLS])
    doc = pp.parse(text)
    sections = doc.sections or (doc.attachments[0].sections if doc.attachments else [])
    assert [s.path for s in sections] == ["1", "2"]
    assert ("市人社局", "cooperate") in [(b.name, b.role.value) for b in sections[0].bodies]


# Tables from HTML (td → tab, tr → newline): one row per line, cells separated by tabs.
TAB_TABLE = (
    "序号\t重点任务\t牵头单位\t配合单位\n"
    "1\t优化企业开办服务\t市市场监管局\t市税务局、市公安局\n"
    "2\t压缩办理时限\t市政务服务局\t\n"
)


def test_tab_separated_rows() -> None:
    header, _, body = TAB_TABLE.partition("\n")
    drafts = table_drafts(TrackedText(body, (0,), (0,)), [header])
    assert drafts is not None
    assert [(d.number, d.kind.value, d.own.text) for d in drafts] == [
        (1, "table_row", "优化企业开办服务"),
        (2, "table_row", "压缩办理时限"),
    ]
    sections = _sections(drafts)
    bodies = [(b.name, b.role.value) for c in sections[0].clauses for b in c.bodies]
    assert bodies == [
        ("市市场监管局", "lead"),
        ("市税务局", "cooperate"),
        ("市公安局", "cooperate"),
    ]
    for section in sections:
        for clause in section.clauses:
            assert body[clause.span.start : clause.span.end] == clause.text
            for b in clause.bodies:
                assert body[b.span.start : b.span.end] == b.name


def test_tab_separated_rows_with_content_column_and_merged_cells() -> None:
    header = "序号\t工作事项\t主要内容\t牵头单位\t配合单位"
    body = (
        "1\t扩大家庭医生来源。\t推动人才资源向基层倾斜。\t各区政府\t市卫生健康委\n"
        "加大公开招聘力度。\t各区政府\t市人社局\n"
        "2\t优化签约服务团队。\t组建家庭医生团队。\t市卫生健康委\t\n"
    )
    drafts = table_drafts(TrackedText(body, (0,), (0,)), header.split("\t"))
    assert drafts is not None
    assert [(d.number, d.heading) for d in drafts] == [
        (1, "扩大家庭医生来源"),
        (2, "优化签约服务团队"),
    ]
    first = _sections(drafts)[0]
    assert [c.text for c in first.clauses] == ["推动人才资源向基层倾斜。", "加大公开招聘力度。"]
    assert [(b.name, b.role.value) for b in first.clauses[1].bodies] == [
        ("各区政府", "lead"),
        ("市人社局", "cooperate"),
    ]


def test_tab_table_attachment_end_to_end() -> None:
    text = (
        "关于印发某某方案的通知\n各区：\n现印发给你们，请认真贯彻执行。\n某某办公厅\n2024年3月1日\n"
        "附件\n重点任务分工表\n" + TAB_TABLE
    )
    doc = pp.parse(text)
    assert [a.title for a in doc.attachments] == ["重点任务分工表"]
    att = doc.attachments[0]
    assert [s.path for s in att.sections] == ["1", "2"]
    assert att.preamble is None
    assert [(b.name, b.role.value) for b in att.sections[0].bodies] == [
        ("市市场监管局", "lead"),
        ("市税务局", "cooperate"),
        ("市公安局", "cooperate"),
    ]


def test_tab_header_over_unnumbered_rows_stays_text() -> None:
    text = "一、总体要求\n各区要加强领导。\n二、重点任务\n序号\t名称\t单位\n甲\t乙\t丙\n"
    doc = pp.parse(text)
    assert [s.path for s in doc.walk()] == ["一", "二"]
    two = doc.find("二")
    assert two is not None and two.text.startswith("序号\t名称\t单位")


def test_tab_table_inside_a_section_becomes_its_children() -> None:
    text = "\n".join(
        [
            "关于推进某工作的实施方案",
            "一、总体要求",
            "各区要加强领导。",
            "二、重点任务",
            "序号\t重点任务\t牵头单位\t配合单位",
            "1\t优化企业开办服务\t市市场监管局\t市税务局、市公安局",
            "2\t推进电子证照应用\t市政务服务数据管理局\t各区人民政府",
            "三、保障措施",
            "各区要强化保障。",
        ]
    )
    doc = pp.parse(text)
    assert [(s.path, s.level) for s in doc.walk()] == [
        ("一", 1),
        ("二", 1),
        ("二/1", 2),
        ("二/2", 2),
        ("三", 1),
    ]
    two = doc.find("二")
    assert two is not None and two.text == ""
    first = doc.find("二/1")
    assert first is not None
    assert [(b.name, b.role.value) for b in first.bodies] == [
        ("市市场监管局", "lead"),
        ("市税务局", "cooperate"),
        ("市公安局", "cooperate"),
    ]


def test_tables_hand_on_role_cells_not_bodies() -> None:
    # The table stage reads cells and columns only: which cell is the task, which cells carry
    # which role; the bodies in them are read by duties.
    header = "序号\t重点任务\t牵头单位\t配合单位\t完成时限"
    body = "1\t建设平台\t甲局\t乙局、丙局\t2025年底\n"
    drafts = table_drafts(TrackedText(body, (0,), (0,)), [header])
    assert drafts is not None
    (row,) = drafts[0].rows or ()
    assert row.content.text == "建设平台"
    assert [(c.role.value, c.text.text) for c in row.cells] == [
        ("lead", "甲局"),
        ("cooperate", "乙局、丙局"),
    ]


def test_column_roles_from_the_header() -> None:
    header = ["序号", "任务", "牵头单位", "责任部门", "参与单位", "委内牵头处室", "完成时限"]
    assert {i: r.value for i, r in column_roles(header).items()} == {
        2: "lead",
        3: "responsible",
        4: "cooperate",
    }


TAB_IN_SECTION = "\n".join(
    [
        "关于推进某工作的实施方案",
        "一、总体要求",
        "各区要加强领导。",
        "二、重点任务",
        "序号\t重点任务\t牵头单位\t配合单位",
        "1\t建设平台\t市发展改革委\t市财政局、市科技局",
        "2\t完善制度\t市科技局\t各区政府",
    ]
)


def test_bodies_off_reads_no_body_in_table_rows() -> None:
    # bodies=False is the structure only, for table rows as for every other section: the
    # rows are sections with their text, and no clause or body is read.
    on = pp.parse(TAB_IN_SECTION)
    off = pp.parse(TAB_IN_SECTION, bodies=False)
    assert [(s.path, s.text) for s in off.walk()] == [(s.path, s.text) for s in on.walk()]
    assert [s.path for s in off.walk()] == ["一", "二", "二/1", "二/2"]
    assert all(not s.clauses and not s.bodies for s in off.walk())
    row = on.find("二/2")
    assert row is not None
    assert [(b.name, b.role.value) for b in row.bodies] == [
        ("市科技局", "lead"),
        ("各区政府", "cooperate"),
    ]
