"""CPAS closed-session deliberation manager: the kernel (models, rules, permissions, database,
encryption, clock, translations) and the composition root (the application factory, the API,
the CLI, the demo, the home page). See docs/architecture.md."""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    """``council.create_app``, for ``flask --app council`` and ``gunicorn 'council:create_app()'``.

    Imported on first use: the factory imports the features (``agenda``, ``minutes``), which
    import the kernel, this package; importing ``council.models`` must not load every feature.
    """
    if name == "create_app":
        from council.factory import create_app  # lazy: the kernel must not load the features

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
