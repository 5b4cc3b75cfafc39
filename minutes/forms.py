"""Forms shared by several of the minutes' pages."""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from council.labels import TITLES
from council.models import DispatchMethod
from minutes.dispatch import MAX_RECIPIENT, MAX_REFERENCE, DispatchInput


def _methods() -> list[SelectChoice]:
    return [SelectChoice(method.value, TITLES[method]) for method in DispatchMethod]


class DispatchForm(FlaskForm):
    """That a signed original left the centre: to whom, how, when (in place of a stamp)."""

    recipient = TextAreaField(_l("Sent to (name and address)"), validators=[
        DataRequired(), Length(max=MAX_RECIPIENT)], render_kw={"rows": 3})
    method = SelectField(_l("How"), choices=_methods)
    reference = StringField(_l("Registered letter number or message reference"),
                            validators=[Optional(), Length(max=MAX_REFERENCE)])
    sent_on = DateField(_l("Sent on"), validators=[DataRequired()], default=date.today)

    def dispatch(self) -> DispatchInput:
        """What the valid form says."""
        return DispatchInput(recipient=self.recipient.data or "",
                             method=DispatchMethod(self.method.data),
                             sent_on=self.sent_on.data, reference=self.reference.data)
