"""Corpora beyond one machine: files → a Dask bag or DataFrame of section records → Parquet.

Inputs follow the rule of :func:`policy_parser.parse_many` (:mod:`policy_parser.inputs`):
a ``pathlib.Path`` is a file, a ``str`` a text (its records have ``file`` ``<text>``), and a
``str`` naming an existing file raises :class:`TypeError` (wrap file names in ``Path``).

Optional extra: ``pip install "policy-parser[dask]"`` (``dask[bag,dataframe]``, ``pyarrow``;
add ``distributed`` to run on a cluster). Every record is one section of one file, with the
columns of :data:`RECORD_COLUMNS`: the file, then the fields of
:func:`policy_parser.export.to_records` (section path, marker, heading, text, level, number,
bodies, span …). Files that cannot be read become no rows and are counted in the ``error``
column of one row with an empty ``path`` instead, so a corpus run never dies on one bad file.

>>> from policy_parser.dask import to_parquet
>>> to_parquet([Path("a.txt"), Path("b.docx")], "sections.parquet")  # doctest: +SKIP

Run it on a cluster by creating a ``dask.distributed.Client`` first; the functions here only
build the task graph (``to_parquet`` computes it).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policy_parser.export import RECORD_FIELDS
from policy_parser.inputs import Input, classify

if TYPE_CHECKING:  # the optional dependencies are imported only when used
    import dask.bag  # type: ignore[import-untyped, unused-ignore]
    import dask.dataframe  # type: ignore[import-untyped, unused-ignore]

__all__ = [
    "RECORD_COLUMNS",
    "TEXT_INPUT",
    "records_of_file",
    "to_bag",
    "to_dataframe",
    "to_parquet",
]

#: The columns of every record, in order: the file, the section fields, the error.
RECORD_COLUMNS: tuple[str, ...] = ("file", *RECORD_FIELDS, "error")

# Column types, so that an all-None column (no heading anywhere in a partition) still gets a
# type and the Parquet schema is the same for every partition.
_INT_COLUMNS = frozenset({"document", "level", "number", "span_start", "span_end"})


def _require() -> Any:
    try:
        import dask.bag as db  # type: ignore[import-untyped, unused-ignore]
    except ImportError as exc:  # the message names the extra, as the loaders do
        raise ImportError(
            'policy_parser.dask needs dask: pip install "policy-parser[dask]"'
        ) from exc
    return db


def records_of_file(path: str | os.PathLike[str], *, strict: bool = False) -> list[dict[str, Any]]:
    """Parse one file and return its sections as records (one dict per section).

    Args:
        path: The file (any format :func:`policy_parser.parse_file` reads).
        strict: As for :func:`policy_parser.parse`.

    Returns:
        The records of :data:`RECORD_COLUMNS`, in document order; for a file that cannot be
        read or parsed, a single record with ``error`` set and the section fields empty.
    """
    from policy_parser import api
    from policy_parser.export import to_records

    name = os.fspath(path)
    try:
        doc = api.parse_file(Path(name), strict=strict)
    except (ValueError, ImportError, OSError) as exc:
        # LoadError / PolicyParseError are ValueErrors, MissingExtraError an ImportError.
        empty: dict[str, Any] = dict.fromkeys(RECORD_COLUMNS)
        empty.update(file=name, path="", error=f"{type(exc).__name__}: {exc}")
        return [empty]
    return [{"file": name, **row, "error": None} for row in to_records(doc)]


#: The ``file`` column of the records of an input given as text.
TEXT_INPUT = "<text>"


def _records(item: str | Path, strict: bool) -> list[dict[str, Any]]:
    """Return the records of one classified input: a file's, or a text's (``file`` ``<text>``)."""
    if isinstance(item, Path):
        return records_of_file(item, strict=strict)
    from policy_parser import api
    from policy_parser.export import to_records

    try:
        doc = api.parse(item, strict=strict)
    except ValueError as exc:  # PolicyParseError under strict
        empty: dict[str, Any] = dict.fromkeys(RECORD_COLUMNS)
        empty.update(file=TEXT_INPUT, path="", error=f"{type(exc).__name__}: {exc}")
        return [empty]
    return [{"file": TEXT_INPUT, **row, "error": None} for row in to_records(doc)]


def to_bag(
    paths: Iterable[Input],
    *,
    npartitions: int | None = None,
    strict: bool = False,
) -> dask.bag.Bag:
    """Return a Dask bag of section records, one partition per group of files.

    Args:
        paths: The files (``Path``); a ``str`` is a text to parse.
        npartitions: Partitions (tasks); default about 100 files each, at least one.
        strict: As for :func:`policy_parser.parse`.

    Returns:
        A lazy bag of dicts with the keys of :data:`RECORD_COLUMNS`.

    Raises:
        TypeError: An input is neither ``str`` nor path-like, or a ``str`` names a file.
    """
    db = _require()
    items = [classify(p, "to_bag()") for p in paths]
    if npartitions is None:
        npartitions = max(1, min(len(items), (len(items) + 99) // 100))
    bag: dask.bag.Bag = (
        db.from_sequence(items, npartitions=max(1, npartitions))
        .map(_records, strict=strict)
        .flatten()
    )
    return bag


def _frame(records: Sequence[dict[str, Any]]) -> Any:
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

    frame = pd.DataFrame(list(records), columns=list(RECORD_COLUMNS))
    return frame.astype({c: ("Int64" if c in _INT_COLUMNS else "string") for c in RECORD_COLUMNS})


def to_dataframe(
    paths: Iterable[Input],
    *,
    npartitions: int | None = None,
    strict: bool = False,
) -> dask.dataframe.DataFrame:
    """Return a Dask DataFrame with one row per section of every file.

    Integers are nullable ``Int64`` and text columns ``string``, the same in every
    partition, so the frame writes to Parquet with one schema.

    Args:
        paths: The files.
        npartitions: As for :func:`to_bag`.
        strict: As for :func:`policy_parser.parse`.

    Returns:
        A lazy DataFrame with the columns of :data:`RECORD_COLUMNS`.
    """
    import dask.dataframe as dd  # type: ignore[import-untyped, unused-ignore]

    # dask's annotations are partial: go through Any rather than sprinkle ignores.
    bag: Any = to_bag(paths, npartitions=npartitions, strict=strict)
    frame: dask.dataframe.DataFrame = dd.from_delayed(
        [_delayed_frame(part) for part in bag.to_delayed()], meta=_frame([])
    )
    return frame


def _delayed_frame(part: Any) -> Any:
    from dask.delayed import delayed  # type: ignore[import-untyped, unused-ignore]

    return delayed(_frame)(part)


def to_parquet(
    paths: Iterable[Input],
    out: str | os.PathLike[str],
    *,
    npartitions: int | None = None,
    strict: bool = False,
) -> None:
    """Parse the files and write their section records to a Parquet dataset.

    Args:
        paths: The files.
        out: The output directory (one ``part.N.parquet`` per partition).
        npartitions: As for :func:`to_bag`.
        strict: As for :func:`policy_parser.parse`.
    """
    frame: Any = to_dataframe(paths, npartitions=npartitions, strict=strict)
    frame.to_parquet(os.fspath(out), write_index=False)
