"""The trace of a parse: the rule that claimed each line (``parse(text, trace=True)``).

Every notice here is made up. A trace names, for each line of the source, the frame rule that
claimed it (title, 发文字号, 主送机关, signature, date, attachment label …) or what the
document made of it (a section's marker line, its text, the preamble).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import policy_parser as pp
from policy_parser.cli import main
from policy_parser.explain import explain_lines, write_explain
from policy_parser.models import MarkerKind
from policy_parser.segment import segment
from policy_parser.segment.close import _CLOSE_RULES
from policy_parser.segment.header import _HEADER_RULES
from policy_parser.segment.lines import _Ctx, _split_lines
from policy_parser.segment.openers import _OPENERS
from policy_parser.trace import build
from policy_parser.wire import pack, unpack

# The source tree beside tests/, not the installed package: .ci/run also runs this file against
# the compiled wheel, whose site-packages holds no docs/ or examples/.
PACKAGE = Path(__file__).resolve().parents[1] / "policy_parser"
ROOT = PACKAGE.parent

NOTICE = "\n".join(
    [
        "首页 > 政策文件",
        "# 甲县农业农村局关于印发《乙村丙办法》的通知",
        "甲农发〔2025〕7号",
        "各乡镇人民政府：",
        "现将《乙村丙办法》印发给你们，请认真贯彻执行。",
        "附件：乙村丙办法",
        "甲县农业农村局",
        "2025年5月6日",
        "",
        "附件1：乙村丙办法",
        "第一条 为了规范丙工作，制定本办法。",
        "— 2 —",
        "第二条 本办法自发布之日起施行。",
    ]
)

PLAIN = "\n".join(
    [
        "丁市人民政府办公厅关于做好戊工作的通知",
        "丁府办发〔2024〕3号",
        "各区县人民政府，市政府各部门：",
        "　　为做好戊工作，现将有关事项通知如下。",
        "一、总体要求",
        "（一）各区县要加强组织领导，",
        "落实工作责任。",
        "丁市人民政府办公厅",
        "2024年3月1日",
        "（此件公开发布）",
    ]
)


def _rules(text: str) -> dict[str, str]:
    """Return each line's text → the rule the trace names for it."""
    return {e.text.strip(): e.rule for e in pp.parse(text, trace=True).trace}


def test_the_frame_rules_name_the_header_lines() -> None:
    rules = _rules(NOTICE)
    assert rules["首页 > 政策文件"] == "unclaimed"
    assert rules["# 甲县农业农村局关于印发《乙村丙办法》的通知"] == "title:markdown_candidate"
    assert rules["甲农发〔2025〕7号"] == "header:doc_number"
    assert rules["各乡镇人民政府："] == "header:addressees"
    assert rules["现将《乙村丙办法》印发给你们，请认真贯彻执行。"] == "preamble"


def test_the_close_rules_name_the_signature_and_the_date() -> None:
    rules = _rules(NOTICE)
    assert rules["附件：乙村丙办法"] == "close:annex_note"
    assert rules["甲县农业农村局"] == "close:signature_line"
    assert rules["2025年5月6日"] == "close:date"
    assert _rules(PLAIN)["（此件公开发布）"] == "close:note"


def test_an_attachment_is_traced_with_its_own_rules_and_paths() -> None:
    doc = pp.parse(NOTICE, trace=True)
    by_text = {e.text: e for e in doc.trace}
    assert by_text["附件1：乙村丙办法"].rule == "openers:open_named_label"
    first = by_text["第一条 为了规范丙工作，制定本办法。"]
    assert (first.rule, first.section) == ("section:article", "附件1/第一条")
    assert doc.find(first.section or "") is not None
    assert by_text["— 2 —"].rule == "body_end:page_number"


def test_body_lines_are_named_from_the_sections() -> None:
    by_text = {e.text.strip(): e for e in pp.parse(PLAIN, trace=True).trace}
    assert by_text["丁市人民政府办公厅关于做好戊工作的通知"].rule == "title:title_like"
    assert (by_text["一、总体要求"].rule, by_text["一、总体要求"].section) == (
        "section:cn_comma",
        "一",
    )
    marker = by_text["（一）各区县要加强组织领导，"]
    assert (marker.rule, marker.section) == ("section:cn_paren", "一/（一）")
    # A hard-wrapped line that normalisation joins to the marker line is the section's text.
    wrapped = by_text["落实工作责任。"]
    assert (wrapped.rule, wrapped.section) == ("section-text", "一/（一）")
    assert by_text["丁府办发〔2024〕3号"].section is None


@pytest.mark.parametrize("text", [NOTICE, PLAIN, PLAIN + "\n", "", "\n\n", "甲\r\n\r\n乙"])
def test_every_line_has_exactly_one_entry(text: str) -> None:
    trace = pp.parse(text, trace=True).trace
    lines = text.split("\n")
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()  # a final line break ends the last line
    assert [e.line for e in trace] == list(range(1, len(lines) + 1))
    for entry, line in zip(trace, lines, strict=True):
        assert text[entry.span.start : entry.span.end] == line.removesuffix("\r")
        assert (entry.rule == "blank") == (not line.strip())


