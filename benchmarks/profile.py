"""Profile ``policy_parser.parse`` with pyinstrument and print where the time goes, by stage.

Run from the repository root (``pip install -e ".[bench]"`` brings pyinstrument)::

    python benchmarks/profile.py                          # tests/data/corpus and examples/
    python benchmarks/profile.py /path/to/texts/*.txt     # any files or folders of .txt
    python benchmarks/profile.py --structure              # parse(text, bodies=False)
    python benchmarks/profile.py --html profile.html      # also pyinstrument's call tree

Every sampled moment goes to the innermost stage on its call stack (a stage is a set of files
and functions, see :data:`STAGES`), so the stages add up to the whole parse: normalize, segment,
lark's lexer, the PostLex (``lex/``), the LALR parser, the transform, tables, clauses, bodies,
the result models and what is left (``api`` glue). Under each stage it names the functions
with the most time of their own, the place to look for a lever.

pyinstrument samples the stack (every 0.2 ms here) in wall time, and its hook on every call
slows call-heavy Python code more than C code: the shares are estimates. The milliseconds
printed are each share of the best CPU time of an unprofiled pass (``bench.best_time``, best
of ``--repeat``), so that other jobs on a shared machine do not stretch them.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import policy_parser as pp  # noqa: E402
from benchmarks.bench import best_time  # noqa: E402


@dataclass(frozen=True)
class Stage:
    """A stage of the pipeline: the files (path fragments) and, optionally, the functions."""

    label: str
    files: tuple[str, ...]
    functions: frozenset[str] = frozenset()

    def owns(self, file: str, function: str) -> bool:
        """Whether a frame of ``function`` in ``file`` belongs to this stage."""
        if not any(part in file for part in self.files):
            return False
        return not self.functions or function in self.functions


# In pipeline order. lark's Token class lives in lark/lexer.py, so only the lexer's own
# functions count as "lark lexer": a Token the PostLex makes stays the PostLex's.
STAGES: tuple[Stage, ...] = (
    # TrackedText's methods serve every stage: only normalize's own functions are the stage.
    Stage(
        "normalize",
        ("policy_parser/normalize.py",),
        frozenset({"normalize", "_clean_lines", "_wrap_width", "_continues", "display_width"}),
    ),
    Stage("segment", ("policy_parser/segment/",)),
    Stage(
        "lark lexer (markers.lark)", ("lark/lexer.py",), frozenset({"lex", "next_token", "match"})
    ),
    Stage("PostLex (lex/)", ("policy_parser/lex/",)),
    Stage(
        "LALR parse (structure.lark)", ("lark/parsers/", "lark/lark.py", "lark/parser_frontends.py")
    ),
    Stage("transform (transform/)", ("policy_parser/transform/", "policy_parser/drafts.py")),
    Stage("tables", ("policy_parser/tables.py", "policy_parser/table_header.py")),
    Stage("duties: assembly", ("policy_parser/duties.py",)),
    Stage("duties: clauses", ("policy_parser/clauses.py",)),
    Stage("duties: bodies (bodies/)", ("policy_parser/bodies/",)),
    Stage("result models (models/, pydantic)", ("policy_parser/models/", "/pydantic")),
    Stage("mojibake check (encoding.py)", ("policy_parser/encoding.py",)),
)
OTHER = "other (api glue, diagnostics)"


@dataclass
class Breakdown:
    """Seconds per stage and, per stage, seconds of own time per function."""

    total: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)
    hot: dict[str, dict[str, float]] = field(default_factory=dict)

    def add(self, stage: str, where: str, seconds: float) -> None:
        self.total += seconds
        self.stages[stage] = self.stages.get(stage, 0.0) + seconds
        funcs = self.hot.setdefault(stage, {})
        funcs[where] = funcs.get(where, 0.0) + seconds


def _stage_of(frame: Any, current: str) -> str:
    file, function = frame.file_path or "", frame.function or ""
    for stage in STAGES:
        if stage.owns(file, function):
            return stage.label
    return current


def _where(frame: Any) -> str:
    file = (frame.file_path or "?").replace("\\", "/")
    for anchor in ("policy_parser/", "lark/", "pydantic/", "regex/"):
        if anchor in file:
            file = anchor + file.rsplit(anchor, 1)[1]
            break
    else:
        file = file.rsplit("/", 1)[-1]
    return f"{frame.function} ({file}:{frame.line_no})"


def attribute(root: Any) -> Breakdown:
    """Walk pyinstrument's frame tree; give each frame's own time to its innermost stage."""
    out = Breakdown()
    stack: list[tuple[Any, str, Any]] = [(root, OTHER, root)]
    while stack:
        frame, stage, owner = stack.pop()
        if frame.is_synthetic:  # pyinstrument's [self] / [await] leaves: the parent's own time
            out.add(stage, _where(owner), frame.time)
            continue
        stage = _stage_of(frame, stage)
        own = frame.time - sum(child.time for child in frame.children)
        if own > 0:
            out.add(stage, _where(frame), own)
        stack.extend((child, stage, frame) for child in frame.children)
    return out


def profile(
    parse: Callable[[str], object], texts: list[str], repeat: int, interval: float = 0.0002
) -> tuple[Breakdown, Any]:
    """Parse ``texts`` ``repeat`` times under pyinstrument; the breakdown and the session."""
    from pyinstrument import Profiler

    for text in texts:  # warm up: grammars built, word lists loaded, caches filled
        parse(text)
    profiler = Profiler(interval=interval)
    profiler.start()
    for _ in range(repeat):
        for text in texts:
            parse(text)
    session = profiler.stop()
    root = session.root_frame()
    return (attribute(root) if root is not None else Breakdown()), profiler


def report(found: Breakdown, cpu: float, top: int = 3) -> Iterable[str]:
    """Lines of the report: each stage's share and its ms of ``cpu`` seconds per pass, then
    its hottest functions."""
    order = [s.label for s in STAGES] + [OTHER]
    scale = cpu * 1000 / found.total if found.total else 0.0
    yield f"{'stage':38} {'ms':>7} {'share':>7}"
    for label in order:
        seconds = found.stages.get(label, 0.0)
        if not seconds:
            continue
        yield f"{label:38} {seconds * scale:7.1f} {seconds / found.total:7.1%}"
        funcs = sorted(found.hot[label].items(), key=lambda kv: -kv[1])[:top]
        for where, own in funcs:
            yield f"    {own * scale:6.1f} ms  {where}"
    yield f"{'total (best CPU time of one pass, unprofiled)':46} {cpu * 1000:7.1f}"


def default_paths() -> list[Path]:
    """The corpus shipped with the tests and the examples."""
    return sorted((ROOT / "tests" / "data" / "corpus").glob("*.txt")) + sorted(
        (ROOT / "examples").glob("*.txt")
    )


def read_texts(args: list[str]) -> list[tuple[Path, str]]:
    """The .txt files named (folders: their .txt files), read as UTF-8."""
    paths: list[Path] = []
    for arg in args:
        p = Path(arg)
        paths.extend(sorted(p.glob("*.txt")) if p.is_dir() else [p])
    return [(p, p.read_text(encoding="utf-8", errors="replace")) for p in paths or default_paths()]


def main(argv: list[str] | None = None) -> int:
    """Profile the parse of the given texts and print the stage breakdown."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help=".txt files or folders (default: the corpus)")
    parser.add_argument("--repeat", type=int, default=10, help="passes over the texts")
    parser.add_argument("--structure", action="store_true", help="parse(text, bodies=False)")
    parser.add_argument("--top", type=int, default=3, help="hottest functions per stage")
    parser.add_argument("--html", help="also write pyinstrument's HTML call tree here")
    args = parser.parse_args(argv)
    named = read_texts(args.paths)
    texts = [t for _, t in named]
    parse = functools.partial(pp.parse, bodies=not args.structure)
    found, profiler = profile(parse, texts, args.repeat)
    cpu = best_time(parse, texts, args.repeat)
    what = "parse(text, bodies=False)" if args.structure else "parse(text)"
    chars = sum(len(t) for t in texts)
    print(f"{what}: {len(texts)} texts, {chars:,} characters, {args.repeat} passes (pyinstrument)")
    for line in report(found, cpu, args.top):
        print(line)
    if args.html:
        Path(args.html).write_text(profiler.output_html(), encoding="utf-8")
        print(f"call tree: {args.html}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
