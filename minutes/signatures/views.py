"""Signatures on the web: the signer's certificate, the documents awaiting a signature, the
signing page with its confirmation, the signature check, downloads, and an item's extracts."""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale, gettext
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from werkzeug.datastructures import FileStorage
from werkzeug.wrappers import Response
from wtforms import BooleanField, PasswordField
from wtforms.validators import Length, Optional

from council import permissions
from council.db import db
from council.errors import flash_refused, refused
from council.forms import EmptyForm, ReauthenticationForm
from council.refusals import Denied, require
from council.services import two_factor
from minutes import dispatch, extracts
from minutes.documents import download_copy
from minutes.forms import DispatchForm
from minutes.signatures import certificates
from minutes.signatures import service as signatures

bp = Blueprint("signatures", __name__)


class CertificateForm(FlaskForm):
    pkcs12 = FileField(_l("Your certificate (.p12 or .pfx file)"))
    passphrase = PasswordField(_l("The certificate's passphrase"),
                               validators=[Optional(), Length(max=256)],
                               render_kw={"autocomplete": "off"})


class SignForm(ReauthenticationForm):
    passphrase = PasswordField(_l("Your certificate's passphrase"),
                               validators=[Optional(), Length(max=256)],
                               render_kw={"autocomplete": "off"})
    confirm = BooleanField(_l("I have read this document and I sign it. A signature is "
                              "irreversible."))


class ExtractForm(ReauthenticationForm):
    identified = BooleanField(_l("Name the applicant (identified extract)"))


def _with_reauthentication(form: ReauthenticationForm) -> Any:
    """Drops the one-time code field for an account without an authenticator."""
    if not two_factor.is_enrolled(db.session, current_user):
        del form.otp
    return form


def _otp(form: ReauthenticationForm) -> str | None:
    return form.otp.data if "otp" in form else None


def _language() -> str:
    return str(get_locale() or "en").split("_")[0]


# --- the signer's certificate -------------------------------------------------------------


def _upload(storage: Any) -> bytes:
    if not isinstance(storage, FileStorage) or not storage.filename:
        return b""
    try:
        return storage.read(certificates.MAX_PKCS12_BYTES + 1)
    finally:
        storage.close()


@bp.route("/account/certificate", methods=["GET", "POST"])
@login_required
def certificate() -> Response | str:
    require(permissions.can_hold_certificate(current_user))
    form = CertificateForm()
    error = None
    if form.validate_on_submit():
        try:
            certificates.upload_certificate(
                db.session, actor=current_user, pkcs12=_upload(form.pkcs12.data),
                passphrase=form.passphrase.data or "", language=_language())
        except certificates.CertificateError as refusal:
            error = refused(refusal)
        else:
            flash(gettext("Your signing certificate is stored. Its passphrase was not kept: "
                          "you give it at each signature."), "success")
            return redirect(url_for("signatures.certificate"))
    elif form.errors:
        error = gettext("Some fields are not valid.")
    page = render_template("signatures/certificate.html", form=form, error=error,
                           current=certificates.active_certificate(db.session, current_user),
                           withdraw_form=EmptyForm())
    return make_response(page, 422 if error else 200)


@bp.route("/account/certificate/<int:certificate_id>/withdraw", methods=["POST"])
@login_required
def withdraw_certificate(certificate_id: int) -> Response:
    require(permissions.can_hold_certificate(current_user))
    if EmptyForm().validate_on_submit():
        try:
            certificates.withdraw_certificate(db.session, certificate_id, actor=current_user)
        except certificates.NotYours:
            raise  # its own 404 (council.errors), not a message on the page
        except certificates.CertificateError as refusal:
            flash_refused(refusal)
        else:
            flash(gettext("Your certificate is withdrawn: it signs nothing any more."), "success")
    return redirect(url_for("signatures.certificate"))


# --- documents under signature ------------------------------------------------------------


@bp.route("/signatures")
@login_required
def pending() -> str:
    require(permissions.can_hold_certificate(current_user))
    return render_template(
        "signatures/pending.html",
        waiting=signatures.awaiting_signature(db.session, actor=current_user),
        has_certificate=certificates.active_certificate(db.session, current_user) is not None)


def _sign_page(context: signatures.DocumentContext, form: SignForm, *, error: str | None = None,
               status: int = 200) -> Response:
    capacity = permissions.signing_capacity(current_user, context.meeting)
    page = render_template(
        "signatures/sign.html", context=context, document=context.document, form=form,
        error=error, capacity=capacity,
        can_sign=capacity is not None and signatures.refusal_for(context, capacity) is None,
        refusal=signatures.refusal_for(context, capacity) if capacity else None,
        can_read=signatures.can_read(current_user, context),
        certificate=certificates.active_certificate(db.session, current_user))
    return make_response(page, status)


@bp.route("/documents/<int:document_id>/sign", methods=["GET", "POST"])
@login_required
def sign(document_id: int) -> Response:
    context = signatures.document_for(db.session, current_user, document_id,
                                      signatures.can_follow)
    form = _with_reauthentication(SignForm())
    if not form.validate_on_submit():
        if request.method == "POST":
            return _sign_page(context, form, error=gettext("Some fields are not valid."),
                              status=422)
        return _sign_page(context, form)
    if not form.confirm.data:
        return _sign_page(context, form, error=gettext(
            "Tick the box to confirm: a signature cannot be undone."), status=422)
    capacity = permissions.signing_capacity(current_user, context.meeting)
    if capacity is None:  # no capacity in which this user signs: permissions say no
        raise Denied()
    try:
        signatures.sign_document(
            db.session, document_id, actor=current_user, capacity=capacity,
            passphrase=form.passphrase.data or "", password=form.password.data or "",
            otp=_otp(form), address=request.remote_addr or "", language=_language())
    except signatures.NotAllowed:
        raise  # its own 403 (council.errors), not a message on the page
    except signatures.SignatureRefused as refusal:
        message = refused(refusal)
        return _sign_page(signatures.load_context(db.session, document_id),
                          _with_reauthentication(SignForm(formdata=None)), error=message,
                          status=422)
    flash(gettext("Signed. The signature is in the PDF and cannot be undone."), "success")
    return redirect(url_for("signatures.sign", document_id=document_id))


