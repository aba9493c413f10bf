"""The editor's desk: sign in, the issues, a preview of the exact email, approve or reject with a
note, and the subscribers (search, consent and deliveries, suppress or restore, CSV export)."""

from __future__ import annotations

import csv
import io
import logging
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, BackgroundTasks, Form, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from sqlmodel import Session

from db import desk_queries, queries, web_queries
from db.engine import session_scope
from db.models import NewsletterIssue, PanelReview, Subscriber, Tool, utcnow
from db.queries import NotFound
from db.states import IssueStatus, SubscriberStatus
from editorial import takes
from editorial.decisions import ACTIONS, DecisionError, clear, decide
from editorial.issues import ApprovalError, approve_issue, reject_issue
from editorial.presentation import comparisons_summary
from editorial.takes import TakeError
from emails.render import GMAIL_CLIP_BYTES
from verdicts.settings import Settings
from web import editors, preview, subscriptions
from web.app import PageError
from web.deps import (
    DESK_COOKIE,
    CurrentEditor,
    Web,
    client_ip,
    desk_binding,
    ensure_csrf,
    render,
)
from web.security import email_preview_policy
from web.subscriptions import SubscriptionError
from web.tokens import desk_session_token

log = logging.getLogger(__name__)
router = APIRouter(prefix="/desk")

DESK_PAGE = {"Cache-Control": "no-store", "Referrer-Policy": "same-origin"}
FormStr = Annotated[str, Form()]
PAGE_SIZE = 50
CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _page(request: Request, name: str, editor: object, status: int = 200, **values: object) -> HTMLResponse:
    return render(request, f"site/desk/{name}", status, binding=desk_binding(editor),  # type: ignore[arg-type]
                  headers=DESK_PAGE, editor=editor, **values)


# --- signing in and out --------------------------------------------------------------------------


def _safe_next(target: str) -> str:
    """Where to go after signing in: a desk path of this site, never another site."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.startswith("/desk") or target.startswith("//"):
        return "/desk"
    return target


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, web: Web, next: str = "/desk") -> Response:
    """The sign-in form."""
    return render(request, "site/desk/login.html.j2", headers=DESK_PAGE, next=_safe_next(next), error=None,
                  email="")


@router.post("/login", response_class=HTMLResponse)
def login(request: Request, web: Web, email: FormStr = "", password: FormStr = "", next: FormStr = "/desk",
          csrf_token: FormStr = "") -> Response:
    """Sign in: a session cookie and on to the desk; failures are limited per address and per IP."""
    ensure_csrf(request, {"csrf_token": csrf_token})
    ip, account = client_ip(request), email.strip().lower()[:320]
    if not web.limits.may_try_login(ip=ip, account=account):
        raise PageError(429, "Too many failed sign-ins", "Please wait a while before trying again.")
    with session_scope(web.engine) as session:
        editor = editors.authenticate(session, email=email, password=password)
        token = desk_session_token(web.settings.secret_key, editor.id, editor.session_epoch) if editor else ""
    if editor is None:
        web.limits.count_login_failure(ip=ip, account=account)
        return render(request, "site/desk/login.html.j2", 401, headers=DESK_PAGE, next=_safe_next(next),
                      error="That address and password do not match an editor account.", email=email[:320])
    web.limits.forget_login_failures(account=account)
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(DESK_COOKIE, token, max_age=int(web.settings.desk_session_hours * 3600),
                        httponly=True, samesite="lax", secure=web.secure_cookies, path="/desk")
    return response


@router.post("/logout")
def logout(request: Request, web: Web, editor: CurrentEditor, csrf_token: FormStr = "") -> Response:
    """Sign out, on every device (the session epoch moves on)."""
    ensure_csrf(request, {"csrf_token": csrf_token}, binding=desk_binding(editor))
    with session_scope(web.engine) as session:
        row = web_queries.get_editor(session, editor_id=editor.id or 0)
        if row is not None:
            editors.end_sessions(session, editor=row)
    response = RedirectResponse("/desk/login", status_code=303)
    response.delete_cookie(DESK_COOKIE, path="/desk")
    return response


# --- issues --------------------------------------------------------------------------------------


@router.get("", response_class=HTMLResponse)
def desk_home(request: Request, web: Web, editor: CurrentEditor) -> Response:
    """The issues, drafts first, and the subscriber counts."""
    with session_scope(web.engine) as session:
        issues = list(queries.list_issues(session))
        counts = web_queries.subscriber_counts(session)
    drafts = [i for i in issues if i.status == IssueStatus.DRAFT]
    others = [i for i in issues if i.status != IssueStatus.DRAFT]
    return _page(request, "home.html.j2", editor, drafts=drafts, others=others, counts=counts)


def _issue(session: Session, issue_id: int) -> NewsletterIssue:
    try:
        return queries.get_issue(session, issue_id=issue_id)
    except NotFound:
        raise PageError(404, "Issue not found", f"There is no issue {issue_id}.") from None


@router.get("/issues/{issue_id}", response_class=HTMLResponse)
def issue_preview(issue_id: int, request: Request, web: Web, editor: CurrentEditor) -> Response:
    """The issue as it will be sent, at phone and desktop widths, with its errors, size and history,
    and (for a draft) its takes to edit, its pairs to pin, forbid or drop, and a test send."""
    with session_scope(web.engine) as session:
        issue = _issue(session, issue_id)
        decisions = web_queries.desk_decisions_of(session, issue_id=issue_id)
        comparisons = comparisons_summary(session, issue_id=issue_id)
        is_draft = issue.status == IssueStatus.DRAFT
        pairing = _pairing_of(session, issue.week, comparisons) if is_draft else None
    html_body = issue.rendered_html
    size = preview.sent_size(html_body, web.settings, issue_id=issue_id) if html_body else 0
    text = preview.with_desk_links(issue.rendered_text or "", issue_id=issue_id, escape=False)
    return _page(request, "issue.html.j2", editor, issue=issue, decisions=decisions, size=size,
                 clip=GMAIL_CLIP_BYTES, share=preview.clip_share(size), text=text,
                 errors=(issue.render_errors or "").splitlines(), comparisons=comparisons,
                 is_draft=is_draft, pairing=pairing)


def _pairing_of(session: Session, week: str, comparisons: list[dict]) -> dict[str, object]:
    """The week's pairing decisions with tool names, and the tools an editor may pin together."""
    from editorial.compose import tools_to_review

    names = {t["id"]: t["name"] for c in comparisons for t in (c["left"], c["right"])}
    names.update({t.id: t.name for t in tools_to_review(session, week=week)})
    decided = list(queries.pairing_decisions(session, week=week))
    for d in decided:
        for tool_id in (d.tool_a_id, d.tool_b_id):
            if tool_id is not None and tool_id not in names:
                names[tool_id] = queries.get_tool(session, tool_id=tool_id).name
    return {"decisions": decided, "names": names,
            "candidates": sorted(names.items(), key=lambda item: item[1].lower())}


