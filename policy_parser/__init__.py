r"""policy_parser: Chinese policy documents as typed, queryable structure.

>>> import policy_parser as pp
>>> doc = pp.parse("一、总体要求\\n（一）强化科普经费投入。各区县要将科普经费列入本级财政预算。")
>>> doc.find("一/（一）").heading
'强化科普经费投入'
"""

from policy_parser.api import parse, parse_file
from policy_parser.batch import parse_files, parse_many
from policy_parser.compare import DocumentDiff, ResponsibilityChange, SectionChange, diff
from policy_parser.errors import Diagnostic, PolicyParseError, Severity, Span
from policy_parser.loaders import LoadError, MissingExtraError
from policy_parser.models import (
    BodyMention,
    Clause,
    Deadline,
    DeadlineKind,
    Document,
    MarkerKind,
    PathBody,
    Responsibilities,
    Responsibility,
    Role,
    Section,
    TraceEntry,
)
from policy_parser.mojibake import Repair
from policy_parser.mojibake import repair_runs as repair
from policy_parser.view import view_html

__all__ = [
    "BodyMention",
    "Clause",
    "Deadline",
    "DeadlineKind",
    "Diagnostic",
    "Document",
    "DocumentDiff",
    "LoadError",
    "MarkerKind",
    "MissingExtraError",
    "PathBody",
    "PolicyParseError",
    "Repair",
    "Responsibilities",
    "Responsibility",
    "ResponsibilityChange",
    "Role",
    "Section",
    "SectionChange",
    "Severity",
    "Span",
    "TraceEntry",
    "diff",
    "parse",
    "parse_file",
    "parse_files",
    "parse_many",
    "repair",
    "view_html",
]
__version__ = "0.1.0"
