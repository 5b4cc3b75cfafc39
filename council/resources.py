"""Where the application's templates, static files and compiled catalogs are.

In a checkout (``make demo``, ``pip install -e .``) they are the top-level folders beside the
packages. A built wheel (``pip install .``, a production install) carries copies inside this
package, under ``council/resources/`` (``setup.py`` puts them there at build time), because an
installed distribution has no "beside the packages".
"""

from __future__ import annotations

from pathlib import Path

#: the folders the build copies into the package, in the checkout's layout
FOLDERS = ("templates", "static", "translations")
CHECKOUT = Path(__file__).resolve().parent.parent
PACKAGED = Path(__file__).resolve().parent / "resources"


def resource_folder(name: str) -> Path:
    """The folder ``name`` (one of FOLDERS): the checkout's when there is one, else the copy
    inside the installed package."""
    if name not in FOLDERS:
        raise ValueError(f"not a resource folder: {name}")
    checkout = CHECKOUT / name
    return checkout if checkout.is_dir() else PACKAGED / name
