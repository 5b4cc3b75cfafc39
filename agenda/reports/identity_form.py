"""The dossier identity as a form a social worker fills in (issue 16): the applicant, the address,
the contacts, the household and the third parties of ../shared/spec/dossier.schema.json, each
value checked by its field in the user's language; and the conversions between the form and the
dossier's JSON, both ways (a correction starts from the identity in force).

The form works without JavaScript: "add a person" and "remove" are submit buttons that show the
form again with one row more or less, nothing checked and nothing stored. Blank rows are left
out. The bounds of ``agenda.reports.dossiers`` (people, first names, characters) are the fields'
own limits, so that a value too long is named by its field, not by a path.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import phonenumbers
from flask import request
from flask_babel import format_date, gettext
from flask_babel import lazy_gettext as _l
from stdnum import iban as stdnum_iban
from wtforms import (
    DateField,
    EmailField,
    FieldList,
    Form,
    FormField,
    SelectField,
    StringField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length, Optional, Regexp, ValidationError

from agenda.pseudonymise.dossier import valid_niss
from agenda.reports.dossiers import (
    MAX_FIRST_NAMES,
    MAX_PEOPLE,
    MAX_REFERENCE_CHARS,
    MAX_VALUE_CHARS,
)
from council.forms import LANGUAGE_NAMES
from council.models import Language
from council.typed_dates import typed_date_bounds

#: the languages a dossier (and its letters) may be in
DOSSIER_LANGUAGES = (Language.fr, Language.nl, Language.de)
#: the household relations of the schema, in its order
RELATIONS = ("partner", "child", "parent", "sibling", "other")
#: the person's fields of the schema the form shows (the ``person`` definition)
PERSON_FIELDS = ("last_name", "first_names", "birth_date", "niss", "sex")
#: the lists of people, and the key each row adds to a person
PEOPLE = {"household": "relation", "third_parties": "role"}


def _sex_choices() -> list[SelectChoice]:
    return [SelectChoice("", _l("not stated")), SelectChoice("F", _l("female")),
            SelectChoice("M", _l("male")), SelectChoice("X", _l("X (neither)"))]


def _relation_choices() -> list[SelectChoice]:
    titles = {"partner": _l("partner"), "child": _l("child"), "parent": _l("parent"),
              "sibling": _l("brother or sister"), "other": _l("other household member")}
    return [SelectChoice(value, titles[value]) for value in RELATIONS]


def _language_choices() -> list[SelectChoice]:
    return [SelectChoice(lang.value, LANGUAGE_NAMES[lang]) for lang in DOSSIER_LANGUAGES]


def _value_length() -> Length:
    return Length(max=MAX_VALUE_CHARS, message=_l(
        "At most %(max)d characters.", max=MAX_VALUE_CHARS))


# --- the checks of single values ---------------------------------------------------------------


def check_niss(form: Form, field: StringField) -> None:
    """A national register number or BIS number with its mod-97 check."""
    if field.data and not valid_niss(field.data):
        raise ValidationError(_l(
            "This is not a valid national register (or BIS) number: 11 digits, the last two "
            "a check on the first nine. Check each digit."))


def check_first_names(form: Form, field: StringField) -> None:
    if len(split_names(field.data)) > MAX_FIRST_NAMES:
        raise ValidationError(_l("At most %(count)d first names.", count=MAX_FIRST_NAMES))
    if any(len(name) > MAX_VALUE_CHARS for name in split_names(field.data)):
        raise ValidationError(_l("At most %(max)d characters.", max=MAX_VALUE_CHARS))


def check_birth_date(form: Form, field: DateField) -> None:
    """A birth date in the span a user may type (``council.typed_dates``)."""
    if field.data is None:
        return
    earliest, latest = typed_date_bounds(birth=True)
    if not earliest <= field.data <= latest:
        raise ValidationError(gettext(
            "%(what)s must fall between %(earliest)s and %(latest)s.",
            what=gettext("A date of birth"), earliest=format_date(earliest, "long"),
            latest=format_date(latest, "long")))


def check_phone(form: Form, field: StringField) -> None:
    """A phone number that exists, Belgian unless it starts with its country code."""
    if not field.data:
        return
    try:
        number = phonenumbers.parse(field.data, "BE")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(_l(
            "This is not a valid phone number (e.g. 0470 12 34 56, or +33 6 12 34 56 78 "
            "abroad)."))


def check_iban(form: Form, field: StringField) -> None:
    """An IBAN with its check digits and its country's format."""
    if field.data and not stdnum_iban.is_valid(field.data):
        raise ValidationError(_l(
            "This is not a valid IBAN: check each character (e.g. BE71 0961 2345 6769)."))


