"""Responsible bodies: who a clause assigns work to, and in what role.

A clause names bodies in three ways, and :func:`find_bodies` reads all three:

* an **annotation** in brackets or on a field line, parsed with ``grammars/annotation.lark``
  over name tokens: ``（财政部牵头，国务院相关部门及各地区按职责分工负责）``,
  ``（负责部门：人力资源社会保障部、商务部；适用范围：…）``, ``责任单位：市科协``;
* an **obliged subject** before a modal or role verb: ``高等院校、科研机构要…``,
  ``市、区县（自治县）人民政府应当…``, ``由市应急局牵头，市公安局参加``, ``X会同Y…``;
* the **object of an incentive verb**: ``鼓励企业…``, ``引导高校、科研院所、企业等…``,
  ``鼓励和支持老科技工作者…``, ``倡导公民…``.

Names are recognised by the lexicon in ``data/organs.txt`` and, for names not in it, by a
pattern of function words and a rank suffix (局, 委, 厅, 中心, 协会 …). A name is only taken
where the sentence gives it a role, so the pattern never has to decide alone what is a body.

Document-level reading rules (``排在第一位的部门为牵头部门，下同``) are threaded through a
document as :class:`ReadingRules`.
"""

from __future__ import annotations

from policy_parser.bodies.cells import cell_bodies, table_bodies
from policy_parser.bodies.find import find_bodies
from policy_parser.bodies.found import Found
from policy_parser.bodies.masking import BRACKET, BRACKET_PAIRS
from policy_parser.bodies.patterns import is_body_name
from policy_parser.bodies.rules import INITIAL_RULES, ReadingRules
from policy_parser.bodies.subjects import starts_with_subject

__all__ = [
    "BRACKET",
    "BRACKET_PAIRS",
    "INITIAL_RULES",
    "Found",
    "ReadingRules",
    "cell_bodies",
    "find_bodies",
    "is_body_name",
    "starts_with_subject",
    "table_bodies",
]
