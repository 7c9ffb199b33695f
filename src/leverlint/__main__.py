"""Allow ``python -m leverlint``."""

from __future__ import annotations

from leverlint.cli import main

main()
