"""Use cases of the agenda: reports, meetings and their agendas."""
