"""A subscriber's own changes, made from the site: subscribe (double opt-in), confirm, resubscribe,
pause and resume, change of address, export of their data, deletion.

Nothing here tells the person at the form whether an address is subscribed: each request ends in
"check your inbox", and only the inbox's owner learns more, from the email.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session

from db import queries, web_queries
from db.models import ConsentRecord, Subscriber, utcnow
from db.states import IllegalTransition, SubscriberStatus, move
from emails.audience import address_hash, normalise_address
from verdicts.settings import Settings
from web import tokens
from web.mail import Mail

# Addresses that get no email at all, whatever is asked: the provider told us not to, or an editor did.
NEVER_MAILED = frozenset({SubscriberStatus.BOUNCED, SubscriberStatus.COMPLAINED, SubscriberStatus.SUPPRESSED})
SUBSCRIBED = frozenset({SubscriberStatus.ACTIVE, SubscriberStatus.PAUSED})


class SubscriptionError(ValueError):
    """A change the subscriber asked for cannot be made; the message says why, in their words."""


@dataclass(frozen=True)
class Origin:
    """Where a request came from: recorded with the consent."""

    ip: str | None
    user_agent: str | None


def _url(settings: Settings, path: str) -> str:
    return f"{settings.public_base_url.rstrip('/')}{path}"


def preferences_url(settings: Settings, subscriber: Subscriber) -> str:
    """The subscriber's link to their preferences page."""
    assert subscriber.id is not None
    token = tokens.preferences_token(settings.secret_key, subscriber.id, subscriber.email)
    return _url(settings, f"/preferences/{token}")


def _request_url(settings: Settings, record: ConsentRecord, *, purpose: str, path: str) -> str:
    assert record.id is not None
    claim = tokens.RequestClaim(record.subscriber_id, record.id)
    return _url(settings, f"{path}/{tokens.request_token(settings.secret_key, claim, purpose=purpose)}")


def hours(settings: Settings) -> str:
    """'48 hours': how long a confirm link lasts, in words."""
    value = settings.confirm_expiry_hours
    return f"{value:g} hour{'s' if value != 1 else ''}"


# --- subscribe and confirm -----------------------------------------------------------------------


def request_subscription(session: Session, *, email: str, origin: Origin, settings: Settings) -> Mail | None:
    """The email to send for a subscribe form (None: the address gets none); AudienceError if the
    address is not valid. A new address is stored as pending, with its consent record."""
    address = normalise_address(email)
    subscriber = queries.get_subscriber_by_email(session, email=address)
    if subscriber is None:
        subscriber = Subscriber(email=address, status=SubscriberStatus.PENDING)
        session.add(subscriber)
        session.flush()
    status = SubscriberStatus(subscriber.status)
    if status in NEVER_MAILED:
        return None
    if status in SUBSCRIBED:
        return Mail(address, "already_subscribed", f"You're already subscribed to {settings.sender_name}",
                    {"preferences_url": preferences_url(settings, subscriber), "paused": status ==
                     SubscriberStatus.PAUSED})
    assert subscriber.id is not None
    action = "resubscribe" if status == SubscriberStatus.UNSUBSCRIBED else "subscribe"
    record = web_queries.add_consent(session, subscriber_id=subscriber.id, email=address, action=action,
                                     ip=origin.ip, user_agent=origin.user_agent)
    url = _request_url(settings, record, purpose=tokens.CONFIRM_SALT, path="/confirm")
    return Mail(address, "confirm", f"Confirm your subscription to {settings.sender_name}",
                {"confirm_url": url, "expires": hours(settings), "resubscribe": action == "resubscribe"})


def pending_request(session: Session, claim: tokens.RequestClaim, *, actions: tuple[str, ...]) -> tuple[
        Subscriber, ConsentRecord]:
    """The subscriber and consent record a link names; SubscriptionError if they no longer match."""
    record = web_queries.get_consent(session, consent_id=claim.consent_id)
    subscriber = session.get(Subscriber, claim.subscriber_id)
    if record is None or subscriber is None or record.subscriber_id != subscriber.id:
        raise SubscriptionError("We have no request for this link any more.")
    if record.action not in actions:
        raise SubscriptionError("This link is for something else.")
    return subscriber, record


