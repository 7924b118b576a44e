"""Which rule claimed each line: the trace of a parse (``parse(text, trace=True)``).

:func:`build_trace` turns what segmentation recorded (the frame rules' claims, see
``segment.lines._Ctx.claim``) and the finished :class:`~policy_parser.models.Document` (the
sections' spans) into one :class:`~policy_parser.models.TraceEntry` per line of the source;
``explain`` prints it for ``policy-parser explain``.
"""

from __future__ import annotations

from policy_parser.trace.build import build_trace

__all__ = ["build_trace"]
