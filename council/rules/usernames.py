"""Usernames: a safe alphabet (no article of law: a security rule of issue 13).

A username is shown to others, written in the audit log and typed at login, so two that look
alike must be the same: only lower-case ASCII letters, digits, dots, hyphens and underscores,
starting with a letter or a digit, 2 to 80 characters. A Cyrillic "а" in place of a Latin "a"
(an account that passes for another on every screen), spaces, control and invisible characters
are all outside it. Usernames are compared lower-cased (``normalised``).
"""

from __future__ import annotations

import re

MIN_LENGTH = 2
MAX_LENGTH = 80
SAFE_USERNAME = re.compile(rf"[a-z0-9][a-z0-9._-]{{{MIN_LENGTH - 1},{MAX_LENGTH - 1}}}",
                           re.ASCII)


def normalised(username: str) -> str:
    """The username as stored and compared: without surrounding spaces, lower-case."""
    return username.strip().lower()


def is_safe(username: str) -> bool:
    """Whether a (normalised) username keeps to the safe alphabet and length."""
    return SAFE_USERNAME.fullmatch(username) is not None
