"""The classification test files' way of reading an entry: a post's title and text at a blog URL."""

from collections.abc import Callable

from scrapers.classify import Origin, Verdict, classify


def reader(blog: str) -> Callable[..., Verdict]:
    """classify(), with the post origin and `blog` as the URL unless a test gives others."""
    def read(title: str, text: str = "", url: str = blog, origin: Origin = Origin.POST) -> Verdict:
        return classify(title, text, url=url, origin=origin)
    return read
