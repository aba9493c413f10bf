"""Tests, mirroring the packages; `tests.servers` holds the loopback stand-ins for the internet."""
