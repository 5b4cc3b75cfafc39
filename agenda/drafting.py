"""The draft decision of an agenda item, in the centre's language: "Vu" (the legal bases),
"Considérant" (the reasons), "Décide" (the decision), one line each. One assembly for every
item: the skeleton of an item added by hand and the draft of an item built from a social
report. Pure (no Flask): its sentences come from the gettext catalogs
(``council.i18n.catalog``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from babel import dates as babel_dates

from council.i18n import BABEL_LOCALES, catalog


def _draft(language: str, *, having_regard: Sequence[str] = (), whereas: Sequence[str],
           decides: str | None) -> str:
    """The organic law and ``having_regard``, ``whereas``, then "Décide :" followed by
    ``decides``, or by an empty line to write the decision on."""
    words = catalog(language)
    text = "\n".join((
        words.gettext("Having regard to the organic law of 8 July 1976 on public centres for "
                      "social welfare;"),
        *having_regard,
        *whereas,
        words.gettext("Decides:"),
    ))
    return f"{text} {decides}" if decides else f"{text}\n"


def urgency_clause(language: str, reason: str) -> str:
    """"Considérant l'urgence : …", the reason an item was added after convocation."""
    return catalog(language).gettext("Whereas the matter is urgent: %(reason)s;") % {
        "reason": reason
    }


def draft_skeleton(language: str, *, urgency_reason: str | None) -> str:
    """An item added by hand: "Considérant que … ;" to complete (with the urgency, if any)."""
    whereas = [catalog(language).gettext("Whereas …;")]
    if urgency_reason is not None:
        whereas.append(urgency_clause(language, urgency_reason))
    return _draft(language, whereas=whereas, decides=None)


def draft_decision(
    language: str, *, proposal: str | None, reference: str, report_date: date
) -> str:
    """An individual-aid item built from a social report: its laws, the report, and the
    proposal the report ends with (or a mark to complete it)."""
    words = catalog(language)
    # a CLDR pattern: "16/11/2026", "16.11.2026"
    day = babel_dates.format_date(report_date, words.gettext("dd/MM/yyyy"),
                                  locale=BABEL_LOCALES[language])
    return _draft(
        language,
        having_regard=(
            words.gettext("Having regard to the law of 26 May 2002 on the right to social "
                          "integration;"),
            words.gettext("Having regard to the law of 29 July 1991 on the formal statement of "
                          "reasons for administrative acts;"),
            words.gettext("Having regard to the social report of %(date)s on file "
                          "%(reference)s;") % {"date": day, "reference": reference},
        ),
        whereas=(words.gettext("Whereas the situation described in the social report justifies "
                               "the proposed aid;"),),
        decides=proposal or words.gettext("[proposal to be completed]"),
    )
