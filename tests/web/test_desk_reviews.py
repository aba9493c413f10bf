"""Approving a day's reviews on the desk: the tools' pages go public at once, with exactly the
reviews the editor was shown; reviews of other days, or made after the page was shown, stay private."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, select

from db.models import PanelReview, ReviewApproval, utcnow
from tests.web.sitekit import add_tool, csrf_of
from tests.web.test_desk import EDITOR, client, desk, editor, plain_http, quick_hashes  # noqa: F401


def reviewed_tool(engine, name: str, slug: str, *, days_ago: int = 0) -> int:
    with Session(engine) as session:
        builder = {"Builder": (91, "ship", f"{name} earns its keep.")}
        tool = add_tool(session, name, slug=slug, reviews=builder)
        session.flush()
        for review in session.exec(select(PanelReview).where(PanelReview.tool_id == tool.id)):
            review.created_at = utcnow() - timedelta(days=days_ago)
            session.add(review)
        session.commit()
        return tool.id


def test_a_days_reviews_approved_on_the_desk_put_their_tools_on_the_site(engine, desk):  # noqa: F811
    reviewed_tool(engine, "Fresh Tool", "fresh-tool")
    reviewed_tool(engine, "Old Tool", "old-tool", days_ago=3)
    assert desk.get("/tools/fresh-tool").status_code == 404  # nothing approved yet
    page = desk.get("/desk/reviews")
    assert page.status_code == 200 and "Fresh Tool earns its keep." in page.text
    assert "Old Tool" not in page.text
    late = reviewed_tool(engine, "Late Tool", "late-tool")  # made after the page was shown
    today = utcnow().date().isoformat()
    through = page.text.split('name="through" value="')[1].split('"')[0]
    done = desk.post("/desk/reviews/approve", data={"csrf_token": csrf_of(page), "day": today,
                                                   "through": through})
    assert done.status_code == 303
    tool_page = desk.get("/tools/fresh-tool")
    assert tool_page.status_code == 200 and "Fresh Tool earns its keep." in tool_page.text
    assert "Compared with" not in tool_page.text
    for private in ("/tools/old-tool", "/tools/late-tool"):
        assert desk.get(private).status_code == 404, private
    with Session(engine) as session:
        approvals = session.exec(select(ReviewApproval)).all()
        reviews = {r.id: r.tool_id for r in session.exec(select(PanelReview))}
    assert approvals and {a.editor_email for a in approvals} == {EDITOR}
    assert late not in {reviews[a.review_id] for a in approvals}
    again = desk.get("/desk/reviews")
    assert "on the site" in again.text and "Late Tool" in again.text
    assert desk.get("/desk/reviews", params={"day": "yesterday"}).status_code == 400