def confirm_subscription(session: Session, *, claim: tokens.RequestClaim, origin: Origin) -> Subscriber:
    """Confirm a (re)subscription: the subscriber is active; harmless when repeated."""
    subscriber, record = pending_request(session, claim, actions=("subscribe", "resubscribe"))
    if subscriber.email != record.email:
        raise SubscriptionError("This subscription's address has changed since the link was sent.")
    status = SubscriberStatus(subscriber.status)
    if status in NEVER_MAILED:
        raise SubscriptionError("This address cannot be subscribed. Please write to us if that is a mistake.")
    if status == SubscriberStatus.UNSUBSCRIBED:
        move(subscriber, SubscriberStatus.PENDING)
    if SubscriberStatus(subscriber.status) == SubscriberStatus.PENDING:
        move(subscriber, SubscriberStatus.ACTIVE)
        subscriber.confirmed_at = utcnow()
    if record.confirmed_at is None:
        record.confirmed_at, record.confirm_ip, record.confirm_user_agent = (
            utcnow(), origin.ip, origin.user_agent)
    web_queries.lift_suppression(session, address_hash=address_hash(subscriber.email))
    session.add_all([subscriber, record])
    return subscriber


# --- preferences ---------------------------------------------------------------------------------


def subscriber_of_preferences(session: Session, *, token: str, settings: Settings) -> Subscriber:
    """The subscriber a preferences link names; LinkError if it is bad, expired, or for an old address."""
    subscriber_id, digest = tokens.read_preferences_token(
        settings.secret_key, token, max_age=settings.preferences_link_days * 86400)
    subscriber = session.get(Subscriber, subscriber_id)
    if subscriber is None or tokens.address_digest(settings.secret_key, subscriber.email) != digest:
        raise tokens.LinkError("this link is not valid")
    return subscriber


def request_preferences_link(session: Session, *, email: str, settings: Settings) -> Mail | None:
    """The email carrying a preferences link, for a subscribed address (None for any other)."""
    subscriber = queries.get_subscriber_by_email(session, email=normalise_address(email))
    if subscriber is None or SubscriberStatus(subscriber.status) in NEVER_MAILED:
        return None
    return Mail(subscriber.email, "preferences_link", f"Your {settings.sender_name} preferences",
                {"preferences_url": preferences_url(settings, subscriber)})


def pause(session: Session, *, subscriber: Subscriber) -> None:
    """Stop issues until the subscriber resumes; harmless when paused; SubscriptionError otherwise."""
    _move(session, subscriber, SubscriberStatus.PAUSED, "Only an active subscription can be paused.")


def resume(session: Session, *, subscriber: Subscriber) -> None:
    """Send issues again; harmless when active; SubscriptionError if not paused."""
    _move(session, subscriber, SubscriberStatus.ACTIVE, "Only a paused subscription can be resumed.")


def resubscribe_by_link(session: Session, *, subscriber: Subscriber, origin: Origin) -> None:
    """Subscribe an unsubscribed address again from its preferences link: the emailed link proves
    the address is theirs, so the consent is confirmed at once. SubscriptionError if not unsubscribed."""
    if subscriber.status != SubscriberStatus.UNSUBSCRIBED:
        raise SubscriptionError("Only an unsubscribed address can subscribe again.")
    assert subscriber.id is not None
    record = web_queries.add_consent(session, subscriber_id=subscriber.id, email=subscriber.email,
                                     action="resubscribe", ip=origin.ip, user_agent=origin.user_agent)
    record.confirmed_at, record.confirm_ip, record.confirm_user_agent = utcnow(), origin.ip, origin.user_agent
    move(subscriber, SubscriberStatus.PENDING)
    move(subscriber, SubscriberStatus.ACTIVE)
    session.add_all([subscriber, record])


def _move(session: Session, subscriber: Subscriber, target: SubscriberStatus, refusal: str) -> None:
    if subscriber.status == target:
        return
    try:
        move(subscriber, target)
    except IllegalTransition:
        raise SubscriptionError(refusal) from None
    session.add(subscriber)