@router.get("/issues/{issue_id}/email.html", response_class=HTMLResponse)
def issue_email_html(issue_id: int, web: Web, editor: CurrentEditor) -> Response:
    """The exact HTML to be sent, placeholders made desk links, for the preview's frames."""
    with session_scope(web.engine) as session:
        issue = _issue(session, issue_id)
    if not issue.rendered_html:
        raise PageError(404, "Not rendered", "This issue has no rendered HTML: its render failed.")
    linked = preview.with_desk_links(issue.rendered_html, issue_id=issue_id, escape=True)
    body = preview.with_base_target(linked)
    return HTMLResponse(body, headers={**DESK_PAGE, "Content-Security-Policy": email_preview_policy(body),
                                       "X-Frame-Options": "SAMEORIGIN"})


@router.get("/issues/{issue_id}/email.txt")
def issue_email_text(issue_id: int, web: Web, editor: CurrentEditor) -> Response:
    """The exact text part to be sent, placeholders made desk links."""
    with session_scope(web.engine) as session:
        issue = _issue(session, issue_id)
    text = preview.with_desk_links(issue.rendered_text or "", issue_id=issue_id, escape=False)
    return PlainTextResponse(text, headers=DESK_PAGE)


@router.get("/issues/{issue_id}/links/{kind}", response_class=HTMLResponse)
@router.get("/issues/{issue_id}/links/{kind}/{comparison_id}/{tool_id}/{decision}",
            response_class=HTMLResponse)
def issue_link(issue_id: int, kind: str, request: Request, web: Web, editor: CurrentEditor,
               comparison_id: int = 0, tool_id: int = 0, decision: str = "") -> Response:
    """What a per-subscriber link of the email does, in place of the link itself."""
    tool = None
    if kind == "vote":
        with session_scope(web.engine) as session:
            found = session.get(Tool, tool_id)
            tool = found.name if found else None
    return _page(request, "link.html.j2", editor, issue_id=issue_id, kind=kind, tool=tool, decision=decision)


