"""All models, importable from one place (Alembic's env.py needs them registered)."""

from council.models.audit import AuditEntry
from council.models.centre import Centre, Member, Organ, OrganMembership, PoliticalGroup
from council.models.enums import (
    ItemKind,
    ItemStatus,
    Language,
    MeetingStatus,
    OrganKind,
    Region,
    Role,
    Sex,
)
from council.models.meetings import AgendaItem, Meeting
from council.models.users import ApiToken, User

__all__ = [
    "AgendaItem",
    "ApiToken",
    "AuditEntry",
    "Centre",
    "ItemKind",
    "ItemStatus",
    "Language",
    "Meeting",
    "MeetingStatus",
    "Member",
    "Organ",
    "OrganKind",
    "OrganMembership",
    "PoliticalGroup",
    "Region",
    "Role",
    "Sex",
    "User",
]
