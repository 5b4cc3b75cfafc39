"""All models, importable from one place (Alembic's env.py needs them registered)."""

from council.models.audit import AuditEntry, AuditHead
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
from council.models.session import (
    AttendanceRecord,
    ItemWithdrawal,
    OpenBallot,
    Poll,
    PollOutcome,
    PollStatus,
    SecretBallot,
    SecretParticipation,
)
from council.models.users import ApiToken, LoginAttempt, User

__all__ = [
    "AgendaItem",
    "ApiToken",
    "AttendanceRecord",
    "AuditEntry",
    "AuditHead",
    "Centre",
    "Convocation",
    "Dossier",
    "ItemKind",
    "ItemPseudonymisation",
    "ItemStatus",
    "ItemWithdrawal",
    "Language",
    "LoginAttempt",
    "Meeting",
    "MeetingPseudonymKey",
    "MeetingStatus",
    "Member",
    "OpenBallot",
    "Organ",
    "OrganKind",
    "OrganMembership",
    "PoliticalGroup",
    "Poll",
    "PollOutcome",
    "PollStatus",
    "Region",
    "ReportStatus",
    "Role",
    "SecretBallot",
    "SecretParticipation",
    "Sex",
    "SocialReport",
    "User",
]
