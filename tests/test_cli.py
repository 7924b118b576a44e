"""The policy-parser command line: formats, inputs, exit codes."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import policy_parser as pp
from policy_parser.cli import main
from policy_parser.export import outline

DATA = Path(__file__).parent / "data" / "loaders"
PLAIN = DATA / "zbq.txt"
GAP = "一、甲\n二、乙\n四、丁\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def feed_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_parse_json_validates_against_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "parse", str(PLAIN), "--format", "json")
    assert (status, err) == (0, "")
    doc = pp.Document.model_validate_json(out)  # the model's own validation, always available
    assert doc == pp.parse(PLAIN.read_text(encoding="utf-8"))
    status, schema_out, _ = run(capsys, "schema")
    assert status == 0
    schema = json.loads(schema_out)
    # Document is recursive (attachments), so the schema is a $ref into $defs.
    assert schema == pp.Document.model_json_schema()
    document = schema["$defs"]["Document"]
    assert {"sections", "title", "source", "diagnostics"} <= set(document["properties"])


def test_parse_json_validates_with_jsonschema(capsys: pytest.CaptureFixture[str]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    _, out, _ = run(capsys, "parse", str(PLAIN))
    _, schema_out, _ = run(capsys, "schema")
    jsonschema.validate(json.loads(out), json.loads(schema_out))


def test_parse_many_files_json_is_a_list_jsonl_one_per_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    files = [str(PLAIN), str(DATA / "zbq.gb18030.txt")]
    status, out, _ = run(capsys, "parse", *files)
    assert status == 0
    docs = [pp.Document.model_validate(d) for d in json.loads(out)]
    assert len(docs) == 2 and docs[0].sections == docs[1].sections
    status, out, _ = run(capsys, "parse", *files, "--format", "jsonl")
    lines = out.splitlines()
    assert status == 0 and len(lines) == 2
    assert pp.Document.model_validate_json(lines[1]).source == docs[1].source


def test_parse_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "parse", str(PLAIN), "-f", "markdown")
    assert status == 0
    assert "\n## 一、指导思想\n" in out
    assert "\n### （一）坚持深化改革，简政放权\n" in out
    assert "\n#### 1.拓展两个市场\n" in out


def test_parse_tree(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "parse", str(PLAIN), "-f", "tree")
    assert status == 0
    assert "四、主要任务" in out and "（三）推进贸易便利化，打造物流分拨中心" in out
    assert "13.促进文物回流" in out
    assert out.index("四、主要任务") < out.index("13.促进文物回流")


def test_parse_tree_piped_keeps_whole_lines_and_lists_a_body_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    heading = "总体要求" * 12  # 48 characters, 96 columns: past 80
    path = tmp_path / "long.txt"
    path.write_text(
        f"一、{heading}\n（一）加强组织领导。各区县要加强领导。各区县要加强督查。\n",
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "parse", str(path), "-f", "tree")
    assert status == 0
    assert f"一、{heading}" in out
    assert out.count("各区县:responsible") == 1


def test_parse_tree_shows_diagnostics(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "gap.txt"
    path.write_text(GAP, encoding="utf-8")
    doc = pp.parse(GAP)
    status, out, _ = run(capsys, "parse", str(path), "-f", "tree")
    assert status == 0
    for diag in doc.diagnostics:
        assert diag.code in out and diag.message in out


def test_outline_matches_export(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "outline", str(DATA / "zbq.utf8bom.txt"))
    assert status == 0
    assert out == outline(pp.parse(PLAIN.read_text(encoding="utf-8")))
    assert "  （一）统筹两个市场，打造加工制造中心\n    1.拓展两个市场" in out


def test_bodies_formats(capsys: pytest.CaptureFixture[str]) -> None:
    doc = pp.parse(PLAIN.read_text(encoding="utf-8"))
    rows = doc.responsibilities()
    status, out, _ = run(capsys, "bodies", str(PLAIN), "-f", "csv")
    assert status == 0
    table = list(csv.DictReader(io.StringIO(out)))
    assert out.splitlines()[0] == (
        "file,path,heading,body,role,clause,span_start,span_end,"
        "task_path,deadline,deadline_date,deadline_kind"
    )
    assert [(r["path"], r["body"], r["role"]) for r in table] == [
        (r.path, r.body, r.role.value) for r in rows
    ]
    status, out, _ = run(capsys, "bodies", str(PLAIN), "-f", "jsonl")
    assert [json.loads(line)["body"] for line in out.splitlines()] == [r.body for r in rows]
    status, out, _ = run(capsys, "bodies", str(PLAIN))
    assert status == 0 and "body" in out and "role" in out
    for row in rows[:3]:
        assert row.body in out


def test_stdin_text_and_sniffed_formats(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = outline(pp.parse(PLAIN.read_text(encoding="utf-8")))
    feed_stdin(monkeypatch, (DATA / "zbq.gb18030.txt").read_bytes())
    assert run(capsys, "outline", "-") == (0, expected, "")
    pytest.importorskip("docx")
    feed_stdin(monkeypatch, (DATA / "zbq.docx").read_bytes())
    assert run(capsys, "outline", "-") == (0, expected, "")


def test_folder_expands_to_supported_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for name in ("zbq.txt", "zbq.gb18030.txt"):
        shutil.copy(DATA / name, tmp_path / name)
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    shutil.copy(DATA / "zbq.utf8bom.txt", tmp_path / "sub" / "c.txt")
    status, out, _ = run(capsys, "outline", str(tmp_path), "--no-progress")
    assert status == 0
    headers = [line for line in out.splitlines() if line.startswith("==> ")]
    assert headers == [
        f"==> {tmp_path / 'sub' / 'c.txt'} <==",
        f"==> {tmp_path / 'zbq.gb18030.txt'} <==",
        f"==> {tmp_path / 'zbq.txt'} <==",
    ]


def test_unreadable_input_exits_2_and_goes_on(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "outline", str(DATA / "bad.txt"), "nope.txt", str(PLAIN))
    assert status == 2
    assert f"policy-parser: error: {DATA / 'bad.txt'}: is neither UTF-8" in err
    assert "policy-parser: error: nope.txt: No such file or directory" in err
    assert "一、指导思想" in out  # the readable file is still printed


def test_empty_folder_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, err = run(capsys, "parse", str(tmp_path))
    assert (status, out) == (2, "")
    assert "no supported files found" in err


def test_strict_exits_1_with_the_error_on_stderr(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "gap.txt"
    path.write_text(GAP, encoding="utf-8")
    with pytest.raises(pp.PolicyParseError) as caught:
        pp.parse(GAP, strict=True)
    status, out, err = run(capsys, "parse", str(path), "--strict")
    assert (status, out) == (1, "")
    assert err == f"policy-parser: error: {path}: {caught.value}\n"
    # Without --strict the same file parses, its diagnostics in the JSON.
    status, out, _ = run(capsys, "parse", str(path))
    assert status == 0 and pp.Document.model_validate_json(out).diagnostics


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in ([], ["parse"], ["parse", "x.txt", "--format", "xml"], ["frobnicate"]):
        with pytest.raises(SystemExit) as caught:
            main(argv)
        assert caught.value.code == 2
    assert "usage: policy-parser" in capsys.readouterr().err


def test_python_dash_m(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "policy_parser", "outline", "-"],
        input=PLAIN.read_bytes(),
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert "一、指导思想" in done.stdout.decode("utf-8")
    version = subprocess.run(
        [sys.executable, "-m", "policy_parser", "--version"], capture_output=True, check=False
    )
    assert version.stdout.decode().strip() == f"policy-parser {pp.__version__}"


def test_jobs_keep_the_input_order(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    corpus = Path(__file__).parent / "data" / "corpus"
    for name in (
        "005_guobanfa-2018-117-ducha-jili-tongzhi.txt",
        "007_guofa-2019-3-zonghe-baoshuiqu-yijian.txt",
    ):
        shutil.copy(corpus / name, tmp_path / name)
    code, serial, _ = run(capsys, "outline", str(tmp_path))
    assert code == 0
    code, parallel, _ = run(capsys, "outline", str(tmp_path), "--jobs", "2")
    assert code == 0
    assert parallel == serial
    assert 0 <= serial.index("激励支持力度") < serial.index("综合保税区")  # 005 before 007
