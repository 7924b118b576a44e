"""The ``policy-parser`` command line.

``main.py`` parses the arguments and runs the commands (listed in its docstring);
``printing.py`` draws section trees and bodies tables for a reader.
"""

from policy_parser.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
