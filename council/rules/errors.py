"""Exceptions raised by the legal rules."""


class RuleError(ValueError):
    """The input cannot be decided under the rule (invalid numbers, unknown names, …)."""


class UnresolvedTie(RuleError):
    """The legal tie-break does not separate the tied candidates: a human decision is needed."""

    def __init__(self, message: str, candidates: tuple[str, ...], seats: int) -> None:
        super().__init__(message)
        self.candidates = candidates
        self.seats = seats
