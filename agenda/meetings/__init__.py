"""Meetings: the list and pages (``views``), the agenda builder (``builder``), convocations
(``convocation``), the writes (``service``) and the reads as a given user sees them
(``queries``)."""
