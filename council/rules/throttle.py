"""Login throttling: whether a login attempt may be checked at all, given the recent failures
for the account and for the client address (no article of law: a security rule of issue 6).

A key (an account or an address) is blocked while it has ``max_failures`` or more failures in
the sliding ``window`` ending now; it is free again once the oldest of those failures leaves
the window. Attempts refused because of a block are not failures and do not extend it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from council.rules.errors import RuleError


@dataclass(frozen=True)
class Limit:
    """At most ``max_failures`` failures within ``window``."""

    max_failures: int
    window: timedelta


@dataclass(frozen=True)
class Decision:
    """``allowed``; when not, the attempt is refused until ``retry_at``."""

    allowed: bool
    retry_at: datetime | None = None


def blocked_until(failures: Iterable[datetime], limit: Limit, now: datetime) -> datetime | None:
    """When the key is free again, or None if it is free now."""
    if limit.max_failures < 1 or limit.window <= timedelta(0):
        raise RuleError(f"a limit needs at least one failure and a positive window ({limit})")
    recent = sorted(at for at in failures if now - limit.window < at <= now)
    if len(recent) < limit.max_failures:
        return None
    return recent[-limit.max_failures] + limit.window


def login_decision(
    account_failures: Iterable[datetime],
    address_failures: Iterable[datetime],
    *,
    account_limit: Limit,
    address_limit: Limit,
    now: datetime,
) -> Decision:
    """An attempt is allowed only if neither its account nor its address is blocked; when both
    are, it waits for the later of the two."""
    blocks = [at for at in (blocked_until(account_failures, account_limit, now),
                            blocked_until(address_failures, address_limit, now)) if at]
    return Decision(allowed=True) if not blocks else Decision(allowed=False, retry_at=max(blocks))
