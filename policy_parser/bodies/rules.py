"""Reading rules a document states once for what follows: 排在第一位的部门为牵头部门，下同.

``（税务总局、财政部负责，排在第一位的部门为牵头部门，下同）`` makes the first body of every later
``负责`` annotation without a 牵头 body its lead; ``duties`` threads :class:`ReadingRules` through
a document in reading order, and each clause's reading returns the rules for the next.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex


@dataclass(frozen=True)
class ReadingRules:
    """Rules a document states once for the annotations that follow.

    Attributes:
        first_listed_leads: After ``（A、B负责，排在第一位的部门为牵头部门，下同）`` the first
            body of a ``负责`` annotation that names no 牵头 body is the lead.
        subject: The bodies the last clause opened with as its obliged subject; a clause
            that opens with 要/应当 and names no subject goes on with them
            (``海关总署要…。要继续促进…``).
        unlisted: The bodies a scope note binds to every later item without listing them
            (``以下均需各区政府落实，不再列出``): responsible in each later annotated clause.
    """

    first_listed_leads: bool = False
    subject: tuple[str, ...] = ()
    unlisted: tuple[str, ...] = ()

    def with_subject(self, subject: tuple[str, ...]) -> ReadingRules:
        """The same rules carrying ``subject`` (``("海关总署",)``, or ``()`` for none).

        Built directly: ``dataclasses.replace`` walks every field, and the subject changes
        at many clauses and at every section that carried one.
        """
        return ReadingRules(self.first_listed_leads, subject, self.unlisted)


INITIAL_RULES = ReadingRules()

_NO_SUBJECT = {False: INITIAL_RULES, True: ReadingRules(first_listed_leads=True)}

# 排在第一位的部门为牵头部门 / 列第一位者为牵头单位 / 排名第一的为牵头单位, optionally 下同.
_RULE = regex.compile(
    r"(?:排在|排|列|位列|排名)?第一(?:位|个|名)?(?:的|者)?(?:部门|单位)?(?:为|是)牵头(?:部门|单位)"
    r"(?:[，,]?(?:下同|以下同|以下均同))?"
)

_PERSIST = regex.compile(r"下同|以下|后同")