def test_untraced_parse_has_an_empty_trace_left_out_of_the_json() -> None:
    doc = pp.parse(NOTICE)
    assert doc.trace == ()
    assert "trace" not in json.loads(doc.model_dump_json())
    assert segment(NOTICE).claims == []


def test_a_trace_changes_nothing_else_and_round_trips() -> None:
    path = sorted((ROOT / "examples").glob("*.txt"))[0]
    plain, traced = pp.parse_file(path), pp.parse_file(path, trace=True)
    assert traced.trace
    assert traced.model_copy(update={"trace": ()}) == plain
    dumped = json.loads(traced.model_dump_json())
    assert dumped.pop("trace")
    assert json.dumps(dumped) == json.dumps(json.loads(plain.model_dump_json()))
    assert traced.model_copy(update={"trace": ()}).model_dump_json() == plain.model_dump_json()
    assert pp.Document.model_validate_json(traced.model_dump_json()) == traced
    assert unpack(pack(traced)) == traced  # (parse_many's workers send documents so)


def test_a_long_line_is_shortened_in_the_entry_only() -> None:
    text = "一、总体要求\n" + "各区要做好甲工作，" * 40 + "。"
    entry = pp.parse(text, trace=True).trace[1]
    assert len(entry.text) == 200 and entry.text.endswith("…")
    assert text[entry.span.start : entry.span.end] == text.split("\n")[1]


def test_a_reading_given_up_claims_nothing() -> None:
    text = "甲\n乙"
    lines, starts = _split_lines(text)
    ctx = _Ctx(text, lines, starts, claims=[])
    ctx.claim(0, 1, "header:chrome")
    mark = ctx.mark()
    ctx.claim(2, 3, "title:title_like")
    ctx.rollback(mark)
    assert ctx.claims == [(0, 1, "header:chrome")]
    quiet = _Ctx(text, lines, starts)
    quiet.claim(0, 1, "header:chrome")  # not tracing: a no-op
    assert quiet.claims is None


def _findable(rule: str) -> bool:
    """Whether a newcomer finds ``rule`` in the code: 'header:doc_number' in segment/header.py."""
    if rule.startswith(build.SECTION):
        return rule.removeprefix(build.SECTION) in {k.value for k in MarkerKind}
    if rule in (build.BLANK, build.UNCLAIMED, build.PREAMBLE, build.CLOSING, build.SECTION_TEXT):
        return True
    module, _, name = rule.partition(":")
    path = PACKAGE / "segment" / f"{module}.py"
    code = path.read_text(encoding="utf-8").lower() if path.exists() else ""
    return f"_{name}" in code or f'"{name}"' in code  # ('_PAGE_NUMBER' for 'page_number')


def test_rule_names_are_found_in_the_code() -> None:
    rules = {e.rule for text in (NOTICE, PLAIN) for e in pp.parse(text, trace=True).trace}
    assert len(rules) > 10
    assert [rule for rule in rules if not _findable(rule)] == []
    assert not _findable("header:no_such_rule")


def test_the_segmentation_docs_list_every_rule() -> None:
    docs = (ROOT / "docs" / "segmentation.md").read_text(encoding="utf-8")
    names = [f"header:{n}" for n, _ in _HEADER_RULES] + [f"close:{n}" for n, _ in _CLOSE_RULES]
    names += ["openers:" + o.__name__.lstrip("_") for o in _OPENERS]
    names += ["title:title_like", "title:wrapped_candidate", "section-text", "preamble"]
    assert [n for n in names if f"`{n}`" not in docs] == []


def test_explain_names_the_title_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(PLAIN, encoding="utf-8")
    assert main(["explain", str(path)]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].split("\t") == ["1", "title:title_like", "-", PLAIN.split("\n")[0]]
    assert rows[4].split("\t")[:3] == ["5", "section:cn_comma", "一"]
    assert len(rows) == len(PLAIN.split("\n"))


def test_explain_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE, encoding="utf-8")
    assert main(["explain", "--json", str(path)]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert entries[1]["rule"] == "title:markdown_candidate"
    assert [pp.TraceEntry.model_validate(e) for e in entries] == list(
        pp.parse(NOTICE, trace=True).trace
    )


def test_explain_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(tmp_path / "missing.txt")]) == 2
    assert "missing.txt" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_explain_draws_a_table_on_a_terminal() -> None:
    pytest.importorskip("rich")
    out = _Terminal()
    write_explain(pp.parse(PLAIN, trace=True), out)
    assert "title:title_like" in out.getvalue()
    assert "\t" not in out.getvalue()
    assert explain_lines(pp.parse(PLAIN, trace=True))[0].startswith("1\ttitle:title_like\t")
