"""parse_many: same documents as parse, in input order, streamed; errors in place or raised.

No timings here: benchmarks/bench.py measures the speed-up.
"""

from __future__ import annotations

import gc
import itertools
from pathlib import Path

import pytest

import policy_parser as pp
from policy_parser.batch import parse_many
from policy_parser.loaders import LoadError

CORPUS = sorted((Path(__file__).parent / "data" / "corpus").glob("*.txt"))
TEXTS = ["一、总体要求\n（一）科协要负责。", "第一条　为了规范管理，制定本条例。", "", "x"]


def _dump(doc: pp.Document) -> str:
    return doc.model_dump_json()


def test_serial_equals_parse() -> None:
    assert [_dump(d) for d in parse_many(TEXTS)] == [_dump(pp.parse(t)) for t in TEXTS]


def test_processes_keep_input_order_across_chunks() -> None:
    items: list[str | Path] = [*CORPUS[:5], *TEXTS, *CORPUS[5:7]]
    serial = [_dump(d) for d in parse_many(items, jobs=1)]
    parallel = [_dump(d) for d in parse_many(items, jobs=2, chunksize=2)]
    assert parallel == serial
    assert serial[0] == _dump(pp.parse_file(CORPUS[0]))


def test_streams_from_an_endless_iterable() -> None:
    # Only a bounded number of chunks is ever taken from the input.
    endless = (f"{i}、第{i}项" for i in itertools.count(1))
    first = list(itertools.islice(parse_many(endless, jobs=2, chunksize=3), 4))
    assert len(first) == 4


def test_error_is_raised_in_its_place() -> None:
    missing = Path("/nonexistent/policy.txt")
    seen: list[pp.Document] = []
    with pytest.raises(LoadError) as info:
        for doc in parse_many([TEXTS[0], missing, TEXTS[1]], jobs=2, chunksize=1):
            seen.append(doc)
    assert len(seen) == 1
    assert info.value.path == missing


@pytest.mark.parametrize("jobs", [1, 2])
def test_return_exceptions_keeps_positions(jobs: int) -> None:
    items: list[str | Path] = [TEXTS[0], Path("/nonexistent/a.txt"), "一、甲\n一、乙", TEXTS[1]]
    out = list(parse_many(items, jobs=jobs, strict=True, return_exceptions=True))
    assert isinstance(out[0], pp.Document) and isinstance(out[3], pp.Document)
    assert isinstance(out[1], LoadError) and out[1].reason
    assert isinstance(out[2], pp.PolicyParseError)
    assert (out[2].line, out[2].code) == (2, "duplicate-number")


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="jobs"):
        list(parse_many(TEXTS, jobs=0))
    with pytest.raises(TypeError, match="bytes"):
        list(parse_many([b"bytes"]))  # type: ignore[list-item]


def test_garbage_collector_is_running_between_documents() -> None:
    # The parent pauses the collector while it rebuilds a chunk, never while the caller runs.
    assert gc.isenabled()
    for _ in parse_many([*TEXTS, *CORPUS[:2]], jobs=2, chunksize=2):
        assert gc.isenabled()
    with pytest.raises(LoadError):
        for _ in parse_many([TEXTS[0], Path("/nonexistent/b.txt")], jobs=2, chunksize=2):
            assert gc.isenabled()
    assert gc.isenabled()


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_str_naming_a_file_is_refused(jobs: int) -> None:
    # parse_many(glob.glob(...)) passes file names as str: refused, not parsed as texts.
    with pytest.raises(TypeError) as info:
        list(parse_many([str(CORPUS[0])], jobs=jobs))
    assert str(info.value) == (
        f"parse_many() takes str as text to parse, but {str(CORPUS[0])!r} names a file: "
        "pass pathlib.Path objects for files (e.g. map(Path, glob.glob(...))) "
        "or use policy_parser.parse_files()"
    )
    # A str that only looks like a file name is a text, as before.
    assert [d.sections for d in parse_many(["no-such-plan.txt"])] == [[]]


def test_parse_files_takes_str_names() -> None:
    names = [str(p) for p in CORPUS[:2]]
    assert [_dump(d) for d in pp.parse_files(names, jobs=2)] == [
        _dump(pp.parse_file(p)) for p in CORPUS[:2]
    ]


@pytest.mark.parametrize("jobs", [1, 2])
def test_bodies_false_reaches_every_input(jobs: int) -> None:
    items: list[str | Path] = [TEXTS[0], CORPUS[0]]
    docs = list(parse_many(items, jobs=jobs, bodies=False))
    assert docs[0].find("一/（一）") is not None
    assert all(not s.bodies for d in docs for s in d.walk())
    assert _dump(docs[1]) == _dump(pp.parse_file(CORPUS[0], bodies=False))
