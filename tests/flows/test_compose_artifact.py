"""The compose run's note to operators, without Prefect: the desk link, and render errors."""

from flows.compose import approval_markdown
from verdicts.settings import Settings


def test_the_note_links_to_the_desk_preview_and_names_the_publish_deployment():
    settings = Settings(public_base_url="https://news.example/", publish_deployment="publish/now")
    note = approval_markdown(settings, issue_id=7, week="2026-W49", render_errors=[])
    assert note.startswith("# Issue 7 (2026-W49) waits for an editor")
    assert "[preview and approve](https://news.example/desk/issues/7)" in note
    assert "`publish/now`" in note and "Render errors" not in note


def test_render_errors_are_listed():
    note = approval_markdown(Settings(), issue_id=7, week="2026-W49", render_errors=["too big", "no footer"])
    assert "cannot be approved" in note and "- too big\n- no footer" in note
