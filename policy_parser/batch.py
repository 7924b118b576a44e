"""Corpus scale: parse many documents on several processes, results streamed in input order.

``parse`` is pure Python and holds the GIL, so threads would not help; processes do. Inputs
are sent to the workers in chunks (one pickling round trip per chunk, not per document) and at
most a few chunks per worker are in flight, so memory stays bounded however long the input
iterable is, and the first results arrive while the rest are still being parsed.

>>> from pathlib import Path
>>> from policy_parser.batch import parse_many
>>> docs = parse_many(sorted(Path("tests/data/corpus").glob("*.txt")), jobs=2)  # doctest: +SKIP
"""

from __future__ import annotations

import os
import pickle
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, Literal, overload

from policy_parser._gc import no_gc
from policy_parser.inputs import Input, classify
from policy_parser.models import Document
from policy_parser.wire import Packed, pack, unpack

__all__ = ["Input", "parse_files", "parse_many"]

# Chunks in flight per worker: enough that a worker never waits for the parent to send more,
# few enough that results of a slow document do not pile up unboundedly behind it.
_IN_FLIGHT_PER_JOB = 4


def _parse_one(item: str | Path, strict: bool, bodies: bool) -> Document:
    # Imported here, not at module level, so a worker process only pays for what it uses and
    # the loaders helper's parse_file (with its encoding detection) is always the one called.
    from policy_parser import api

    if isinstance(item, Path):
        return api.parse_file(item, strict=strict, bodies=bodies)
    return api.parse(item, strict=strict, bodies=bodies)


def _rebuild(cls: type[Exception], args: tuple[object, ...], state: dict[str, Any]) -> Exception:
    exc = cls.__new__(cls)  # without __init__: its signature need not match ``args``
    exc.args = args
    exc.__dict__.update(state)
    return exc


class _Shipped:
    """Carries an exception whose ``__init__`` pickle cannot call back across processes.

    ``LoadError(path, reason)`` and ``PolicyParseError(msg, doc, pos)`` keep only the
    formatted message in ``args``, so the default unpickling ``cls(*args)`` fails and breaks
    the whole pool. This rebuilds the same class with the same attributes instead.
    """

    def __init__(self, exc: Exception) -> None:
        self.exc = exc

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuild, (type(self.exc), self.exc.args, vars(self.exc))


def _portable(exc: Exception) -> Exception | _Shipped:
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return _Shipped(exc)
    return exc


def _parse_chunk(chunk: list[str | Path], strict: bool, bodies: bool, keep: bool) -> bytes:
    """Parse a chunk in a worker; exceptions are returned (not raised) to keep their position.

    Returns the pickled list of packed documents and exceptions. Pickled here rather than by
    the pool, so the parent's result thread only moves bytes and the parent's main thread
    unpickles a chunk when the caller reaches it, with the garbage collector paused.
    """
    out: list[Packed | Exception | _Shipped] = []
    for item in chunk:
        try:
            # Plain tuples cross the process boundary and rebuild cheaper than a pickled model
            # tree or JSON (the parent shares the cores with the workers): see wire.py.
            out.append(pack(_parse_one(item, strict, bodies)))
        except Exception as exc:
            out.append(_portable(exc))
            if not keep:
                break  # the parent raises this one; parsing the rest of the chunk is wasted
    return pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL)


def _chunks(items: Iterable[Input], size: int) -> Iterator[list[str | Path]]:
    it = iter(items)
    while chunk := [classify(x, "parse_many()") for x in islice(it, size)]:
        yield chunk


@overload
def parse_many(
    items: Iterable[Input],
    *,
    jobs: int | None = ...,
    strict: bool = ...,
    bodies: bool = ...,
    chunksize: int = ...,
    return_exceptions: Literal[False] = ...,
) -> Iterator[Document]: ...


@overload
def parse_many(
    items: Iterable[Input],
    *,
    jobs: int | None = ...,
    strict: bool = ...,
    bodies: bool = ...,
    chunksize: int = ...,
    return_exceptions: Literal[True],
) -> Iterator[Document | Exception]: ...


