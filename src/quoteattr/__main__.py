"""``python -m quoteattr``: the same as the ``quoteattr`` command."""

import sys

from quoteattr.cli import main

if __name__ == "__main__":
    sys.exit(main())
