"""Two-factor authentication (issue 6, item 3) and re-authentication (item 5).

A TOTP authenticator (RFC 6238: 6 digits, 30-second steps, one step of tolerance either side)
whose secret is stored encrypted, plus single-use recovery codes stored as argon2 hashes. Failed
codes count in the login throttling like failed passwords (``council.services.accounts``).
"""

from __future__ import annotations

import hmac
import re
import secrets
from dataclasses import dataclass

import pyotp
import segno
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from flask_babel import gettext
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from council import crypto, permissions
from council.models import Centre, RecoveryCode, TwoFactorSecret, User
from council.models.base import utcnow
from council.refusals import CodedRefusal
from council.security import verify_password
from council.services import accounts, audit

RECOVERY_CODE_COUNT = 10
#: steps accepted before and after the current one, for clocks that drift a little
VALID_WINDOW = 1
#: recovery code alphabet without look-alikes (0/o, 1/l/i); 10 characters carry about 49 bits
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
_RECOVERY_LENGTH = 10
_TOTP_CODE = re.compile(r"\d{6}")

# Recovery codes are random, not chosen by people: a lighter argon2 than for passwords is
# enough (OWASP's minimum), and keeps checking ten of them fast.
_recovery_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


def _messages() -> dict[str, str]:
    """The message of each two-factor refusal, by its code, in the reader's language."""
    not_valid = gettext("This code is not valid. Check that your phone's clock is right and "
                        "type the code shown now.")
    return {
        "already_enrolled": gettext("Two-factor authentication is already on for your account."),
        "no_enrolment": not_valid,
        "wrong_code": not_valid,
        "not_enrolled": gettext("Two-factor authentication is not on for this account."),
    }


class TwoFactorError(CodedRefusal, ValueError):
    """A two-factor request that cannot be carried out: ``code`` names the rule, the message
    is for the user. Nothing stored."""

    def __init__(self, code: str) -> None:
        super().__init__(code, _messages()[code])


class EnrolmentRequired(accounts.AccountError):
    """The password was right but the account must enrol in two-factor authentication first
    (on the web: the API cannot enrol)."""


def is_required(user: User) -> bool:
    """Whether the account may not go on without two-factor authentication."""
    return bool(current_app.config["COUNCIL_REQUIRE_2FA"]) and permissions.must_use_two_factor(user)


def _secret_row(session: Session, user: User) -> TwoFactorSecret | None:
    return session.scalar(select(TwoFactorSecret).where(TwoFactorSecret.user_id == user.id))


def _confirmed_secret(session: Session, user: User) -> TwoFactorSecret | None:
    row = _secret_row(session, user)
    return row if row is not None and row.is_confirmed else None


def is_enrolled(session: Session, user: User) -> bool:
    return _confirmed_secret(session, user) is not None


def enrolled_user_ids(session: Session) -> set[int]:
    """The accounts with a confirmed authenticator (for the account list)."""
    return set(session.scalars(select(TwoFactorSecret.user_id)
                               .where(TwoFactorSecret.confirmed_at.is_not(None))))


@dataclass(frozen=True)
class Status:
    enrolled: bool
    required: bool
    recovery_codes_left: int


def status(session: Session, user: User) -> Status:
    left = session.scalar(select(func.count()).select_from(RecoveryCode)
                          .where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None)))
    return Status(enrolled=is_enrolled(session, user), required=is_required(user),
                  recovery_codes_left=left or 0)


# --- enrolment --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Enrolment:
    """What the enrolment page shows: the secret as text, as an otpauth:// URI and as a QR code
    (an SVG data URI, allowed by the Content-Security-Policy's ``img-src data:``)."""

    secret: str
    uri: str
    qr_code: str


def _issuer(session: Session) -> str:
    return session.scalar(select(Centre.name).order_by(Centre.id).limit(1)) or "CPAS"


