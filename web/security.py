"""Security headers on every response, and the Content-Security-Policy that allows no script at all.

Pages load styles from /static or from inline <style> blocks whose SHA-256 is in the policy (the
hashes are computed at start-up from the templates, so editing a template keeps its hash right).
A route that needs another policy (the desk's preview of an email) sets its own headers; the
middleware fills in only what a response did not set.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from starlette.types import ASGIApp, Message, Receive, Scope, Send

_STYLE_BLOCK = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)
_STYLE_ATTR = re.compile(r"""\sstyle="([^"]*)"|\sstyle='([^']*)'""")


def csp_hash(text: str) -> str:
    """The CSP source expression of an inline block: 'sha256-…'."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def template_style_hashes(folders: Iterable[Path]) -> list[str]:
    """The hashes of every literal <style> block in the templates under `folders`."""
    hashes: set[str] = set()
    for folder in folders:
        for path in sorted(folder.rglob("*.j2")):
            hashes.update(csp_hash(block) for block in _STYLE_BLOCK.findall(path.read_text("utf-8")))
    return sorted(hashes)


def site_policy(style_hashes: Iterable[str]) -> str:
    """The site's policy: nothing but our own styles, images, forms and (for the desk) frames."""
    styles = " ".join(["'self'", *style_hashes])
    return ("default-src 'none'; script-src 'none'; "
            f"style-src {styles}; img-src 'self' data:; font-src 'self'; "
            "form-action 'self'; frame-src 'self'; base-uri 'none'; frame-ancestors 'none'")


def email_preview_policy(html: str) -> str:
    """The policy for one email's HTML shown in the desk's frame: its own inline styles, hashed, and
    nothing else; framed by our own pages only, sandboxed so it runs nothing."""
    blocks = {csp_hash(b) for b in _STYLE_BLOCK.findall(html)}
    attrs = {csp_hash(html_unescape(a or b)) for a, b in _STYLE_ATTR.findall(html)}
    styles = " ".join(["'unsafe-hashes'", *sorted(blocks | attrs)])
    return ("default-src 'none'; script-src 'none'; "
            f"style-src {styles}; img-src 'self' data:; "
            "form-action 'none'; base-uri 'none'; frame-ancestors 'self'; "
            "sandbox allow-popups allow-popups-to-escape-sandbox")


def html_unescape(value: str) -> str:
    """An attribute's value as the browser reads it (CSP hashes what the browser reads)."""
    import html

    return html.unescape(value)


def security_headers(style_hashes: Iterable[str], *, https: bool) -> list[tuple[bytes, bytes]]:
    """The headers every response carries unless it set its own."""
    headers = {
        "content-security-policy": site_policy(style_hashes),
        "x-frame-options": "DENY",
        "x-content-type-options": "nosniff",
        "referrer-policy": "strict-origin-when-cross-origin",
        "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        "cross-origin-opener-policy": "same-origin",
    }
    if https:
        headers["strict-transport-security"] = "max-age=31536000"
    return [(k.encode(), v.encode()) for k, v in headers.items()]


class SecurityHeaders:
    """ASGI middleware adding `headers` to every HTTP response that does not already have them."""

    def __init__(self, app: ASGIApp, headers: list[tuple[bytes, bytes]]) -> None:
        self.app = app
        self.headers = headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in self.headers if n not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)
