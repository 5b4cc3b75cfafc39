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
from council.models.reports import (
    Convocation,
    Dossier,
    ItemPseudonymisation,
    MeetingPseudonymKey,
    ReportStatus,
    SocialReport,
)
from council.models.users import ApiToken, User

__all__ = [
    "AgendaItem",
    "ApiToken",
    "AuditEntry",
    "Centre",
    "Convocation",
    "Dossier",
    "ItemKind",
    "ItemPseudonymisation",
    "ItemStatus",
    "Language",
    "Meeting",
    "MeetingPseudonymKey",
    "MeetingStatus",
    "Member",
    "Organ",
    "OrganKind",
    "OrganMembership",
    "PoliticalGroup",
    "Region",
    "ReportStatus",
    "Role",
    "Sex",
    "SocialReport",
    "User",
]
