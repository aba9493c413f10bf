"""The only module that talks to the network: conditional, size-capped GETs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import httpx

from scrapers.sources import SourceConfig

MAX_BODY_BYTES = 10 * 1024 * 1024


class FetchError(Exception):
    """The source could not be fetched; the message is the reason recorded on the source."""


@dataclass(frozen=True)
class FetchResult:
    """What a fetch brought back: a body, or word that nothing changed."""

    not_modified: bool
    body: bytes = b""
    url: str = ""
    etag: str | None = None
    last_modified: str | None = None


def fetch(
    source: SourceConfig,
    *,
    client: httpx.Client,
    etag: str | None = None,
    last_modified: str | None = None,
) -> FetchResult:
    """The source's current body, or not_modified; FetchError with the reason on failure."""
    if source.is_local:
        return _read_local(Path(source.url))
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        with client.stream("GET", source.url, headers=headers) as response:
            if response.status_code == 304:
                return FetchResult(not_modified=True, url=str(response.url), etag=etag,
                                   last_modified=last_modified)
            if response.status_code != 200:
                raise FetchError(f"HTTP {response.status_code} from {response.url}")
            body = _read_capped(response)
            return FetchResult(
                not_modified=False,
                body=body,
                url=str(response.url),
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
            )
    except httpx.TimeoutException:
        raise FetchError(f"timed out fetching {source.url}") from None
    except httpx.TooManyRedirects:
        raise FetchError(f"too many redirects fetching {source.url}") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"cannot fetch {source.url}: {exc.__class__.__name__}: {exc}") from None


def _read_capped(response: httpx.Response) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise FetchError(f"response of {declared} bytes is over the {MAX_BODY_BYTES}-byte cap")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise FetchError(f"response is over the {MAX_BODY_BYTES}-byte cap")
        chunks.append(chunk)
    return b"".join(chunks)


def _read_local(path: Path) -> FetchResult:
    try:
        return FetchResult(not_modified=False, body=path.read_bytes(), url=path.as_uri())
    except OSError as exc:
        raise FetchError(f"cannot read {path}: {exc.strerror or exc}") from None


def make_client(*, user_agent: str, timeout: float) -> httpx.Client:
    """An HTTP client with our User-Agent, timeouts and a redirect limit."""
    return httpx.Client(
        headers={"User-Agent": user_agent},
        timeout=httpx.Timeout(timeout),
        follow_redirects=True,
        max_redirects=5,
    )
