"""A subscriber's own pages: subscribe, confirm, preferences (pause, resume, change of address,
unsubscribe, resubscribe), export and deletion.

A GET never changes anything (mail scanners prefetch links). A link's token is the credential for
what that link is for, and expires; forms carry a CSRF token as well.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response
from sqlmodel import Session

from db.engine import session_scope
from db.models import Subscriber
from emails.audience import AudienceError, address_hash, normalise_address, unsubscribe
from web import subscriptions, tokens
from web.app import PageError
from web.deps import Web, WebState, client_ip, ensure_csrf, render, user_agent
from web.mail import Mail, send
from web.subscriptions import Origin, SubscriptionError

router = APIRouter()

TOKEN_PAGE = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}
FormStr = Annotated[str, Form()]


def _origin(request: Request) -> Origin:
    return Origin(client_ip(request), user_agent(request))


def _link_error(exc: tokens.LinkError, *, again: tuple[str, str]) -> PageError:
    if exc.expired:
        return PageError(410, "This link has expired",
                         f"Links like this one last a limited time. {again[1]}: {again[0]}")
    return PageError(400, "This link is not valid",
                     "It may have been cut short or changed. Please use the link from your email.")


def _too_many() -> PageError:
    return PageError(429, "Too many requests", "Please wait a while before trying again.")


# --- subscribe -----------------------------------------------------------------------------------


@router.get("/subscribe", response_class=HTMLResponse)
def subscribe_form(request: Request, web: Web) -> Response:
    """The subscribe form."""
    return render(request, "site/subscribe.html.j2", error=None, email="")


@router.post("/subscribe", response_class=HTMLResponse)
def subscribe(request: Request, web: Web, email: FormStr = "", csrf_token: FormStr = "") -> Response:
    """Ask for a subscription: always 'check your inbox'; only the inbox learns what happened."""
    address = _asked_address(request, web, email, csrf_token, "site/subscribe.html.j2")
    if isinstance(address, Response):
        return address
    with session_scope(web.engine) as session:
        mail = subscriptions.request_subscription(session, email=address, origin=_origin(request),
                                                  settings=web.settings)
    return _sent(request, web, mail, address)


def _asked_address(request: Request, web: WebState, email: str, csrf_token: str,
                   template: str) -> str | Response:
    """The address a form asks about, once the CSRF token and both rate limits (this IP, this
    address) allow it; the form again, with the reason, when it is not an address."""
    ensure_csrf(request, {"csrf_token": csrf_token})
    if not web.limits.allow_subscribe_from(client_ip(request)):
        raise _too_many()
    try:
        address = normalise_address(email)
    except AudienceError:
        return render(request, template, 400, email=email[:320],
                      error="That does not look like an email address.")
    if not web.limits.allow_subscribe_of(address_hash(address)):
        raise _too_many()
    return address


def _sent(request: Request, web: WebState, mail: Mail | None, address: str) -> Response:
    """'Check your inbox' once the mail (if any) is handed to the backend; 503 if it refused it."""
    if mail is not None and not send(web.pages, web.settings, mail):
        raise PageError(503, "We could not send the email",
                        "Our mail service did not accept it. Please try again in a few minutes.")
    return render(request, "site/check_inbox.html.j2", address=address,
                  hours=subscriptions.hours(web.settings))


@router.get("/confirm/{token}", response_class=HTMLResponse)
def confirm_page(token: str, request: Request, web: Web) -> Response:
    """Asks to confirm; changes nothing."""
    _request_claim(web, token, purpose=tokens.CONFIRM_SALT)
    return render(request, "site/confirm.html.j2", headers=TOKEN_PAGE, what="subscription",
                  button="Confirm my subscription")


@router.post("/confirm/{token}", response_class=HTMLResponse)
def confirm(token: str, request: Request, web: Web) -> Response:
    """Confirm the subscription: the address starts receiving the newsletter."""
    claim = _request_claim(web, token, purpose=tokens.CONFIRM_SALT)
    with session_scope(web.engine) as session:
        subscriber = _or_page(lambda: subscriptions.confirm_subscription(session, claim=claim,
                                                                          origin=_origin(request)))
        link = subscriptions.preferences_url(web.settings, subscriber)
    return render(request, "site/confirmed.html.j2", headers=TOKEN_PAGE, email=subscriber.email,
                  preferences_url=link)


def _request_claim(web: WebState, token: str, *, purpose: str) -> tokens.RequestClaim:
    try:
        return tokens.read_request_token(web.settings.secret_key, token, purpose=purpose,
                                         max_age=web.settings.confirm_expiry_hours * 3600)
    except tokens.LinkError as exc:
        raise _link_error(exc, again=("/subscribe", "Ask again from the subscribe page")) from None


def _or_page(change: Callable[[], Subscriber]) -> Subscriber:
    try:
        return change()
    except SubscriptionError as exc:
        raise PageError(409, "That can't be done", str(exc)) from None


# --- a preferences link by email -----------------------------------------------------------------


@router.get("/preferences", response_class=HTMLResponse)
def preferences_request_form(request: Request, web: Web) -> Response:
    """Asks for an address to email a preferences link to."""
    return render(request, "site/preferences_request.html.j2", error=None, email="")


@router.post("/preferences", response_class=HTMLResponse)
def preferences_request(
    request: Request, web: Web, email: FormStr = "", csrf_token: FormStr = ""
) -> Response:
    """Email a preferences link if the address is subscribed; the page is the same either way."""
    address = _asked_address(request, web, email, csrf_token, "site/preferences_request.html.j2")
    if isinstance(address, Response):
        return address
    with session_scope(web.engine) as session:
        mail = subscriptions.request_preferences_link(session, email=address, settings=web.settings)
    return _sent(request, web, mail, address)


# --- preferences ---------------------------------------------------------------------------------


def _subscriber(session: Session, web: WebState, token: str) -> Subscriber:
    try:
        return subscriptions.subscriber_of_preferences(session, token=token, settings=web.settings)
    except tokens.LinkError as exc:
        raise _link_error(exc, again=("/preferences", "Ask for a new one")) from None


@router.get("/preferences/{token}", response_class=HTMLResponse)
def preferences(token: str, request: Request, web: Web) -> Response:
    """The subscriber's preferences: status, pause or resume, address, export, delete."""
    with session_scope(web.engine) as session:
        subscriber = _subscriber(session, web, token)
    return _preferences_page(request, token, subscriber, notice=None)


