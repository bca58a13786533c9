"""Where the data shared beside the repository lives: ``../shared``, or ``$QUOTEATTR_SHARED``.

A git worktree kept elsewhere than beside ``shared/`` sets the variable to find it.
"""

from __future__ import annotations

import os
from pathlib import Path

SHARED = Path(os.environ.get("QUOTEATTR_SHARED") or Path(__file__).resolve().parents[2] / "shared")
