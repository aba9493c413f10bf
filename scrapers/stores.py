"""Stores, marketplaces, extension directories and registries, by the pages that list one product.

`scrapers.classify` reads an entry at such a page as the store's listing of the product it lists;
`scrapers.facts.distribution` reads the store as a place the product is distributed, where the labelled
sets agree that it is one (Apple's App Store and Google Play pages are labelled both ways, so they name
no store). A page is matched as host and path: `host_of(url)` (no "www.") then the URL's path.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from scrapers.normalise import host_of

# (pattern of a listing page's host and path, the store it names as a distribution or None)
LISTING_PAGES: tuple[tuple[str, str | None], ...] = (
    (r"marketplace\.visualstudio\.com/items/?$", "VS Code Marketplace"),
    (r"open-vsx\.org/extension/[^/]+/[^/]+", "Open VSX"),
    (r"plugins\.jetbrains\.com/plugin/\d+", "JetBrains Marketplace"),
    (r"chromewebstore\.google\.com/detail/[^/]+", "Chrome Web Store"),
    (r"chrome\.google\.com/webstore/detail/[^/]+", "Chrome Web Store"),
    (r"addons\.mozilla\.org/(?:[\w-]+/)?(?:firefox|android)/addon/[^/]+", "Firefox Add-ons"),
    (r"microsoftedge\.microsoft\.com/addons/detail/[^/]+", None),
    (r"discord\.com/application-directory/\d+", "Discord App Directory"),
    (r"slack\.com/(?:marketplace|apps)/A[0-9A-Z]{6,}", "Slack Marketplace"),
    (r"marketplace\.zoom\.us/apps/[^/]+", None),
    (r"appsource\.microsoft\.com/[\w-]+/product/[^/]+", None),
    (r"apps\.shopify\.com/(?!(?:partners|categories|collections|search|stories|browse)(?:/|$))[\w-]+/?$",
     "Shopify App Store"),
    (r"raycast\.com/(?!(?:blog|changelog|pro|teams|pricing|store|developers|ai|about|careers|press|extensions"
     r"|manual|faq|legal|contact|community)/)[\w-]+/[\w-]+/?$", "Raycast Store"),
    (r"apps\.apple\.com/(?:[a-z]{2}/)?app/[^/]+", None),
    (r"play\.google\.com/store/apps/details", None),
    (r"apps\.microsoft\.com/(?:store/)?detail/[^/]+", None),
    (r"marketplace\.atlassian\.com/apps/\d+", None),
    (r"github\.com/marketplace/(?!(?:actions|category|collections)?/?$)[\w-]+/?$", None),
    (r"wordpress\.org/plugins/[\w-]+/?$", None),
    (r"figma\.com/community/plugin/\d+", None),
)
# A registry's or a cloud marketplace's page of one package or product: a distribution, though
# classify reads these pages by their own rules (a registry's version page is a release).
REGISTRY_PAGES: tuple[tuple[str, str], ...] = (
    (r"pypi\.org/project/[\w.-]+", "PyPI"),
    (r"npmjs\.com/package/", "npm"),
    (r"aws\.amazon\.com/marketplace/pp/", "AWS Marketplace"),
)

STORE_LISTING = re.compile("^(?:" + "|".join(pattern for pattern, _ in LISTING_PAGES) + ")", re.IGNORECASE)
_DISTRIBUTED_AT = tuple((re.compile(pattern, re.IGNORECASE), store)
                        for pattern, store in (*LISTING_PAGES, *REGISTRY_PAGES) if store)


def host_and_path(url: str | None) -> str | None:
    """The URL's host (no "www.") and path, as the listing patterns read it."""
    host = host_of(url)
    return f"{host}{urlsplit(url or '').path}" if host else None


def listing_store(url: str | None) -> str | None:
    """The store whose page of one product the URL is, as a distribution, or None."""
    where = host_and_path(url)
    if where is None:
        return None
    return next((store for pattern, store in _DISTRIBUTED_AT if pattern.match(where)), None)