def begin_enrolment(session: Session, user: User) -> Enrolment:
    """The secret to put in the authenticator: the one already being enrolled (so that reloading
    the page keeps the QR code just scanned), or a new one. Commits."""
    row = _secret_row(session, user)
    if row is not None and row.is_confirmed:
        raise TwoFactorError("already_enrolled")
    if row is None:
        row = TwoFactorSecret(user_id=user.id,
                              secret_encrypted=crypto.encrypt_bytes(pyotp.random_base32().encode()))
        session.add(row)
        session.commit()
    secret = _decrypt(row)
    uri = pyotp.TOTP(secret).provisioning_uri(name=user.username, issuer_name=_issuer(session))
    return Enrolment(secret=secret, uri=uri,
                     qr_code=segno.make(uri, error="m").svg_data_uri(scale=5, border=2))


def confirm_enrolment(session: Session, user: User, code: str) -> list[str]:
    """Completes the enrolment with a first code from the authenticator; returns the recovery
    codes, shown once. Raises ``TwoFactorError("wrong_code")`` and stores nothing on a bad
    code."""
    row = _secret_row(session, user)
    if row is None or row.is_confirmed:
        raise TwoFactorError("no_enrolment")
    step = _matching_step(row, code)
    if step is None:
        raise TwoFactorError("wrong_code")
    row.confirmed_at = utcnow()
    row.last_used_step = step
    codes = _replace_recovery_codes(session, user)
    audit.record(session, "two_factor_enrolled", actor=user, object_type="user",
                 object_id=user.id)
    session.commit()
    return codes


def regenerate_recovery_codes(session: Session, user: User) -> list[str]:
    """New recovery codes in place of all the old ones (used or not); the caller has
    re-authenticated the user (``confirm_identity``)."""
    if not is_enrolled(session, user):
        raise TwoFactorError("not_enrolled")
    codes = _replace_recovery_codes(session, user)
    audit.record(session, "recovery_codes_regenerated", actor=user, object_type="user",
                 object_id=user.id)
    session.commit()
    return codes


def remove_second_factor(session: Session, *, actor: User | None, user: User,
                         **details: str | int | None) -> None:
    """Removes an account's authenticator and recovery codes (lost phone and codes), once a DG
    confirmed the IT administrator's request or the operator asked on the command line
    (``council.services.account_requests``); the user enrols again at the next login when it
    is required. Audited; the caller commits."""
    had_secret = _secret_row(session, user) is not None
    session.execute(delete(TwoFactorSecret).where(TwoFactorSecret.user_id == user.id))
    session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    audit.record(session, "two_factor_reset", actor=actor, object_type="user", object_id=user.id,
                 had_secret=had_secret, **details)


def _decrypt(row: TwoFactorSecret) -> str:
    return crypto.decrypt_bytes(row.secret_encrypted).decode()


def _new_recovery_code() -> str:
    code = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(_RECOVERY_LENGTH))
    return f"{code[:5]}-{code[5:]}"


