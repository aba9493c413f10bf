"""Rate limits for the subscribe form and the desk's login, with counters every worker shares.

The strategy is the `limits` library's fixed window. Its counters live in the database by default
(`DatabaseStorage`, a `limits` storage over our own table), or wherever VERDICTS_RATE_LIMIT_STORAGE
points (`redis://…`, any storage `limits` knows). Never in one process's memory: with several
workers, a per-process counter multiplies the limit by the number of workers.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass

from limits import RateLimitItem, parse
from limits.storage import Storage, storage_from_string
from limits.strategies import FixedWindowRateLimiter
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from db import web_queries
from db.engine import session_scope
from verdicts.settings import Settings

PURGE_ONE_IN = 200  # hits; each purge deletes the windows that expired


class DatabaseStorage(Storage):
    """A `limits` storage on the rate_limit_counters table: one upsert per hit, on SQLite or PostgreSQL."""

    STORAGE_SCHEME = ["verdicts+database"]

    def __init__(self, uri: str | None = None, *, engine: Engine, **options: float | str | bool) -> None:
        super().__init__(uri, **options)
        self.engine = engine

    @property
    def base_exceptions(self) -> type[Exception] | tuple[type[Exception], ...]:
        return SQLAlchemyError

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        now = time.time()
        with session_scope(self.engine) as session:
            if random.randrange(PURGE_ONE_IN) == 0:
                web_queries.rate_limit_clear(session, expired_before=now)
            return web_queries.rate_limit_incr(session, key=key, amount=amount, expiry=expiry, now=now)

    def get(self, key: str) -> int:
        with session_scope(self.engine) as session:
            return web_queries.rate_limit_get(session, key=key, now=time.time())[0]

    def get_expiry(self, key: str) -> float:
        with session_scope(self.engine) as session:
            return web_queries.rate_limit_get(session, key=key, now=time.time())[1]

    def check(self) -> bool:
        try:
            self.get("health")
        except SQLAlchemyError:
            return False
        return True

    def reset(self) -> int | None:
        with session_scope(self.engine) as session:
            return web_queries.rate_limit_clear(session)

    def clear(self, key: str) -> None:
        with session_scope(self.engine) as session:
            web_queries.rate_limit_clear(session, key=key)


def make_storage(settings: Settings, engine: Engine) -> Storage:
    """The configured counter storage: the database, or the `limits` storage URI in the settings."""
    if not settings.rate_limit_storage:
        return DatabaseStorage(engine=engine)
    return storage_from_string(settings.rate_limit_storage)  # type: ignore[return-value]


@dataclass(frozen=True)
class RateLimits:
    """The app's limits over one shared storage."""

    limiter: FixedWindowRateLimiter
    subscribe_per_ip: RateLimitItem
    subscribe_per_address: RateLimitItem
    login_failures_per_ip: RateLimitItem
    login_failures_per_account: RateLimitItem

    @classmethod
    def from_settings(cls, settings: Settings, engine: Engine) -> RateLimits:
        """The limits the settings name, counted in the configured storage."""
        return cls(
            limiter=FixedWindowRateLimiter(make_storage(settings, engine)),
            subscribe_per_ip=parse(settings.subscribe_limit_per_ip),
            subscribe_per_address=parse(settings.subscribe_limit_per_address),
            login_failures_per_ip=parse(settings.login_failures_per_ip),
            login_failures_per_account=parse(settings.login_failures_per_account),
        )

    def allow_subscribe_from(self, ip: str) -> bool:
        """Count one form submission from `ip`; False once the IP is over its limit."""
        return self.limiter.hit(self.subscribe_per_ip, "subscribe-ip", ip)

    def allow_subscribe_of(self, address_key: str) -> bool:
        """Count one request for an address (by its hash); False once it is over its limit."""
        return self.limiter.hit(self.subscribe_per_address, "subscribe-address", address_key)

    def may_try_login(self, *, ip: str, account: str) -> bool:
        """Whether another login attempt is allowed (failures so far are under both limits)."""
        return (self.limiter.test(self.login_failures_per_ip, "login-ip", ip)
                and self.limiter.test(self.login_failures_per_account, "login-account", account))

    def count_login_failure(self, *, ip: str, account: str) -> None:
        """Note one failed login for the IP and for the account."""
        self.limiter.hit(self.login_failures_per_ip, "login-ip", ip)
        self.limiter.hit(self.login_failures_per_account, "login-account", account)

    def forget_login_failures(self, *, account: str) -> None:
        """A successful login clears the account's failures (not the IP's)."""
        self.limiter.clear(self.login_failures_per_account, "login-account", account)
