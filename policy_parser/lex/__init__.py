"""lex: the marker candidates of lark's lexer → MARKER/TEXT tokens with levels (a PostLex).

``grammars/markers.lark`` defines the terminals lark's basic lexer cuts a body into;
:class:`~policy_parser.lex.postlex.MarkerPostLex` decides which marker candidates are markers
and at what level, and ``grammars/structure.lark`` nests them (``grammar.structure_lark``).

==================  ==========================================================================
``kinds.py``        terminal → MarkerKind, canonical depth (RANK), style families
``candidates.py``   marker tokens read in their line (line start, boundary, number …)
``lookalikes.py``   numerals that are cited, not markers (第三条规定的, （一）项, 1.5亿元)
``continuity.py``   numbering continuity: accept, level, gap/repeat/restart diagnostics
``later.py``        the look-ahead continuity asks of the candidates after one
``levels.py``       segments of lines, _OPEN/_CLOSE at level changes
``postlex.py``      the lark PostLex that runs the steps above
==================  ==========================================================================
"""

from policy_parser.lex.candidates import Marker
from policy_parser.lex.continuity import LexDiagnostic
from policy_parser.lex.levels import MarkerToken, Segment
from policy_parser.lex.postlex import MarkerPostLex

__all__ = ["LexDiagnostic", "Marker", "MarkerPostLex", "MarkerToken", "Segment"]
