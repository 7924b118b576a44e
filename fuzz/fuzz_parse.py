"""atheris fuzz target: parse() must never raise, and its spans must index the input.

Run (see docs/fuzzing.md)::

    mkdir -p /tmp/fuzz-corpus && python fuzz/fuzz_parse.py -max_len=4096 /tmp/fuzz-corpus fuzz/seeds

Any exception other than PolicyParseError from ``strict=True`` is a finding: atheris stops and
writes the input to ``crash-<hash>``; replay it with ``python fuzz/fuzz_parse.py crash-<hash>``.
"""

from __future__ import annotations

import contextlib
import sys

import atheris

with atheris.instrument_imports():
    import policy_parser as pp


def _check_spans(doc: pp.Document, n: int) -> None:
    for section in doc.walk():
        assert 0 <= section.span.start <= section.span.end <= n, section.span
        for clause in section.clauses:
            assert 0 <= clause.span.start <= clause.span.end <= n, clause.span
            for body in clause.bodies:
                assert 0 <= body.span.start <= body.span.end <= n, body.span
    for diag in doc.diagnostics:
        assert 0 <= diag.span.start <= diag.span.end <= n, diag.span
    for attachment in doc.attachments:
        _check_spans(attachment, n)


def test_one_input(data: bytes) -> None:
    """Parse the bytes as text three ways: UTF-8 with junk kept, GB18030, and raw code points."""
    fdp = atheris.FuzzedDataProvider(data)
    choice = fdp.ConsumeIntInRange(0, 2)
    rest = fdp.ConsumeBytes(fdp.remaining_bytes())
    if choice == 0:
        text = rest.decode("utf-8", "surrogateescape")  # keeps lone surrogates
    elif choice == 1:
        text = rest.decode("gb18030", "replace")  # Chinese-heavy text with markers
    else:
        text = atheris.FuzzedDataProvider(rest).ConsumeUnicode(len(rest))
    doc = pp.parse(text)
    assert doc.source == text
    _check_spans(doc, len(text))
    with contextlib.suppress(pp.PolicyParseError):  # the only error strict may raise
        pp.parse(text, strict=True)


def main() -> None:
    """Start atheris on :func:`test_one_input`."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
