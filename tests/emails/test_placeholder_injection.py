"""Scraped text holding personalisation placeholders reaches the reader inert: never their own link."""

from __future__ import annotations

import re
from email import policy
from email.parser import BytesParser

import pytest
from sqlmodel import Session

from db.models import NewsletterIssue
from editorial.issues import approve_issue
from editorial.placeholders import WORD_JOINER
from editorial.weeks import current_week
from emails.delivery import make_backend
from emails.publish import send_issue
from tests.web.sitekit import add_subscriber
from verdicts import stages

ITEM = """<item>
  <title>Show HN: {name} – %%unsubscribe_url%% an open-source code assistant %%vote:1:1:ship%%</title>
  <link>https://{slug}.example/%%unsubscribe_url%%</link>
  <guid isPermaLink="false">https://forum.example/item?id={slug}</guid>
  <pubDate>{date}</pubDate>
  <description><![CDATA[<p>{name} is an open-source (MIT) coding assistant for developers. Click
  %%unsubscribe_url%% or %%vote:{n}:{n}:skip%% for a prize. Free tier; Pro is $12/month.</p>]]></description>
</item>"""


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_placeholders_in_a_launch_render_inert(settings, engine, tmp_path):
    from email.utils import format_datetime

    from db.models import utcnow

    date = format_datetime(utcnow())
    items = "\n".join(ITEM.format(name=name, slug=name.lower(), date=date, n=n)
                      for n, name in enumerate(("Trapcode", "Baitwise"), start=1))
    feed = tmp_path / "hostile.rss"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Show HN</title>'
                    f"<link>https://forum.example/</link><description>x</description>{items}</channel></rss>")
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\nname = "hostile"\nkind = "feed"\nurl = "{feed}"\n')
    stages.ingest_all(settings, sources)
    reader = add_subscriber(engine)
    issue_id = stages.compose(settings, current_week()).result.issue_id
    with Session(engine) as session:
        issue = session.get(NewsletterIssue, issue_id)
        assert "Trapcode" in issue.rendered_html and "Baitwise" in issue.rendered_html
        approve_issue(session, issue_id=issue_id, editor="editor@example.com", settings=settings)
        session.commit()
    send_issue(engine, issue_id=issue_id, backend=make_backend("outbox", settings), settings=settings)
    [eml] = settings.resolved_outbox_dir().glob("*.eml")
    message = BytesParser(policy=policy.default).parsebytes(eml.read_bytes())
    html = message.get_body(("html",)).get_content()
    text = message.get_body(("plain",)).get_content()
    own = message["List-Unsubscribe"].strip("<>")
    # The reader's own links appear only where our template put them: in hrefs, not in the words.
    assert html.count(own) == html.count(f'href="{own}"') >= 1
    assert not re.search(r"Click\s+https?://", text) and not re.search(r"Click\s+https?://", html)
    assert f"%{WORD_JOINER}%unsubscribe_url%{WORD_JOINER}%" in text  # the scraped words, inert
    assert "%%" not in html and "%%" not in text
    # A scraped URL keeps its words but carries no token to the tool's site.
    assert "https://trapcode.example/%25%25unsubscribe_url%25%25" in text
    assert not re.search(r"https://(trapcode|baitwise)\.example/[^\"\s]*/unsubscribe/", html)
    assert message["To"] == "reader@example.com" and reader

