"""The minutes: the procès-verbal and its PDF, signatures (``signatures``), extracts, notification
letters (``notifications``) and the secrecy register (``secrecy``). Imports ``agenda`` and the
kernel (``council``); see docs/architecture.md."""

import warnings

from cryptography.utils import CryptographyDeprecationWarning

# cryptography 51 deprecates DSA and warns when a module imports its DSA key types; pyHanko
# (0.38.0, its newest release when this was written) imports them in
# pyhanko.sign.signers.pdf_cms to recognise such keys, and we never use DSA. That module is
# imported here, first, with only that message from it silenced: a filter scoped to the import
# holds under any outer filter (pytest's "error" included), and a module warns only when first
# imported. Remove with the first pyHanko release that stops importing the DSA types.
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="DSA is deprecated",
                            category=CryptographyDeprecationWarning,
                            module=r"pyhanko\.sign\.signers\.pdf_cms")
    import pyhanko.sign.signers.pdf_cms  # noqa: F401

from minutes.web import init_app

__all__ = ["init_app"]
