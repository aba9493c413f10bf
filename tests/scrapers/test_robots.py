from http.server import BaseHTTPRequestHandler

import httpx
import pytest

from scrapers.robots import MAX_ROBOTS_BYTES, RobotsCache
from tests.servers.feed_server import FeedServer

UA = "VerdictsBot/0.1 (+https://verdicts.example.com/bot)"
ROBOTS = b"""\
User-agent: VerdictsBot
Disallow: /private/
Allow: /private/launches
Crawl-delay: 2.5

User-agent: *
Disallow: /
"""


def answer(status: int, body: bytes = b"") -> object:
    def handler(request: BaseHTTPRequestHandler) -> None:
        request.send_response(status)
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    return handler


def robots_requests(server: FeedServer) -> int:
    return sum(1 for path, _ in server.requests if path == "/robots.txt")


@pytest.fixture
def client():
    with httpx.Client(timeout=5) as client:
        yield client


@pytest.mark.parametrize(
    ("path", "user_agent", "expected"),
    [
        ("/news", UA, True),
        ("/private/drafts", UA, False),
        ("/private/launches", UA, True),
        ("/news", "SomeOtherBot/1.0", False),
    ],
)
def test_rules_for_our_user_agent(client, path, user_agent, expected):
    with FeedServer(routes={"/robots.txt": ROBOTS}) as server:
        assert RobotsCache().allowed(server.url + path, user_agent=user_agent, client=client) is expected


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (404, True),  # no robots.txt: everything allowed
        (410, True),
        (403, True),  # RFC 9309: any 4xx means "unavailable", so allowed
        (429, False),  # but being told to slow down is not permission
        (500, False),  # server error: treat as complete disallow
        (503, False),
    ],
)
def test_robots_status(client, status, expected):
    with FeedServer(custom={"/robots.txt": answer(status)}) as server:
        assert RobotsCache().allowed(server.url + "/news", user_agent=UA, client=client) is expected


def test_unreachable_host_is_disallowed_and_remembered(client):
    with FeedServer() as server:
        url = server.url
    cache = RobotsCache()  # the server is gone: connection refused
    assert cache.allowed(url + "/news", user_agent=UA, client=client) is False
    assert cache.allowed(url + "/other", user_agent=UA, client=client) is False


def test_fetched_once_per_host(client):
    with FeedServer(routes={"/robots.txt": ROBOTS}) as first, \
            FeedServer(custom={"/robots.txt": answer(500)}) as second:
        cache = RobotsCache()
        for path in ("/news", "/private/x", "/news?page=2"):
            cache.allowed(first.url + path, user_agent=UA, client=client)
            cache.allowed(second.url + path, user_agent=UA, client=client)
        assert robots_requests(first) == 1
        assert robots_requests(second) == 1  # a failure is remembered, not retried per page
        assert robots_requests(first) + robots_requests(second) == len(first.requests) + len(second.requests)
        RobotsCache().allowed(first.url + "/news", user_agent=UA, client=client)
        assert robots_requests(first) == 2  # a new cache asks again


def test_crawl_delay(client):
    with FeedServer(routes={"/robots.txt": ROBOTS}) as server, \
            FeedServer(custom={"/robots.txt": answer(404)}) as plain:
        cache = RobotsCache()
        host = server.url.removeprefix("http://")
        assert cache.crawl_delay(host, UA) is None  # not checked yet
        cache.allowed(server.url + "/news", user_agent=UA, client=client)
        cache.allowed(plain.url + "/news", user_agent=UA, client=client)
        assert cache.crawl_delay(host, UA) == 2.5
        assert cache.crawl_delay(server.url + "/any/page", UA) == 2.5
        assert cache.crawl_delay(plain.url, UA) is None


def test_redirected_robots_is_followed(client):
    def redirect(request: BaseHTTPRequestHandler) -> None:
        request.send_response(301)
        request.send_header("Location", "/real-robots.txt")
        request.send_header("Content-Length", "0")
        request.end_headers()

    with FeedServer(routes={"/real-robots.txt": ROBOTS}, custom={"/robots.txt": redirect}) as server:
        assert RobotsCache().allowed(server.url + "/private/x", user_agent=UA, client=client) is False
        assert RobotsCache().allowed(server.url + "/news", user_agent=UA, client=client) is True


def test_only_the_first_500_kib_are_read(client):
    # a rule past the cap is never seen
    padding = b"# " + b"x" * 100 + b"\n"
    body = b"User-agent: *\nDisallow: /early\n" + padding * (MAX_ROBOTS_BYTES // len(padding) + 1)
    body += b"Disallow: /late\n"
    with FeedServer(routes={"/robots.txt": body}) as server:
        cache = RobotsCache()
        assert cache.allowed(server.url + "/early", user_agent=UA, client=client) is False
        assert cache.allowed(server.url + "/late", user_agent=UA, client=client) is True


def test_local_files_need_no_robots(client):
    assert RobotsCache().allowed("file:///srv/pages/news.html", user_agent=UA, client=client)
