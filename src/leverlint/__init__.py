"""leverlint: lint RFCs, design docs, ADRs and postmortems for leverage.

Tags each proposed fix with one of Donella Meadows' twelve leverage levels
and flags documents that only propose the weakest fixes.
"""

from __future__ import annotations

__version__ = "0.1.0"