def _preferences_page(request: Request, token: str, subscriber: Subscriber, *, notice: str | None,
                      status: int = 200, error: str | None = None) -> Response:
    return render(request, "site/preferences.html.j2", status, headers=TOKEN_PAGE, token=token,
                  subscriber=subscriber, state=str(subscriber.status), notice=notice, error=error)


Change = Callable[[Session, Subscriber, Origin], None]


def _unsubscribe(session: Session, subscriber: Subscriber, origin: Origin) -> None:
    assert subscriber.id is not None
    try:
        unsubscribe(session, subscriber_id=subscriber.id)
    except AudienceError:
        raise SubscriptionError("This subscription can't be changed from here.") from None


ACTIONS: dict[str, tuple[Change, str]] = {
    "pause": (lambda session, s, _: subscriptions.pause(session, subscriber=s),
              "Paused: we won't send you issues until you resume."),
    "resume": (lambda session, s, _: subscriptions.resume(session, subscriber=s),
               "Resumed: the next issue comes to you."),
    "unsubscribe": (_unsubscribe,
                    "You're unsubscribed. You can subscribe again from this page at any time."),
    "resubscribe": (lambda session, s, origin: subscriptions.resubscribe_by_link(session, subscriber=s,
                                                                                 origin=origin),
                    "Welcome back: you're subscribed again."),
}


@router.post("/preferences/{token}/{action}", response_class=HTMLResponse)
def preferences_action(token: str, action: str, request: Request, web: Web,
                       csrf_token: FormStr = "") -> Response:
    """Pause, resume, unsubscribe or resubscribe; the page again, saying what changed."""
    if action not in ACTIONS:
        raise PageError(404, "Not found", "There is nothing here.")
    ensure_csrf(request, {"csrf_token": csrf_token})
    change, notice = ACTIONS[action]
    with session_scope(web.engine) as session:
        subscriber = _subscriber(session, web, token)
        try:
            change(session, subscriber, _origin(request))
        except SubscriptionError as exc:
            return _preferences_page(request, token, subscriber, notice=None, status=409, error=str(exc))
    return _preferences_page(request, token, subscriber, notice=notice)


