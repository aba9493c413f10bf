"""robots.txt, fetched once per host and obeyed before any page of that host is scraped (RFC 9309)."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

import httpx
from protego import Protego

log = logging.getLogger(__name__)

MAX_ROBOTS_BYTES = 500 * 1024  # RFC 9309 asks parsers to read at least 500 KiB; we read no more
ALLOW_ALL = ""
DISALLOW_ALL = "User-agent: *\nDisallow: /\n"


class RobotsCache:
    """The robots.txt rules of each host seen, fetched on first use and kept for this instance's life."""

    def __init__(self) -> None:
        self._rules: dict[str, Protego] = {}

    def allowed(self, url: str, *, user_agent: str, client: httpx.Client) -> bool:
        """Whether robots.txt lets `user_agent` fetch `url`; a host that fails to answer allows nothing."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return True  # local files and the like have no robots.txt
        host = parts.netloc.lower()
        if host not in self._rules:
            self._rules[host] = Protego.parse(_fetch_robots(f"{parts.scheme}://{host}/robots.txt", client))
        return bool(self._rules[host].can_fetch(url, user_agent))

    def crawl_delay(self, host: str, user_agent: str) -> float | None:
        """The Crawl-delay robots.txt asks of `user_agent` on `host` (a host[:port] or any URL on it),
        or None when it sets none or the host has not been checked yet."""
        key = (urlsplit(host).netloc if "://" in host else host).lower()
        rules = self._rules.get(key)
        delay = rules.crawl_delay(user_agent) if rules is not None else None
        return float(delay) if delay is not None else None


def _fetch_robots(robots_url: str, client: httpx.Client) -> str:
    try:
        with client.stream("GET", robots_url, follow_redirects=True) as response:
            status = response.status_code
            if 200 <= status < 300:
                return _read_capped(response).decode("utf-8", errors="replace")
    except httpx.TooManyRedirects:
        log.info("robots.txt at %s redirects too often: treated as absent", robots_url)
        return ALLOW_ALL
    except httpx.HTTPError as exc:
        log.warning("robots.txt at %s unreachable (%s): not scraping that host", robots_url, exc)
        return DISALLOW_ALL
    # 4xx means there are no rules; a server error, or 429, means we cannot know them, so we keep off
    if 400 <= status < 500 and status != 429:
        return ALLOW_ALL
    log.warning("robots.txt at %s answered HTTP %s: not scraping that host", robots_url, status)
    return DISALLOW_ALL


def _read_capped(response: httpx.Response) -> bytes:
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk[: MAX_ROBOTS_BYTES - len(body)]
        if len(body) >= MAX_ROBOTS_BYTES:
            break
    return bytes(body)
