"""The centre's own details that its letters print: address, telephone and the competent
labour court (every notification letter must name the court and its address). The DG's."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from council import permissions
from council.db import db
from council.refusals import require
from council.services import centre as centre_service

bp = Blueprint("settings", __name__, url_prefix="/settings")


class CentreForm(FlaskForm):
    postal_address = StringField(_l("Postal address of the centre"),
                                 validators=[DataRequired(), Length(max=300)])
    phone = StringField(_l("Telephone for questions about decisions"),
                        validators=[DataRequired(), Length(max=40)])
    labour_court_name = StringField(_l("Competent labour court"),
                                    validators=[DataRequired(), Length(max=200)])
    labour_court_address = StringField(_l("Address of the labour court"),
                                       validators=[DataRequired(), Length(max=300)])


@bp.route("/centre", methods=["GET", "POST"])
@login_required
def centre() -> Response | tuple[str, int]:
    require(permissions.can_edit_centre_details(current_user))
    current = centre_service.the_centre(db.session)
    # on POST only what was posted counts (an empty post must not re-save the stored values)
    form = CentreForm(obj=current) if request.method == "GET" else CentreForm()
    if form.validate_on_submit():
        try:
            centre_service.update_details(db.session, centre_service.CentreDetails(
                postal_address=form.postal_address.data, phone=form.phone.data,
                labour_court_name=form.labour_court_name.data,
                labour_court_address=form.labour_court_address.data), actor=current_user)
        except centre_service.CentreError as refused:
            db.session.rollback()
            flash(str(refused), "error")
        else:
            flash(_l("The centre's details are saved."), "success")
            return redirect(url_for(".centre"))
    status = 400 if form.errors else 200
    return render_template("settings/centre.html", form=form, centre=current), status
