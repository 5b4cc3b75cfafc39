"""The centre's own time: meeting days, deadlines and documents are in Belgian time, whatever
the server's clock or the reader's browser says."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

CENTRE_TIMEZONE = ZoneInfo("Europe/Brussels")


def centre_today() -> date:
    """Today in Belgium (a deadline's day does not change at midnight UTC)."""
    return datetime.now(CENTRE_TIMEZONE).date()
