"""States and kinds stored in the database. Their translated titles are in ``council.labels``."""

from __future__ import annotations

import enum

from council.rules.composition import Region

__all__ = [
    "AccountRequestKind",
    "AccountRequestState",
    "ItemKind",
    "ItemStatus",
    "Language",
    "MeetingStatus",
    "OrganKind",
    "Region",
    "Role",
    "Sex",
]


class Language(enum.Enum):
    fr = "fr"
    nl = "nl"
    de = "de"
    en = "en"


class Sex(enum.Enum):
    female = "F"
    male = "M"
    other = "X"


class Role(enum.Enum):
    """What an account does. Councillors (and the president) are users linked to a member.

    ``unassigned`` is an account without a role yet: the one the IT administrator creates for a
    role that sees content, until the DG confirms it (``council.permissions.role_change``)."""

    admin = "admin"
    dg = "dg"
    secretariat = "secretariat"
    social_worker = "social_worker"
    councillor = "councillor"
    unassigned = "unassigned"
    #: the social software's account (issue 15): submits reports and reads the decisions
    #: taken on them through the API, and nothing else
    integration = "integration"


class AccountRequestKind(enum.Enum):
    """What the IT administrator asks the DG to confirm about an account."""

    role_change = "role_change"
    two_factor_reset = "two_factor_reset"


class AccountRequestState(enum.Enum):
    pending = "pending"
    confirmed = "confirmed"
    refused = "refused"
    #: a newer request of the same kind about the same account replaced it
    superseded = "superseded"


class OrganKind(enum.Enum):
    council = "council"
    bureau = "bureau"
    csss = "csss"
    committee = "committee"


class MeetingStatus(enum.Enum):
    draft = "draft"
    convened = "convened"
    in_progress = "in_progress"
    closed = "closed"
    cancelled = "cancelled"


class ItemKind(enum.Enum):
    individual_aid = "individual_aid"
    personnel = "personnel"
    general = "general"
    minutes_approval = "minutes_approval"
    ratification = "ratification"
    budget = "budget"
    budget_amendment = "budget_amendment"
    accounts = "accounts"
    policy_note = "policy_note"
    annual_report = "annual_report"
    #: designation of members of the bureau permanent or a committee (CSSS), presentation of
    #: candidates (LO art. 27 §6): a secret ballot in one round among the item's candidates
    designation = "designation"

    @property
    def is_about_persons(self) -> bool:
        """Matters concerning persons are always dealt with behind closed doors (LO art. 33)."""
        return self in (ItemKind.individual_aid, ItemKind.personnel, ItemKind.designation)

    @property
    def is_secret_only(self) -> bool:
        """Always voted by secret ballot: personnel matters and designations (LO art. 27 §6)."""
        return self in (ItemKind.personnel, ItemKind.designation)


class ItemStatus(enum.Enum):
    draft = "draft"
    ready = "ready"
    voting = "voting"
    decided = "decided"
    postponed = "postponed"
    withdrawn = "withdrawn"
