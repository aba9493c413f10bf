"""The web app: unsubscribe (one click), vote, archive, health."""

from web.app import create_app

__all__ = ["create_app"]
