"""The agenda: meetings and their agendas and convocations (``meetings``), social reports from
intake to the agenda (``reports``, ``pseudonymise``), and the meeting in session (``sitting``).
Imports the kernel (``council``), never ``minutes``; see docs/architecture.md."""

from agenda.web import init_app

__all__ = ["init_app"]
