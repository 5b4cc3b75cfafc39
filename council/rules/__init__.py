"""Pure legal rules of a CPAS's organs (loi organique des CPAS of 8 July 1976, regional texts).

Each module takes plain values and returns a frozen result or raises a
:class:`council.rules.errors.RuleError`. Nothing here knows about Flask, the database or the CLI.
Rules marked [V] in DOMAIN.md take their behaviour from an explicit parameter or setting.
"""