#: pdfsig's verdicts (poppler's wording, in English) as the check page says them
PDFSIG_SAYS = {
    "Signature is Valid.": _l("The signature is valid."),
    "Signature is Invalid.": _l("The signature is not valid."),
    "Digest Mismatch.": _l("The document was changed after it was signed."),
    "Document isn't signed or corrupted data.": _l(
        "The document is not signed, or its data is damaged."),
    "Signature has not yet been verified.": _l("The signature has not been verified yet."),
    "Unknown Validation Failure.": _l("The signature could not be checked (unknown failure)."),
    "Certificate is Trusted.": _l("The signer's certificate is trusted."),
    "Certificate issuer isn't Trusted.": _l(
        "The authority that issued the signer's certificate is not trusted."),
    "Certificate issuer is unknown.": _l(
        "The authority that issued the signer's certificate is unknown."),
    "Certificate has been Revoked.": _l("The signer's certificate has been revoked."),
    "Certificate has Expired": _l("The signer's certificate has expired."),
    "Certificate has not yet been verified.": _l(
        "The signer's certificate has not been verified yet."),
    "Unknown issue with Certificate or corrupted data.": _l(
        "Unknown problem with the signer's certificate, or damaged data."),
}


def pdfsig_says(verdict: str) -> str:
    """pdfsig's sentence in the reader's language; one it does not know, as pdfsig wrote it."""
    known = PDFSIG_SAYS.get(verdict.strip())
    return str(known) if known is not None else verdict


@bp.route("/documents/<int:document_id>/check")
@login_required
def check(document_id: int) -> Response:
    context = signatures.document_for(db.session, current_user, document_id, signatures.can_check)
    report = signatures.check_document(db.session, context, actor=current_user)
    return make_response(render_template(
        "signatures/check.html", context=context, document=context.document, report=report,
        can_read=signatures.can_read(current_user, context), pdfsig_says=pdfsig_says))


@bp.route("/documents/<int:document_id>.pdf")
@login_required
def download(document_id: int) -> Response:
    context = signatures.document_for(db.session, current_user, document_id, signatures.can_read)
    if context.extract is not None:
        _, pdf = extracts.download_extract(db.session, context.extract.id, actor=current_user)
    else:
        pdf = download_copy(db.session, context.document, actor=current_user,
                            meeting=context.meeting)
    name = f"{context.document.kind.value}-{context.document.id}.pdf"
    # like every page behind the login, never cached (council.security_headers)
    return Response(pdf, mimetype="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


# --- extracts -----------------------------------------------------------------------------


@bp.route("/extracts/<int:extract_id>/original.pdf")
@login_required
def extract_original(extract_id: int) -> Response:
    """A signed identified extract as it is sent to the person concerned (the DG)."""
    extract = extracts.extract_to_send(db.session, extract_id, actor=current_user)
    pdf = extracts.extract_original(db.session, extract, actor=current_user)
    return Response(pdf, mimetype="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="extract-{extract.id}.pdf"'})


@bp.route("/extracts/<int:extract_id>/dispatch", methods=["POST"])
@login_required
def extract_dispatch(extract_id: int) -> Response:
    """Records that a signed identified extract left: to whom, how and when."""
    extract = extracts.extract_to_send(db.session, extract_id, actor=current_user)
    form = DispatchForm()
    if form.validate_on_submit():
        try:
            extracts.record_extract_dispatch(db.session, extract, form.dispatch(),
                                             actor=current_user)
        except extracts.ExtractError as error:
            flash_refused(error)
        else:
            flash(gettext("Dispatch recorded."), "success")
    else:
        flash(gettext("Some fields are not valid."), "error")
    return redirect(url_for("signatures.item_extracts", item_id=extract.item_id))


@bp.route("/items/<int:item_id>/extracts", methods=["GET", "POST"])
@login_required
def item_extracts(item_id: int) -> Response:
    item = extracts.item_for_extracts(db.session, current_user, item_id)
    form = _with_reauthentication(ExtractForm())
    error = None
    if form.validate_on_submit():
        try:
            extract = extracts.make_extract(
                db.session, item.id, actor=current_user, identified=form.identified.data,
                password=form.password.data or "", otp=_otp(form),
                address=request.remote_addr or "")
        except extracts.NotAllowed:
            raise  # its own 403 (council.errors), not a message on the page
        except extracts.ExtractError as refusal:
            error = refused(refusal)
        else:
            flash(gettext("The extract is ready; it now awaits the signatures of the president "
                          "and the director-general."), "success")
            return redirect(url_for("signatures.item_extracts", item_id=extract.item_id))
    found = extracts.extracts_of(db.session, item, actor=current_user)
    page = render_template(
        "signatures/extracts.html", item=item, form=form, error=error, extracts=found,
        can_make=permissions.can_make_extract(current_user, item),
        can_identify=permissions.can_make_identified_extract(current_user, item),
        dispatch_form=DispatchForm(), sent={
            extract.id: dispatch.dispatches_of(db.session, extract.document)
            for extract in found if extract.is_identified and extract.document.is_sealed
            and permissions.can_send_original(current_user, extract.document)})
    return make_response(page, 422 if error else 200)
