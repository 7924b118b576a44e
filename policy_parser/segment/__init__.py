"""Find the policy document on a page and read its 公文 frame (GB/T 9704-2012).

The input is the normalised text (CR removed, lines stripped, hard wraps repaired); every
offset returned indexes that text. The stage answers four questions:

1. **Where is the document?** A page may hold navigation, a metadata panel, news articles and a
   second copy of the text. Title candidates are scored by what follows them (发文字号, 主送机关,
   a preamble sentence, a section marker); the best one starts the document. Without any title
   (a newspaper that prints the headline after the body) the run of top-level markers anchors
   it, and the preamble paragraphs just before the first marker start the body.
2. **What is its frame?** 标题, 发文字号, 主送机关, 发文机关署名, 成文日期; 附注 (此件公开发布),
   抄送 and page chrome are left out of the body.
3. **Where does the body end?** At the 附件说明, the signature, a 附注, strong page chrome, or
   the headline of a foreign news article (本报讯…).
4. **What does it issue?** After the signature, 附件 markers or title lines open attachments,
   parsed with the same rules (a plan may carry its own 附件1/附件2). A 国务院令 that promulgates
   a regulation yields the regulation itself (title = its name, date = the order's date).

Everything here is heuristic but never special-cased to a text: the rules are the conventions of
the 公文 format and of Chinese government web pages and newspapers. Each rule lives in a module
named for what it claims; ``docs/segmentation.md`` lists them.
"""

from __future__ import annotations

from policy_parser.segment.dates import parse_date
from policy_parser.segment.find import segment
from policy_parser.segment.frame import Field, Frame

__all__ = ["Field", "Frame", "parse_date", "segment"]
