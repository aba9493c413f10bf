"""A sent issue's archived content is frozen: rendering it again is refused, by function and by CLI."""

from __future__ import annotations

import pytest
from sqlmodel import Session
from typer.testing import CliRunner

from db.models import NewsletterIssue
from db.states import IssueStatus
from editorial.issues import ApprovalError, render_and_store
from verdicts.cli import app


@pytest.mark.parametrize("status", [IssueStatus.SENDING, IssueStatus.SENT])
def test_a_mailed_issue_is_never_rendered_again(settings, engine, status):
    with Session(engine) as session:
        issue = NewsletterIssue(week="2026-W48", subject="s", status=status, rendered_html="<p>as mailed</p>",
                                rendered_text="as mailed", content_hash="h")
        session.add(issue)
        session.commit()
        with pytest.raises(ApprovalError, match="never rendered again"):
            render_and_store(session, issue=issue, settings=settings)
        session.rollback()
        result = CliRunner().invoke(app, ["render", str(issue.id)])
        assert result.exit_code == 2 and "never rendered again" in result.output
        assert "Traceback" not in result.output
        session.refresh(issue)
        assert (issue.rendered_html, issue.content_hash) == ("<p>as mailed</p>", "h")
    assert not (settings.issues_dir() / "2026-W48").exists()