def _replace_recovery_codes(session: Session, user: User) -> list[str]:
    session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = [_new_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
    session.add_all(RecoveryCode(user_id=user.id, code_hash=_recovery_hasher.hash(_normalise(code)))
                    for code in codes)
    return codes


# --- checking a code --------------------------------------------------------------------------


def _normalise(code: str) -> str:
    """Codes are typed by hand: spaces, hyphens and capitals do not matter."""
    return re.sub(r"[\s-]", "", code or "").lower()


def _matching_step(row: TwoFactorSecret, code: str) -> int | None:
    """The time step whose TOTP code is ``code``, within the valid window and newer than the
    last accepted one (a code is never accepted twice), or None."""
    code = _normalise(code)
    if not _TOTP_CODE.fullmatch(code):
        return None
    totp = pyotp.TOTP(_decrypt(row))
    current = totp.timecode(utcnow())
    for step in range(current - VALID_WINDOW, current + VALID_WINDOW + 1):
        if row.last_used_step is not None and step <= row.last_used_step:
            continue
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def _use_recovery_code(session: Session, user: User, code: str) -> bool:
    code = _normalise(code)
    if len(code) != _RECOVERY_LENGTH:
        return False
    unused = session.scalars(select(RecoveryCode).where(RecoveryCode.user_id == user.id,
                                                        RecoveryCode.used_at.is_(None))).all()
    for row in unused:
        try:
            _recovery_hasher.verify(row.code_hash, code)
        except (VerificationError, InvalidHashError):
            continue
        row.used_at = utcnow()
        audit.record(session, "recovery_code_used", actor=user, object_type="user",
                     object_id=user.id, left=len(unused) - 1)
        return True
    return False


def _check_code(session: Session, user: User, row: TwoFactorSecret, code: str, *,
                source: str) -> bool:
    """A TOTP code or a recovery code, within an attempt the caller reserved
    (``accounts.reserve_attempt``: a failure stays counted); a failure is audited. Commits
    either way, so that a used code stays used."""
    step = _matching_step(row, code)
    if step is not None:
        row.last_used_step = step
        accepted = True
    else:
        accepted = _use_recovery_code(session, user, code)
    if not accepted:
        audit.record(session, "otp_failed", actor=user, source=source)
    session.commit()
    return accepted


def _complete_login(session: Session, user: User, attempt: int, *, source: str) -> None:
    accounts.release_attempt(session, attempt)
    accounts.complete_login(session, user, source=source)


def complete_login_with_code(session: Session, user: User, code: str, *, source: str,
                             address: str) -> bool:
    """The second step of a login (the password was right): checks the code unless throttled
    (``accounts.LoginThrottled``) and completes the login when it is right."""
    row = _confirmed_secret(session, user)
    if row is None:
        raise TwoFactorError("not_enrolled")
    attempt = accounts.reserve_attempt(session, user.username, address, user=user, source=source)
    if not _check_code(session, user, row, code, source=source):
        return False
    _complete_login(session, user, attempt, source=source)
    return True


def log_in(session: Session, username: str, password: str, code: str | None, *, source: str,
           address: str) -> User | None:
    """A login in one request (the API): password and, for an enrolled account, the code, as
    one attempt in the throttling. None when either is wrong, and when the code is missing
    (counted as a failure too: the answer must not tell that the password was right);
    ``EnrolmentRequired`` when the account must enrol first; ``accounts.LoginThrottled`` when
    throttled."""
    user, attempt = accounts.attempt_password(session, username, password, source=source,
                                              address=address)
    if user is None:
        return None
    row = _confirmed_secret(session, user)
    if row is None:
        if is_required(user):
            accounts.release_attempt(session, attempt)
            session.commit()
            raise EnrolmentRequired("enrolment_required")
    elif not _check_code(session, user, row, code or "", source=source):
        return None
    _complete_login(session, user, attempt, source=source)
    return user


# --- re-authentication ------------------------------------------------------------------------


def confirm_identity(session: Session, user: User, *, password: str, code: str | None,
                     address: str, purpose: str) -> bool:
    """Re-authentication before a sensitive action (signing, re-identification): the user's
    password again and, when they have an authenticator, a fresh code (or a recovery code).

    Throttled like a login (raises ``accounts.LoginThrottled`` without checking anything); a
    failure is counted and audited (``reauthentication_failed`` with ``purpose``, or
    ``otp_failed``) and committed. Commits a success too (the code is used up)."""
    attempt = accounts.reserve_attempt(session, user.username, address, user=user,
                                       source=purpose)
    if not user.is_enabled or not verify_password(user.password_hash, password or ""):
        audit.record(session, "reauthentication_failed", actor=user, purpose=purpose)
        session.commit()
        return False
    row = _confirmed_secret(session, user)
    if row is not None and not _check_code(session, user, row, code or "", source=purpose):
        return False
    accounts.release_attempt(session, attempt)
    accounts.clear_account_failures(session, user.username)
    session.commit()
    return True
