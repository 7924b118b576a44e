r"""policy_parser: Chinese policy documents as typed, queryable structure.

>>> import policy_parser as pp
>>> doc = pp.parse("一、总体要求\\n（一）强化科普经费投入。各区县要将科普经费列入本级财政预算。")
>>> doc.find("一/（一）").heading
'强化科普经费投入'
"""

from policy_parser.api import parse, parse_file
from policy_parser.batch import parse_files, parse_many
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
)

__all__ = [
    "BodyMention",
    "Clause",
    "Deadline",
    "DeadlineKind",
    "Diagnostic",
    "Document",
    "LoadError",
    "MarkerKind",
    "MissingExtraError",
    "PathBody",
    "PolicyParseError",
    "Responsibilities",
    "Responsibility",
    "Role",
    "Section",
    "Severity",
    "Span",
    "parse",
    "parse_file",
    "parse_files",
    "parse_many",
]
__version__ = "0.1.0"
