"""Delivery backends; each registers itself with `emails.delivery` under its name."""