@router.post("/issues/{issue_id}/approve", response_class=HTMLResponse)
def approve(issue_id: int, request: Request, web: Web, editor: CurrentEditor, later: BackgroundTasks,
            note: FormStr = "", content_hash: FormStr = "", csrf_token: FormStr = "") -> Response:
    """Approve the draft as previewed: refused if its content changed since the preview was shown."""
    ensure_csrf(request, {"csrf_token": csrf_token}, binding=desk_binding(editor))
    try:
        with session_scope(web.engine) as session:
            issue = approve_issue(session, issue_id=issue_id, editor=editor.email, settings=web.settings)
            if issue.approved_hash != content_hash:
                raise ApprovalError("the issue changed since this preview was shown: look at it again "
                                    "before approving")
            web_queries.record_desk_decision(session, issue_id=issue_id, editor_email=editor.email,
                                             decision="approved", note=note.strip() or None,
                                             content_hash=issue.approved_hash)
    except (ApprovalError, NotFound) as exc:
        raise PageError(409, "Not approved", str(exc)) from None
    later.add_task(_request_publish, web.settings)
    return RedirectResponse(f"/desk/issues/{issue_id}", status_code=303)


def _request_publish(settings: Settings) -> None:
    """Start the publish deployment now (after the response: a slow Prefect server never holds the
    editor's page); without a server, or if it fails, the publish sweep sends the issue."""
    from verdicts import stages

    log.info("approved on the desk: %s", stages.request_publish(settings))


@router.post("/issues/{issue_id}/reject", response_class=HTMLResponse)
def reject(issue_id: int, request: Request, web: Web, editor: CurrentEditor, note: FormStr = "",
           csrf_token: FormStr = "") -> Response:
    """Reject the draft with a note (required)."""
    ensure_csrf(request, {"csrf_token": csrf_token}, binding=desk_binding(editor))
    try:
        with session_scope(web.engine) as session:
            issue = reject_issue(session, issue_id=issue_id, editor=editor.email, reason=note)
            web_queries.record_desk_decision(session, issue_id=issue_id, editor_email=editor.email,
                                             decision="rejected", note=note.strip(),
                                             content_hash=issue.content_hash)
    except (ApprovalError, NotFound) as exc:
        raise PageError(409, "Not rejected", str(exc)) from None
    return RedirectResponse(f"/desk/issues/{issue_id}", status_code=303)


# --- a draft's content: takes, pairs, recompose, a test send -------------------------------------


@router.post("/issues/{issue_id}/takes/{review_id}", response_class=HTMLResponse)
def edit_take(issue_id: int, review_id: int, request: Request, web: Web, editor: CurrentEditor,
              take: FormStr = "", csrf_token: FormStr = "") -> Response:
    """Replace a persona's take on the draft with the editor's words; the issue is re-rendered."""
    ensure_csrf(request, {"csrf_token": csrf_token}, binding=desk_binding(editor))
    try:
        with session_scope(web.engine) as session:
            review = takes.edit_take(session, issue_id=issue_id, review_id=review_id, take=take,
                                     settings=web.settings)
            tool = queries.get_tool(session, tool_id=review.tool_id)
            note = f"{review.persona} on {tool.name}: {review.take}"
            web_queries.record_desk_decision(session, issue_id=issue_id, editor_email=editor.email,
                                             decision="take edited", note=note,
                                             content_hash=_issue(session, issue_id).content_hash)
    except (TakeError, ApprovalError, NotFound) as exc:
        raise PageError(409, "Take not changed", str(exc)) from None
    return RedirectResponse(f"/desk/issues/{issue_id}#takes", status_code=303)


@router.post("/issues/{issue_id}/pairs/clear", response_class=HTMLResponse)
def pairing_decision_cleared(
    issue_id: int, request: Request, web: Web, editor: CurrentEditor,
    tool_a: FormStr = "", tool_b: FormStr = "", csrf_token: FormStr = "",
) -> Response:
    """Take back the week's decision on a pair (or on a dropped tool); the next recompose is free
    to pair them again."""
    ensure_csrf(request, {"csrf_token": csrf_token}, binding=desk_binding(editor))
    tool_ids = [_form_int(tool_a)] + ([_form_int(tool_b)] if tool_b else [])
    try:
        with session_scope(web.engine) as session:
            issue = _issue(session, issue_id)
            if not clear(session, week=issue.week, tool_ids=tool_ids):
                raise DecisionError("there is no such decision for this week: reload the desk")
            web_queries.record_desk_decision(session, issue_id=issue_id, editor_email=editor.email,
                                             decision="pairing cleared",
                                             note=f"tools {', '.join(map(str, tool_ids))}",
                                             content_hash=issue.content_hash)
    except (DecisionError, NotFound) as exc:
        raise PageError(409, "Not cleared", str(exc)) from None
    return RedirectResponse(f"/desk/issues/{issue_id}#pairing", status_code=303)