def split_names(text: str | None) -> list[str]:
    return [name.strip() for name in (text or "").split(",") if name.strip()]


# --- the form ----------------------------------------------------------------------------------


class PersonFields(Form):
    """One person of the dossier (the schema's ``person``)."""

    last_name = StringField(_l("Last name"), validators=[_value_length()])
    first_names = StringField(_l("First names (separated by commas)"),
                              validators=[Optional(), check_first_names])
    birth_date = DateField(_l("Date of birth"), validators=[Optional(), check_birth_date])
    niss = StringField(_l("National register number (NISS or BIS)"),
                       validators=[Optional(), Length(max=20, message=_l(
                           "At most %(max)d characters.", max=20)), check_niss],
                       render_kw={"inputmode": "numeric", "autocomplete": "off"})
    sex = SelectField(_l("Sex"), choices=_sex_choices, default="", validate_choice=True)

    def is_blank(self) -> bool:
        """Nothing typed in this row: it is left out (and needs no last name)."""
        return not any(_text(self[name].data) for name in self._texts()) and (
            self.birth_date.data is None)

    def _texts(self) -> tuple[str, ...]:
        return ("last_name", "first_names", "niss")

    def validate_last_name(self, field: StringField) -> None:
        """A person in a list needs a last name once anything of them is given."""
        if not (field.data or "").strip() and not self.is_blank():
            raise ValidationError(_l("Give the last name."))


class ApplicantFields(PersonFields):
    last_name = StringField(_l("Last name"), validators=[
        DataRequired(message=_l("Give the applicant's last name.")), _value_length()])


class HouseholdMemberFields(PersonFields):
    relation = SelectField(_l("Relation to the applicant"), choices=_relation_choices,
                           default="child")


class ThirdPartyFields(PersonFields):
    role = StringField(_l("Role (landlord, doctor, former partner…)"),
                       validators=[Optional(), _value_length()])

    def _texts(self) -> tuple[str, ...]:
        return ("last_name", "first_names", "niss", "role")


class AddressFields(Form):
    street = StringField(_l("Street"), validators=[Optional(), _value_length()],
                         render_kw={"autocomplete": "off"})
    number = StringField(_l("Number"), validators=[Optional(), Length(max=20, message=_l(
        "At most %(max)d characters.", max=20))])
    box = StringField(_l("Box"), validators=[Optional(), Length(max=20, message=_l(
        "At most %(max)d characters.", max=20))])
    postcode = StringField(_l("Postcode"), validators=[Optional(), Regexp(
        r"^[1-9][0-9]{3}$", message=_l("A Belgian postcode has four digits (e.g. 7000)."))],
        render_kw={"inputmode": "numeric"})
    city = StringField(_l("Municipality"), validators=[Optional(), _value_length()])

    def validate(self, extra_validators: Any = None) -> bool:
        """Each field, then the address whole or empty (a letter needs all of it)."""
        valid = super().validate(extra_validators)
        parts = ("street", "number", "postcode", "city")
        missing = [name for name in parts if not _text(self[name].data)]
        if 0 < len(missing) < len(parts):
            for name in missing:
                self[name].errors = [*self[name].errors,
                                     _l("Complete the address, or leave it all empty.")]
            return False
        return valid


class ContactFields(Form):
    phone = StringField(_l("Phone"), validators=[Optional(), Length(max=40, message=_l(
        "At most %(max)d characters.", max=40)), check_phone],
        render_kw={"inputmode": "tel", "autocomplete": "off"})
    email = EmailField(_l("E-mail"), validators=[
        Optional(), _value_length(),
        Email(message=_l("This is not a valid e-mail address."), check_deliverability=False)],
        render_kw={"autocomplete": "off"})
    iban = StringField(_l("Bank account (IBAN)"), validators=[Optional(), Length(
        max=42, message=_l("At most %(max)d characters.", max=42)), check_iban],
        render_kw={"autocomplete": "off", "autocapitalize": "characters"})


