"""What the readers return: a body found in a clause, with its role and offsets."""

from __future__ import annotations

from typing import NamedTuple

from policy_parser.models import Role


class Found(NamedTuple):
    """A body named by a clause.

    Attributes:
        name: The name as written, after splitting coordinated lists; a distributed name
            (``市、区县人民政府`` → ``市人民政府``) is rebuilt and is then not contiguous.
        role: What the clause asks of the body.
        start: Offset of the name in the clause text.
        end: End offset; ``clause[start:end] == name`` when the name is written contiguously.
    """

    name: str
    role: Role
    start: int
    end: int


class _Name(NamedTuple):
    name: str
    start: int
    end: int
