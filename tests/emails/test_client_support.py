"""Client support, measured with doiuse-email (caniemail's data) over the rendered issue.

Every rule reported must be in tests/emails/clients/allowed.toml, each entry must be one MJML's own
output produces (a skeleton of the components we use, rendered here), and our own markup (what the
template puts inside mj-text) must add nothing beyond the entries marked `ours`.
`make test` installs doiuse-email into tests/emails/clients (npm ci, from the committed lock file).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tomllib
from collections import defaultdict
from pathlib import Path

import pytest
from mjml import mjml2html

from emails import render
from tests.conftest import need
from tests.emails.test_issue_size import long_issue

CLIENTS = Path(__file__).parent / "clients"
CLI = CLIENTS / "node_modules" / "doiuse-email" / "bin" / "cli.js"
CHECKED = "apple-mail.*,gmail.*,outlook.*,yahoo.*,samsung-email.*"
ALLOWED = tomllib.loads((CLIENTS / "allowed.toml").read_text(encoding="utf-8"))
SKELETON = """<mjml lang="en"><mj-head><mj-title>t</mj-title><mj-preview>p</mj-preview>
<mj-breakpoint width="480px" /></mj-head><mj-body width="600px"><mj-wrapper><mj-section><mj-column>
<mj-text>x</mj-text></mj-column></mj-section></mj-wrapper><mj-section><mj-column><mj-text>y</mj-text>
</mj-column><mj-column><mj-text>z</mj-text></mj-column></mj-section></mj-body></mjml>"""
_REPORT = re.compile(r"`(.+?)` is not supported by `(.+?)`")


def unsupported(html: str, tmp_path: Path, name: str) -> dict[str, set[str]]:
    """{rule: clients that do not support it} for the HTML, as doiuse-email reports them."""
    node = shutil.which("node")
    need(node is not None and CLI.is_file(), f"node and doiuse-email are needed: `npm ci --prefix {CLIENTS}`")
    path = tmp_path / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    output = subprocess.run([str(node), str(CLI), f"--email-clients={CHECKED}", str(path)],
                            capture_output=True, text=True, check=True, timeout=120).stdout
    found: dict[str, set[str]] = defaultdict(set)
    for error in json.loads(output)["errors"]:
        match = _REPORT.match(error)
        assert match, error
        found[match[1]].add(match[2])
    return found


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("clients")


def test_every_rule_reported_is_allowed_with_a_reason(folder: Path) -> None:
    rendered = render.render_issue(long_issue(5))
    assert rendered.ok, rendered.errors
    reported = unsupported(rendered.html, folder, "issue")
    assert set(reported) <= set(ALLOWED), {r: sorted(c) for r, c in reported.items() if r not in ALLOWED}
    assert all(entry["why"].strip() for entry in ALLOWED.values())


def test_every_allowed_rule_is_mjmls_own(folder: Path) -> None:
    mjml_own = unsupported(mjml2html(SKELETON, disable_comments=True, fonts={}), folder, "skeleton")
    assert set(ALLOWED) <= set(mjml_own), sorted(set(ALLOWED) - set(mjml_own))


def test_our_own_markup_adds_nothing_but_what_is_marked_ours(folder: Path) -> None:
    source, errors = render._render_template(render.HTML_TEMPLATE, long_issue(5))
    assert not errors
    ours = "".join(re.findall(r"<mj-text[^>]*>(.*?)</mj-text>", source, flags=re.S))
    reported = unsupported(f"<!doctype html><html><head><title>t</title></head><div>{ours}</div></html>",
                           folder, "ours")
    marked = {rule for rule, entry in ALLOWED.items() if entry.get("ours")}
    assert set(reported) <= marked, {r: sorted(c) for r, c in reported.items() if r not in marked}