class DossierFields(Form):
    """The whole identity, nested in a page's own form (``dossier_form``)."""

    reference = StringField(_l("File reference"), validators=[
        DataRequired(message=_l("Give the file reference.")),
        Length(max=MAX_REFERENCE_CHARS, message=_l(
            "At most %(max)d characters.", max=MAX_REFERENCE_CHARS))])
    language = SelectField(_l("Language of the applicant's letters"),
                           choices=_language_choices, default=Language.fr.value)
    applicant = FormField(ApplicantFields, label=_l("Applicant"))
    address = FormField(AddressFields, label=_l("Address"))
    contacts = FormField(ContactFields, label=_l("Contacts"))
    household = FieldList(FormField(HouseholdMemberFields), label=_l("Household"),
                          max_entries=MAX_PEOPLE)
    third_parties = FieldList(FormField(ThirdPartyFields), label=_l("Third parties"),
                              max_entries=MAX_PEOPLE)


def dossier_fields(**kwargs: Any) -> DossierFields:
    """The identity fields under the prefix ``dossier-``, read from the request when it posts
    a form; they sit inside a page's own Flask-WTF form, which carries the CSRF token."""
    formdata = request.form if request.method == "POST" else None
    return DossierFields(formdata=formdata, prefix="dossier-", **kwargs)


# --- adding and removing rows, without JavaScript ----------------------------------------------


def change_rows(fields: DossierFields, command: str | None) -> bool:
    """Applies ``add:household``, ``add:third_parties`` or ``remove:household:N`` (the value of
    the button pressed); whether it was such a command (then the form is only shown again)."""
    parts = (command or "").split(":")
    if len(parts) < 2 or parts[1] not in PEOPLE:
        return False
    rows: FieldList = fields[parts[1]]
    if parts[0] == "add" and len(parts) == 2:
        if len(rows.entries) < MAX_PEOPLE:
            rows.append_entry()
        return True
    if parts[0] == "remove" and len(parts) == 3 and parts[2].isdigit():
        rows.entries = [row for row in rows.entries if row.id != f"{rows.id}-{parts[2]}"]
        return True
    return False


# --- the form and the dossier's JSON, both ways ------------------------------------------------


def _text(value: str | None) -> str:
    return (value or "").strip()


def _person(fields: PersonFields) -> dict[str, Any]:
    person: dict[str, Any] = {"last_name": _text(fields.last_name.data)}
    names = split_names(fields.first_names.data)
    if names:
        person["first_names"] = names
    if fields.birth_date.data:
        person["birth_date"] = fields.birth_date.data.isoformat()
    if _text(fields.niss.data):
        person["niss"] = _text(fields.niss.data)
    if fields.sex.data:
        person["sex"] = fields.sex.data
    return person


def to_dossier(fields: DossierFields) -> dict[str, Any]:
    """The dossier's JSON from a valid form: empty values and blank rows left out."""
    dossier: dict[str, Any] = {"reference": _text(fields.reference.data),
                               "language": fields.language.data,
                               "applicant": _person(fields.applicant.form)}
    address = {name: _text(fields.address.form[name].data)
               for name in ("street", "number", "box", "postcode", "city")}
    if any(address.values()):
        dossier["address"] = {name: value for name, value in address.items() if value}
    contacts = {name: _text(fields.contacts.form[name].data)
                for name in ("phone", "email", "iban")}
    if any(contacts.values()):
        dossier["contacts"] = {name: value for name, value in contacts.items() if value}
    for key, extra in PEOPLE.items():
        people = []
        for row in fields[key].entries:
            if row.form.is_blank():
                continue
            person = _person(row.form)
            if _text(row.form[extra].data):
                person[extra] = _text(row.form[extra].data)
            people.append(person)
        if people:
            dossier[key] = people
    return dossier


def _person_data(person: Mapping[str, Any]) -> dict[str, Any]:
    birth = person.get("birth_date")
    return {"last_name": person.get("last_name") or "",
            "first_names": ", ".join(person.get("first_names") or ()),
            "birth_date": date.fromisoformat(birth) if birth else None,
            "niss": person.get("niss") or "", "sex": person.get("sex") or "",
            "relation": person.get("relation") or "other", "role": person.get("role") or ""}


def form_data(dossier: Mapping[str, Any]) -> dict[str, Any]:
    """The form's data from a stored dossier (already valid: it was checked when stored)."""
    return {
        "reference": dossier.get("reference") or "",
        "language": dossier.get("language") or Language.fr.value,
        "applicant": _person_data(dossier.get("applicant") or {}),
        "address": {name: (dossier.get("address") or {}).get(name) or ""
                    for name in ("street", "number", "box", "postcode", "city")},
        "contacts": {name: (dossier.get("contacts") or {}).get(name) or ""
                     for name in ("phone", "email", "iban")},
        "household": [_person_data(p) for p in dossier.get("household") or ()],
        "third_parties": [_person_data(p) for p in dossier.get("third_parties") or ()],
    }
