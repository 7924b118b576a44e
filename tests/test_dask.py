"""policy_parser.dask on a local cluster: bag, DataFrame and Parquet of section records."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask")
pytest.importorskip("pandas")

import policy_parser as pp
from policy_parser.dask import RECORD_COLUMNS, to_bag, to_dataframe, to_parquet

CORPUS = sorted((Path(__file__).parent / "data" / "corpus").glob("*.txt"))[1:3]


@pytest.fixture(scope="module")
def scheduler() -> Iterator[dict[str, Any]]:
    """A local two-process cluster when distributed is installed, else the process pool."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        yield {"scheduler": "processes", "num_workers": 2}
        return
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        yield {"scheduler": client}


def _sections(paths: list[Path]) -> int:
    return sum(sum(1 for _ in d.walk()) for d in map(pp.parse_file, paths))


def test_bag_has_one_record_per_section(scheduler: dict[str, Any]) -> None:
    records = to_bag(CORPUS, npartitions=2).compute(**scheduler)
    assert len(records) == _sections(CORPUS)
    assert all(tuple(r) == RECORD_COLUMNS for r in records)
    assert records[0]["file"] == str(CORPUS[0])


def test_dataframe_rows_and_types(scheduler: dict[str, Any]) -> None:
    frame = to_dataframe([*CORPUS, Path("/nonexistent/x.txt")], npartitions=3).compute(**scheduler)
    assert list(frame.columns) == list(RECORD_COLUMNS)
    assert len(frame) == _sections(CORPUS) + 1
    bad = frame[frame["error"].notna()]
    assert list(bad["file"]) == ["/nonexistent/x.txt"]
    assert str(frame["level"].dtype) == "Int64"
    first = pp.parse_file(CORPUS[0]).sections[0]
    row = frame[frame["file"] == str(CORPUS[0])].iloc[0]
    assert (row["marker"], row["heading"], row["level"]) == (first.marker, first.heading, 1)


def test_parquet_round_trip(tmp_path: Path, scheduler: dict[str, Any]) -> None:
    pytest.importorskip("pyarrow")
    import dask
    import pandas as pd

    out = tmp_path / "sections.parquet"
    with dask.config.set(**scheduler):
        to_parquet(CORPUS, out, npartitions=2)
    frame = pd.read_parquet(out)
    assert len(frame) == _sections(CORPUS)
    assert set(frame["file"]) == {str(p) for p in CORPUS}


def test_str_inputs_are_texts_and_file_names_are_refused() -> None:
    # The rule of parse_many: Path is a file, str a text; a str naming a file is a slip.
    with pytest.raises(TypeError, match=r"names a file: pass pathlib\.Path objects"):
        to_bag([str(CORPUS[0])])
    records = to_bag(["一、总体要求\n（一）甲方要负责。"]).compute(scheduler="sync")
    assert [(r["file"], r["path"]) for r in records] == [("<text>", "一"), ("<text>", "一/（一）")]
