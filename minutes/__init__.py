"""Minutes (procès-verbaux), their PDF, signatures, extracts and notification letters."""