@router.post("/preferences/{token}/address/change", response_class=HTMLResponse)
def change_address(token: str, request: Request, web: Web, email: FormStr = "",
                   csrf_token: FormStr = "") -> Response:
    """Send a confirmation to the new address; the subscription moves there once it is confirmed."""
    ensure_csrf(request, {"csrf_token": csrf_token})
    if not web.limits.allow_subscribe_from(client_ip(request)):
        raise _too_many()
    with session_scope(web.engine) as session:
        subscriber = _subscriber(session, web, token)
        try:
            mail = subscriptions.request_address_change(session, subscriber=subscriber, new_email=email,
                                                        origin=_origin(request), settings=web.settings)
        except (AudienceError, SubscriptionError) as exc:
            message = (str(exc) if isinstance(exc, SubscriptionError)
                       else "That does not look like an email address.")
            return _preferences_page(request, token, subscriber, notice=None, status=400, error=message)
    if not send(web.pages, web.settings, mail):
        raise PageError(503, "We could not send the email",
                        "Our mail service did not accept it. Please try again in a few minutes.")
    return _preferences_page(request, token, subscriber,
                             notice=f"We sent a link to {mail.to}: your subscription moves there once you "
                                    "open it. Until then it stays at this address.")


@router.get("/confirm-address/{token}", response_class=HTMLResponse)
def confirm_address_page(token: str, request: Request, web: Web) -> Response:
    """Asks to confirm the new address; changes nothing."""
    _address_claim(web, token)
    return render(request, "site/confirm.html.j2", headers=TOKEN_PAGE, what="new address",
                  button="Use this address")


@router.post("/confirm-address/{token}", response_class=HTMLResponse)
def confirm_address(token: str, request: Request, web: Web) -> Response:
    """Move the subscription to the confirmed new address."""
    claim = _address_claim(web, token)
    with session_scope(web.engine) as session:
        subscriber = _or_page(lambda: subscriptions.confirm_address_change(session, claim=claim,
                                                                            origin=_origin(request)))
        link = subscriptions.preferences_url(web.settings, subscriber)
    return render(request, "site/confirmed.html.j2", headers=TOKEN_PAGE, email=subscriber.email,
                  preferences_url=link)


def _address_claim(web: WebState, token: str) -> tokens.RequestClaim:
    try:
        return tokens.read_request_token(web.settings.secret_key, token, purpose=tokens.ADDRESS_SALT,
                                         max_age=web.settings.confirm_expiry_hours * 3600)
    except tokens.LinkError as exc:
        raise _link_error(exc, again=("/preferences", "Ask for a new preferences link")) from None


# --- export and delete ---------------------------------------------------------------------------


@router.post("/preferences/{token}/export/json")
def export(token: str, request: Request, web: Web, csrf_token: FormStr = "") -> Response:
    """Everything we hold about the subscriber, as a JSON download."""
    ensure_csrf(request, {"csrf_token": csrf_token})
    with session_scope(web.engine) as session:
        data = subscriptions.export_data(session, subscriber=_subscriber(session, web, token))
    download = {"Content-Disposition": 'attachment; filename="my-verdicts-data.json"'}
    return Response(json.dumps(data, indent=2, ensure_ascii=False), media_type="application/json",
                    headers={**TOKEN_PAGE, **download})


@router.get("/preferences/{token}/delete/confirm", response_class=HTMLResponse)
def delete_page(token: str, request: Request, web: Web) -> Response:
    """Asks to confirm the deletion; changes nothing."""
    with session_scope(web.engine) as session:
        subscriber = _subscriber(session, web, token)
    return render(request, "site/delete.html.j2", headers=TOKEN_PAGE, token=token, email=subscriber.email)


@router.post("/preferences/{token}/delete/confirm", response_class=HTMLResponse)
def delete(token: str, request: Request, web: Web, csrf_token: FormStr = "") -> Response:
    """Delete the address and personal data (votes stay, anonymous; the address's hash is suppressed)."""
    ensure_csrf(request, {"csrf_token": csrf_token})
    with session_scope(web.engine) as session:
        subscriber = _subscriber(session, web, token)
        email = subscriber.email
        subscriptions.delete_subscriber(session, subscriber=subscriber)
    return render(request, "site/deleted.html.j2", headers=TOKEN_PAGE, email=email)