def request_address_change(
    session: Session, *, subscriber: Subscriber, new_email: str, origin: Origin, settings: Settings
) -> Mail:
    """The confirmation to send to the new address; the old one stays until it is confirmed.
    AudienceError for an invalid address, SubscriptionError for the same one."""
    address = normalise_address(new_email)
    if address == subscriber.email:
        raise SubscriptionError("That is already your address.")
    assert subscriber.id is not None
    record = web_queries.add_consent(session, subscriber_id=subscriber.id, email=address,
                                     action="change_address", ip=origin.ip, user_agent=origin.user_agent)
    url = _request_url(settings, record, purpose=tokens.ADDRESS_SALT, path="/confirm-address")
    return Mail(address, "confirm_address", f"Confirm your new address for {settings.sender_name}",
                {"confirm_url": url, "expires": hours(settings), "old_address": subscriber.email})


def confirm_address_change(session: Session, *, claim: tokens.RequestClaim, origin: Origin) -> Subscriber:
    """Move the subscription to the confirmed new address; SubscriptionError if it is taken."""
    subscriber, record = pending_request(session, claim, actions=("change_address",))
    if subscriber.email != record.email:
        other = queries.get_subscriber_by_email(session, email=record.email)
        if other is not None:
            raise SubscriptionError(f"{record.email} already has its own subscription: manage it from "
                                    "that subscription's preferences.")
        subscriber.email = record.email
        web_queries.lift_suppression(session, address_hash=address_hash(record.email))
    if record.confirmed_at is None:
        record.confirmed_at, record.confirm_ip, record.confirm_user_agent = (
            utcnow(), origin.ip, origin.user_agent)
    session.add_all([subscriber, record])
    return subscriber


# --- the subscriber's own data -------------------------------------------------------------------


def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def export_data(session: Session, *, subscriber: Subscriber) -> dict[str, Any]:
    """Everything stored about the subscriber, as JSON-ready data."""
    assert subscriber.id is not None
    votes = web_queries.votes_by(session, subscriber_id=subscriber.id)
    titles = web_queries.comparison_titles(session, comparison_ids=[v.comparison_id for v, _ in votes])
    return {
        "subscriber": {
            "email": subscriber.email, "name": subscriber.name, "status": str(subscriber.status),
            "created_at": _when(subscriber.created_at), "confirmed_at": _when(subscriber.confirmed_at),
            "unsubscribed_at": _when(subscriber.unsubscribed_at),
        },
        "consents": [
            {"email": c.email, "action": c.action, "requested_at": _when(c.requested_at),
             "request_ip": c.request_ip, "request_user_agent": c.request_user_agent,
             "confirmed_at": _when(c.confirmed_at), "confirm_ip": c.confirm_ip,
             "confirm_user_agent": c.confirm_user_agent}
            for c in web_queries.consents_of(session, subscriber_id=subscriber.id)
        ],
        "deliveries": [
            {"issue": week, "status": str(d.status), "updated_at": _when(d.updated_at)}
            for d, week in web_queries.deliveries_of(session, subscriber_id=subscriber.id)
        ],
        "votes": [
            {"comparison": " vs ".join(titles.get(v.comparison_id, ("?", "?"))), "tool": name,
             "decision": v.decision, "at": _when(v.created_at)}
            for v, name in votes
        ],
    }


def delete_subscriber(session: Session, *, subscriber: Subscriber) -> None:
    """Delete the subscriber's address and personal data; keep their votes anonymously and the
    address's hash on the suppression list, so that no import adds it back."""
    assert subscriber.id is not None
    web_queries.suppress_hash(session, address_hash=address_hash(subscriber.email), reason="deleted")
    web_queries.delete_subscriber_data(session, subscriber_id=subscriber.id)



# --- what editors do from the desk ---------------------------------------------------------------


def suppress(session: Session, *, subscriber: Subscriber) -> None:
    """Stop all mail to the address; harmless when suppressed; SubscriptionError if it can't be."""
    _move(session, subscriber, SubscriberStatus.SUPPRESSED,
          f"A {subscriber.status} address cannot be suppressed: it gets no mail already.")


def restore(session: Session, *, subscriber: Subscriber) -> None:
    """Lift a suppression: active again if the address was ever confirmed, else pending."""
    if subscriber.status != SubscriberStatus.SUPPRESSED:
        raise SubscriptionError("Only a suppressed address can be restored.")
    target = SubscriberStatus.ACTIVE if subscriber.confirmed_at else SubscriberStatus.PENDING
    _move(session, subscriber, target, "Only a suppressed address can be restored.")
