"""Social reports, pseudonymisation, agendas and convocations."""
