"""Emails: the issue's view, rendering (Jinja2 → MJML → HTML, plus text), personalisation, delivery."""
