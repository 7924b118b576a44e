"""The progress bar: drawn on a terminal's standard error, never into a pipe or a file."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from policy_parser import progress
from policy_parser.cli import main

TEXT = "关于加强某项工作的通知\n一、总体要求\n（一）加强领导。\n二、保障措施\n"


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    out = []
    for name in ("a.txt", "b.txt", "c.txt"):
        path = tmp_path / name
        path.write_text(TEXT, encoding="utf-8")
        out.append(str(path))
    return out


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    """A fake terminal on standard error, and a bar that shows at once."""
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=100)
    monkeypatch.setattr(progress, "terminal_console", lambda: console)
    monkeypatch.setattr(progress, "SHOW_AFTER", 0)
    return screen


@pytest.mark.parametrize("jobs", ["2", "1"], ids=["parallel", "serial"])
def test_progress_is_drawn_on_a_terminal(
    terminal: io.StringIO, files: list[str], capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    assert main(["outline", *files, "--jobs", jobs]) == 0
    drawn = terminal.getvalue()
    assert "parsing" in drawn and "3/3" in drawn
    assert "parsing" not in capsys.readouterr().out  # never mixed into the output


def test_one_slow_input_shows_a_running_bar(
    terminal: io.StringIO, files: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["outline", files[0]]) == 0
    assert "parsing" in terminal.getvalue()


def test_no_progress_and_fast_runs_draw_nothing(
    terminal: io.StringIO,
    files: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert main(["outline", *files, "--no-progress"]) == 0
    assert terminal.getvalue() == ""
    monkeypatch.setattr(progress, "SHOW_AFTER", 3600)  # the run ends long before the bar shows
    assert main(["outline", *files, "--jobs", "2"]) == 0
    assert terminal.getvalue() == ""


def test_stderr_not_a_terminal_gets_no_progress(
    files: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(progress, "SHOW_AFTER", 0)
    assert progress.terminal_console() is None  # capsys: stderr is no terminal
    assert main(["outline", *files, "--jobs", "2"]) == 0
    assert capsys.readouterr().err == ""


def test_piped_command_output_holds_no_progress(files: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "policy_parser", "outline", *files, "--jobs", "2"],
        capture_output=True,
        check=False,
        # the code under test, not whichever copy is installed
        env={**os.environ, "PYTHONPATH": str(Path(progress.__file__).parents[1])},
    )
    assert done.returncode == 0, done.stderr.decode()
    assert done.stderr == b""
    assert b"\x1b[" not in done.stdout and "━".encode() not in done.stdout
