"""The only module that talks to the network: polite, conditional, size-capped, retried GETs.

Politeness: one request at a time per host with a gap between them, a descriptive User-Agent,
conditional GETs (ETag, Last-Modified), and the server's own word on when to come back
(Retry-After, Cache-Control max-age) handed to the caller for scheduling.
"""

from __future__ import annotations

import email.utils
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential

from scrapers.hostgate import LOCAL_GATE, Gate, HostGate  # noqa: F401  (HostGate: its old home)
from scrapers.sources import SourceConfig

MAX_BODY_BYTES = 10 * 1024 * 1024
_MAX_AGE = re.compile(r"(?:^|[,\s])max-age\s*=\s*(\d+)", re.IGNORECASE)


class FetchError(Exception):
    """The source could not be fetched; the message is the reason recorded on the source.

    `transient` errors (connection trouble, timeouts, 5xx) may succeed on a retry;
    `retry_after` is the server's own word, in seconds, on when to come back."""

    def __init__(self, reason: str, *, transient: bool = False, retry_after: float | None = None):
        super().__init__(reason)
        self.transient = transient
        self.retry_after = retry_after


@dataclass(frozen=True)
class FetchResult:
    """What a fetch brought back: a body, or word that nothing changed."""

    not_modified: bool
    body: bytes = b""
    url: str = ""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    max_age: float | None = None  # seconds the server says the response stays fresh


@dataclass(frozen=True)
class FetchPolicy:
    """How hard and how often we may ask one host."""

    host_gap: float = 1.0  # seconds between two requests to one host
    attempts: int = 3  # tries for a transient failure, the first one included
    retry_wait: float = 2.0  # first wait between tries; doubles each time
    max_seconds: float = 60.0  # a whole response must arrive within this, however slowly it drips


GATE: Gate = LOCAL_GATE  # the CLI and flows pass the shared gate instead (scrapers/hostgate.py)


def fetch(
    source: SourceConfig,
    *,
    client: httpx.Client,
    etag: str | None = None,
    last_modified: str | None = None,
    policy: FetchPolicy = FetchPolicy(),
    gate: Gate | None = None,
) -> FetchResult:
    """The source's current body, or not_modified; FetchError with the reason on failure.
    `gate` keeps one request at a time per host (default: this process's gate)."""
    if source.is_local:
        return _read_local(Path(source.url), etag)
    headers = {"If-None-Match": etag} if etag else {}
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    retrying = Retrying(
        stop=stop_after_attempt(max(policy.attempts, 1)),
        wait=wait_exponential(multiplier=policy.retry_wait, max=30),
        retry=retry_if_exception(lambda exc: isinstance(exc, FetchError) and _worth_retrying(exc)),
        reraise=True,
    )
    try:
        host = urlsplit(source.url).hostname or ""
    except ValueError as exc:
        raise FetchError(f"not a valid URL {source.url!r}: {exc}") from None
    for attempt in retrying:
        with attempt, (gate or GATE).turn(host, policy.host_gap):
            return get(source.url, client=client, headers=headers, policy=policy)
    raise AssertionError("unreachable")  # pragma: no cover


def _worth_retrying(exc: FetchError) -> bool:
    # When the server names a time to come back, we come back then, not in a few seconds.
    return exc.transient and exc.retry_after is None


def get(url: str, *, client: httpx.Client, headers: dict[str, str], policy: FetchPolicy) -> FetchResult:
    """One conditional GET; FetchError (transient or not) saying why it failed."""
    try:
        with client.stream("GET", url, headers=headers) as response:
            return _result(response, headers, policy)
    except httpx.TimeoutException:
        raise FetchError(f"timed out fetching {url}", transient=True) from None
    except httpx.TooManyRedirects:
        raise FetchError(f"too many redirects fetching {url} (a redirect loop?)") from None
    except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
        raise FetchError(f"cannot fetch {url}: {exc}") from None
    except httpx.ConnectError as exc:
        raise FetchError(f"cannot connect for {url}: {_reason(exc)}", transient=True) from None
    except httpx.HTTPError as exc:
        raise FetchError(f"cannot fetch {url}: {exc.__class__.__name__}: {_reason(exc)}",
                         transient=True) from None


def _result(response: httpx.Response, sent: dict[str, str], policy: FetchPolicy) -> FetchResult:
    max_age = _max_age(response.headers)
    if response.status_code == 304:
        return FetchResult(not_modified=True, url=str(response.url),
                           etag=response.headers.get("etag") or sent.get("If-None-Match"),
                           last_modified=sent.get("If-Modified-Since"), max_age=max_age)
    if response.status_code != 200:
        raise _status_error(response)
    return FetchResult(
        not_modified=False,
        body=_read_capped(response, policy.max_seconds),
        url=str(response.url),
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
        content_type=response.headers.get("content-type"),
        max_age=max_age,
    )


def _status_error(response: httpx.Response) -> FetchError:
    code = response.status_code
    retry_after = retry_after_seconds(response.headers.get("retry-after"))
    transient = code in (408, 425, 429) or code >= 500
    return FetchError(f"HTTP {code} from {response.url}", transient=transient, retry_after=retry_after)


def _read_capped(response: httpx.Response, max_seconds: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise FetchError(f"response of {declared} bytes refused: over the {MAX_BODY_BYTES}-byte cap")
    deadline = time.monotonic() + max_seconds
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():  # decoded: a gzip bomb is measured as it inflates
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise FetchError(f"response refused: over the {MAX_BODY_BYTES}-byte cap once decoded")
        if time.monotonic() > deadline:
            raise FetchError(f"response took over {max_seconds:.0f} s to arrive", transient=True)
        chunks.append(chunk)
    return b"".join(chunks)


def retry_after_seconds(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - (now or datetime.now(UTC))).total_seconds(), 0.0)


def _max_age(headers: httpx.Headers) -> float | None:
    cache_control = headers.get("cache-control", "")
    if "no-store" in cache_control or "no-cache" in cache_control:
        return None
    match = _MAX_AGE.search(cache_control)
    return float(match[1]) if match else None


def _reason(exc: Exception) -> str:
    text = str(exc) or exc.__class__.__name__
    if "CERTIFICATE_VERIFY_FAILED" in text or "SSL" in text:
        return f"TLS failure: {text}"
    return text


def _read_local(path: Path, etag: str | None) -> FetchResult:
    try:
        stat = path.stat()
        tag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
        if etag == tag:
            return FetchResult(not_modified=True, url=path.as_uri(), etag=tag)
        return FetchResult(not_modified=False, body=path.read_bytes(), url=path.as_uri(), etag=tag)
    except OSError as exc:
        raise FetchError(f"cannot read {path}: {exc.strerror or exc}") from None


def make_client(*, user_agent: str, timeout: float) -> httpx.Client:
    """An HTTP client with our User-Agent, timeouts and a redirect limit."""
    return httpx.Client(
        headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
        follow_redirects=True,
        max_redirects=5,
    )
