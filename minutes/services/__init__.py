"""Use cases of the minutes (drafting, revisions, approval, corrections) and of the confidential
copies of signed documents."""