@router.post("/issues/{issue_id}/pairs/{action}", response_class=HTMLResponse)
def pairing_decision(issue_id: int, action: str, request: Request, web: Web, editor: CurrentEditor,
                     tool_a: FormStr = "", tool_b: FormStr = "", csrf_token: FormStr = "") -> Response:
    """Pin or forbid a pair, or drop a tool, for the draft's week; the next recompose applies it."""
    if action not in ACTIONS:
        raise PageError(404, "Not found", "There is nothing here.")
    ensure_csrf(request, {"csrf_token": csrf_token}, binding=desk_binding(editor))
    tool_ids = [_form_int(tool_a)] + ([] if action == "drop" else [_form_int(tool_b)])
    try:
        with session_scope(web.engine) as session:
            week = _issue(session, issue_id).week
            decide(session, week=week, action=action, tool_ids=tool_ids, editor=editor.email)
    except (DecisionError, ApprovalError, NotFound) as exc:
        raise PageError(409, "Not recorded", str(exc)) from None
    return RedirectResponse(f"/desk/issues/{issue_id}#pairing", status_code=303)


def _form_int(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise PageError(400, "Not recorded", "That form was not filled in by the desk: reload it.") from None


@router.post("/issues/{issue_id}/recompose", response_class=HTMLResponse)
def recompose(issue_id: int, request: Request, web: Web, editor: CurrentEditor,
              csrf_token: FormStr = "") -> Response:
    """Compose the draft's week again (its pairing decisions applied) and render it."""
    from editorial.compose import ComposeError
    from verdicts import stages

    ensure_csrf(request, {"csrf_token": csrf_token}, binding=desk_binding(editor))
    with session_scope(web.engine) as session:
        issue = _issue(session, issue_id)
    if issue.status != IssueStatus.DRAFT:
        raise PageError(409, "Not recomposed",
                        f"Issue {issue_id} is {issue.status}: only a draft is recomposed.")
    try:
        outcome = stages.compose(web.settings, issue.week)
    except ComposeError as exc:  # NothingToCompose too: the draft is kept (the compose rolled back)
        raise PageError(409, "Not recomposed", str(exc)) from None
    return RedirectResponse(f"/desk/issues/{outcome.result.issue_id}", status_code=303)


@router.post("/issues/{issue_id}/test", response_class=HTMLResponse)
def send_test(issue_id: int, request: Request, web: Web, editor: CurrentEditor, address: FormStr = "",
              csrf_token: FormStr = "") -> Response:
    """Send the issue as it stands to one address, marked as a test (`verdicts send --test`)."""
    from emails.audience import AudienceError
    from emails.publish import PublishError
    from verdicts import stages

    ensure_csrf(request, {"csrf_token": csrf_token}, binding=desk_binding(editor))
    try:
        sent = stages.send_test(web.settings, issue_id, address.strip())
    except (AudienceError, PublishError, NotFound) as exc:
        raise PageError(409, "Test not sent", str(exc)) from None
    return _page(request, "test_sent.html.j2", editor, sent=sent)


# --- a day's reviews, approved for the site ------------------------------------------------------


def _day(value: str) -> date:
    if not value:
        return utcnow().date()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise PageError(400, "Not a day", "Give the day as YYYY-MM-DD.") from None


def _reviews_of(session: Session, day: date) -> list[tuple[PanelReview, Tool, bool]]:
    start = datetime.combine(day, time.min, tzinfo=UTC)
    return desk_queries.reviews_of_day(session, start=start, end=start + timedelta(days=1))


@router.get("/reviews", response_class=HTMLResponse)
def reviews(request: Request, web: Web, editor: CurrentEditor, day: str = "") -> Response:
    """The panel's reviews of one day (UTC, default today), each approved for the site or not."""
    chosen = _day(day)
    with session_scope(web.engine) as session:
        rows = _reviews_of(session, chosen)
    by_tool: dict[int, tuple[Tool, list[tuple[PanelReview, bool]]]] = {}
    for review, tool, approved in rows:
        by_tool.setdefault(tool.id or 0, (tool, []))[1].append((review, approved))
    waiting = [review.id for review, _, approved in rows if not approved]
    return _page(request, "reviews.html.j2", editor, day=chosen, tools=list(by_tool.values()),
                 waiting=len(waiting), through=max((r.id or 0 for r, _, _ in rows), default=0))


@router.post("/reviews/approve", response_class=HTMLResponse)
def approve_reviews(request: Request, web: Web, editor: CurrentEditor, day: FormStr = "",
                    through: FormStr = "0", csrf_token: FormStr = "") -> Response:
    """Approve the day's reviews as shown (none made after the page was shown) for the site: their
    tools' pages are public at once."""
    ensure_csrf(request, {"csrf_token": csrf_token}, binding=desk_binding(editor))
    chosen, last = _day(day), _form_int(through)
    with session_scope(web.engine) as session:
        shown = [review.id for review, _, _ in _reviews_of(session, chosen) if (review.id or 0) <= last]
        approved = desk_queries.approve_reviews(session, review_ids=[i for i in shown if i],
                                                editor_email=editor.email)
    log.info("%s approved %d reviews of %s for the site", editor.email, approved, chosen)
    return RedirectResponse(f"/desk/reviews?day={chosen.isoformat()}", status_code=303)


# --- subscribers ---------------------------------------------------------------------------------


@router.get("/subscribers", response_class=HTMLResponse)
def subscribers(request: Request, web: Web, editor: CurrentEditor, q: str = "",
                status: Annotated[str, Query()] = "", page: int = 1) -> Response:
    """Search the subscribers by address, optionally by status."""
    status = status if status in {s.value for s in SubscriberStatus} else ""
    page = max(page, 1)
    with session_scope(web.engine) as session:
        rows = web_queries.search_subscribers(session, query=q.strip(), status=status or None,
                                              limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE)
        counts = web_queries.subscriber_counts(session)
    return _page(request, "subscribers.html.j2", editor, rows=rows[:PAGE_SIZE], more=len(rows) > PAGE_SIZE,
                 q=q, status_filter=status, page=page, statuses=[s.value for s in SubscriberStatus],
                 counts=counts)


@router.get("/subscribers.csv")
def subscribers_csv(web: Web, editor: CurrentEditor) -> Response:
    """Every subscriber as CSV (email, name, status, dates), safe to open in a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["email", "name", "status", "created_at", "confirmed_at", "unsubscribed_at"])
    with session_scope(web.engine) as session:
        for s in queries.list_subscribers(session):
            writer.writerow([_cell(v) for v in (s.email, s.name or "", str(s.status), s.created_at,
                                                s.confirmed_at or "", s.unsubscribed_at or "")])
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={**DESK_PAGE, "Content-Disposition": 'attachment; filename="subscribers.csv"'})


def _cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run as a formula."""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return f"'{text}" if text.startswith(CSV_FORMULA_START) else text


def _subscriber(session: Session, subscriber_id: int) -> Subscriber:
    subscriber = session.get(Subscriber, subscriber_id)
    if subscriber is None:
        raise PageError(404, "Subscriber not found", "There is no such subscriber.")
    return subscriber


@router.get("/subscribers/{subscriber_id}", response_class=HTMLResponse)
def subscriber_detail(subscriber_id: int, request: Request, web: Web, editor: CurrentEditor) -> Response:
    """One subscriber: status, consent records, deliveries."""
    with session_scope(web.engine) as session:
        subscriber = _subscriber(session, subscriber_id)
        consents = web_queries.consents_of(session, subscriber_id=subscriber_id)
        deliveries = web_queries.deliveries_of(session, subscriber_id=subscriber_id)
    return _page(request, "subscriber.html.j2", editor, subscriber=subscriber, consents=consents,
                 deliveries=deliveries, error=None)


@router.post("/subscribers/{subscriber_id}/{action}", response_class=HTMLResponse)
def subscriber_action(subscriber_id: int, action: str, request: Request, web: Web, editor: CurrentEditor,
                      csrf_token: FormStr = "") -> Response:
    """Suppress or restore an address."""
    changes = {"suppress": subscriptions.suppress, "restore": subscriptions.restore}
    if action not in changes:
        raise PageError(404, "Not found", "There is nothing here.")
    ensure_csrf(request, {"csrf_token": csrf_token}, binding=desk_binding(editor))
    try:
        with session_scope(web.engine) as session:
            changes[action](session, subscriber=_subscriber(session, subscriber_id))
    except SubscriptionError as exc:
        raise PageError(409, "Not changed", str(exc)) from None
    return RedirectResponse(f"/desk/subscribers/{subscriber_id}", status_code=303)
