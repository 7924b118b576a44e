"""``python -m policy_parser``: the same as the ``policy-parser`` command."""

import sys

from policy_parser.cli import main

if __name__ == "__main__":
    sys.exit(main())
