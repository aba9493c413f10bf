"""The ASGI app for a server started by import string (`uvicorn web.asgi:app --workers 4`).

A setting production refuses ends the process with its one-line reason, not a traceback."""

from __future__ import annotations

import sys

from verdicts.production import ProductionConfigError
from web.app import create_app

try:
    app = create_app()
except ProductionConfigError as exc:
    print(f"error: {exc}", file=sys.stderr)
    raise SystemExit(2) from None
