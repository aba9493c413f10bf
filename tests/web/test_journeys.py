"""Two journeys in headless Chromium against a real uvicorn (outbox delivery, SQLite): a reader
subscribes, confirms from the outbox, receives an issue, votes from it, pauses and resumes,
unsubscribes and subscribes again; an editor signs in, previews the draft at 375 and 1200 px, edits
a take, approves, and the publish sweep sends it. A failing step leaves a screenshot (path printed)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, Page, expect
from sqlmodel import Session

from db.models import NewsletterIssue
from db.states import IssueStatus, SubscriberStatus
from editorial.issues import approve_issue
from tests.web.sitekit import add_subscriber, link_in, mails_to, serve, sqlite_only
from tests.web.test_desk import EDITOR, PASSWORD, compose_draft, editor, plain_http, quick_hashes  # noqa: F401
from verdicts import stages
from web import create_app

READER = "journey.reader@example.com"
pytestmark = sqlite_only


@contextmanager
def screenshot_on_failure(page: Page, folder: Path, name: str) -> Iterator[None]:
    """Run a journey; if it fails, keep what the page showed and print where."""
    try:
        yield
    except BaseException:
        path = folder / f"{name}-failure.png"
        page.screenshot(path=str(path), full_page=True)
        print(f"screenshot of the failed {name} journey: {path}")
        raise


def path_of(url_or_path: str) -> str:
    return url_or_path if url_or_path.startswith("/") else "/" + url_or_path.split("/", 3)[3]


def last_link(settings, address: str, prefix: str) -> str:
    """The `prefix` link of the newest message to `address` in the outbox."""
    return link_in(mails_to(settings.resolved_outbox_dir(), address)[-1], prefix)


def status_of(engine, email: str) -> SubscriberStatus:
    from tests.web.test_subscribers import by_email

    return by_email(engine, email).status


def subscribe(page: Page, base: str, address: str) -> None:
    page.goto(f"{base}/subscribe")
    page.fill("input[name=email]", address)
    page.click("form[action='/subscribe'] button[type=submit]")
    expect(page.locator("h1")).to_contain_text("Check your inbox")


def click_through(page: Page, base: str, link: str, button: str, then: str) -> None:
    """Open an emailed link (its page changes nothing) and press its one button."""
    page.goto(base + path_of(link))
    page.get_by_role("button", name=button).click()
    expect(page.locator("main")).to_contain_text(then)


def approved_issue(settings) -> int:
    issue_id = compose_draft(settings)
    with Session(stages.engine_for(settings)) as session:
        approve_issue(session, issue_id=issue_id, editor="editor@example.com", settings=settings)
        session.commit()
    return issue_id


def test_a_reader_subscribes_confirms_receives_votes_pauses_unsubscribes_and_comes_back(
        settings, engine, browser, tmp_path):
    issue_id = approved_issue(settings)
    with serve(create_app(settings)) as http:
        base = str(http.base_url).rstrip("/")
        page = browser.new_context(viewport={"width": 375, "height": 800}).new_page()
        with screenshot_on_failure(page, tmp_path, "reader"):
            subscribe(page, base, READER)
            assert status_of(engine, READER) == SubscriberStatus.PENDING
            click_through(page, base, last_link(settings, READER, "/confirm/"), "Confirm", "subscribed")
            assert status_of(engine, READER) == SubscriberStatus.ACTIVE

            summary = stages.publish(settings, issue_id)  # what the publish deployment runs
            assert summary.sent >= 1
            issue_mail = mails_to(settings.resolved_outbox_dir(), READER)[-1]
            assert issue_mail["Subject"].startswith("Weekly AI Tool Verdicts")
            click_through(page, base, link_in(issue_mail, "/v/"), "Yes, ship it", "ship")

            page.goto(f"{base}/preferences")
            page.fill("#email", READER)
            page.get_by_role("button", name="Email me a link").click()
            preferences = base + path_of(last_link(settings, READER, "/preferences/"))
            page.goto(preferences)
            page.get_by_role("button", name="Pause").click()
            expect(page.locator("main")).to_contain_text("Paused")
            assert status_of(engine, READER) == SubscriberStatus.PAUSED
            page.get_by_role("button", name="Resume").click()
            expect(page.locator("main")).to_contain_text("Resumed")
            assert status_of(engine, READER) == SubscriberStatus.ACTIVE

            click_through(page, base, link_in(issue_mail, "/u/"), "Unsubscribe", "unsubscribed")
            assert status_of(engine, READER) == SubscriberStatus.UNSUBSCRIBED
            subscribe(page, base, READER)
            click_through(page, base, last_link(settings, READER, "/confirm/"), "Confirm", "subscribed")
            assert status_of(engine, READER) == SubscriberStatus.ACTIVE


def frame_fits(page: Page, selector: str, width: int) -> None:
    """The email in the preview frame gets `width` px and needs no sideways scrolling."""
    frame_element = page.locator(selector)
    frame = frame_element.element_handle().content_frame()
    frame.wait_for_load_state("load")
    assert frame.evaluate("window.innerWidth") == width, selector
    assert frame.evaluate("document.scrollingElement.scrollWidth") <= width, selector


def screenshot_email(browser: Browser, page: Page, url: str, width: int, shot: Path) -> None:
    """What the frame shows, as a page of that width (a frame out of view may not be painted yet)."""
    context = browser.new_context(viewport={"width": width, "height": 900},
                                  storage_state=page.context.storage_state())
    context.new_page().goto(url)
    context.pages[0].screenshot(path=str(shot), full_page=True)
    context.close()


def test_an_editor_previews_edits_a_take_approves_and_the_issue_is_sent(
        settings, engine, editor, browser, tmp_path):  # noqa: F811
    issue_id = compose_draft(settings)
    add_subscriber(engine, READER)
    with serve(create_app(settings)) as http:
        base = str(http.base_url).rstrip("/")
        page = browser.new_context(viewport={"width": 1300, "height": 900}).new_page()
        with screenshot_on_failure(page, tmp_path, "editor"):
            page.goto(f"{base}/desk")
            page.fill("#email", EDITOR)
            page.fill("#password", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(f"{base}/desk")
            page.click(f"a[href='/desk/issues/{issue_id}']")  # the draft, from the list
            page.wait_for_url(f"{base}/desk/issues/{issue_id}")
            page.screenshot(path=str(tmp_path / "desk-issue-1300.png"), full_page=True)
            for selector, width in ((".frame.phone iframe", 375), (".frame.desktop iframe", 1200)):
                frame_fits(page, selector, width)
                screenshot_email(browser, page, f"{base}/desk/issues/{issue_id}/email.html", width,
                                 tmp_path / f"preview-{width}.png")

            words = "The editor says: ship it before Friday."
            page.locator("#takes summary").first.click()
            first = page.locator("form.take-edit").first
            first.locator("textarea").fill(words)
            first.get_by_role("button").click()
            page.wait_for_url(f"{base}/desk/issues/{issue_id}#takes")
            desktop = page.frame_locator(".frame.desktop iframe")
            expect(desktop.locator("body")).to_contain_text(words)

            page.get_by_role("button", name="Approve for sending").click()
            expect(page.locator(".status").first).to_have_text("approved")
            stages.publish_ready(settings)  # the sweep (no Prefect server here)
            [mail] = mails_to(settings.resolved_outbox_dir(), READER)
            assert words in mail.get_body(("plain",)).get_content()
    with Session(engine) as session:
        assert session.get(NewsletterIssue, issue_id).status == IssueStatus.SENT