def parse_many(
    items: Iterable[Input],
    *,
    jobs: int | None = 1,
    strict: bool = False,
    bodies: bool = True,
    chunksize: int = 16,
    return_exceptions: bool = False,
) -> Iterator[Document] | Iterator[Document | Exception]:
    """Parse many texts or files, on ``jobs`` processes, yielding documents in input order.

    A ``str`` is a text to parse; a path-like (``pathlib.Path``) is a file, read by
    :func:`policy_parser.parse_file` (so ``.txt`` in any supported encoding, ``.docx``,
    ``.pdf``, ``.html``). Strings are never taken for file names: wrap them in ``Path`` or
    call :func:`parse_files`; a ``str`` that names an existing ``.txt``/``.pdf``/``.docx``/
    ``.html`` file raises :class:`TypeError` rather than be parsed as a text
    (see :mod:`policy_parser.inputs`).

    Args:
        items: Texts and/or paths; any iterable, consumed lazily.
        jobs: Worker processes. ``1`` parses in this process (no pickling, easy debugging);
            ``None`` uses every CPU (``os.cpu_count()``).
        strict: As for :func:`policy_parser.parse`.
        bodies: As for :func:`policy_parser.parse` (False: the structure only, faster).
        chunksize: Inputs sent to a worker at a time. Larger chunks cost less overhead,
            smaller ones balance uneven documents better.
        return_exceptions: Yield a failed input's exception in its place instead of raising
            it (as :func:`asyncio.gather` does), so one bad file does not stop a corpus run.

    Yields:
        One :class:`~policy_parser.models.Document` per input, in input order.

    Raises:
        ValueError: ``jobs`` or ``chunksize`` is below 1.
        TypeError: An input is neither ``str`` nor path-like, or is a ``str`` naming a file.
        LoadError: A file cannot be read (unless ``return_exceptions``).
        PolicyParseError: ``strict`` is set and a text has an error (unless
            ``return_exceptions``).

    Example:
        >>> from policy_parser.batch import parse_many
        >>> [d.sections[0].marker for d in parse_many(["一、总体要求", "第一条 为了…"])]
        ['一、', '第一条']
    """
    jobs = (os.cpu_count() or 1) if jobs is None else jobs
    if jobs < 1 or chunksize < 1:
        raise ValueError(f"jobs and chunksize must be at least 1, not {jobs} and {chunksize}")
    if jobs == 1:
        return _serial(items, strict, bodies, return_exceptions)
    return _parallel(items, jobs, _Options(strict, bodies, return_exceptions), chunksize)


def parse_files(paths: Iterable[str | os.PathLike[str]], **options: Any) -> Iterator[Any]:
    """Parse many files: :func:`parse_many` with every item taken as a path, ``str`` too.

    ``parse_files(glob.glob("plans/*.txt"), jobs=4)`` is the spelling for file names held as
    strings.

    Args:
        paths: The files.
        **options: The keyword arguments of :func:`parse_many`.

    Yields:
        What :func:`parse_many` yields: one document (or, with ``return_exceptions``, the
        exception) per file, in input order.
    """
    return parse_many((Path(p) for p in paths), **options)


def _serial(
    items: Iterable[Input], strict: bool, bodies: bool, keep: bool
) -> Iterator[Document | Exception]:
    for item in items:
        try:
            yield _parse_one(classify(item, "parse_many()"), strict, bodies)
        except Exception as exc:  # the same as a worker catches, so jobs=1 behaves alike
            if not keep:
                raise
            yield exc


@dataclass(frozen=True, slots=True)
class _Options:
    """What every worker is told with each chunk."""

    strict: bool
    bodies: bool
    keep: bool


def _parallel(
    items: Iterable[Input], jobs: int, options: _Options, chunksize: int
) -> Iterator[Document | Exception]:
    strict, bodies, keep = options.strict, options.bodies, options.keep
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque[Future[bytes]] = deque()
        chunks = _chunks(items, chunksize)
        for chunk in islice(chunks, jobs * _IN_FLIGHT_PER_JOB):
            pending.append(pool.submit(_parse_chunk, chunk, strict, bodies, keep))
        try:
            while pending:
                blob = pending.popleft().result()
                # Refill before yielding, so workers keep busy while the caller uses a result.
                for chunk in islice(chunks, 1):
                    pending.append(pool.submit(_parse_chunk, chunk, strict, bodies, keep))
                # The parent shares the cores with the workers, and what it rebuilds is
                # acyclic and either kept or freed by reference counting: the collector's
                # passes over it are wasted (see _gc.no_gc). A whole chunk at once, so the
                # packed tuples are freed before the collector next runs and only the
                # documents are ever walked; never paused across a yield.
                with no_gc():
                    results = [
                        result if isinstance(result, Exception) else unpack(result)
                        for result in pickle.loads(blob)
                    ]
                for result in results:
                    if isinstance(result, Exception) and not keep:
                        raise result
                    yield result
        finally:
            # Leaving early (an error, or the caller stopped iterating): drop queued chunks
            # instead of parsing them for nobody.
            for future in pending:
                future.cancel()
