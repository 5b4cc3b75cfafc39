"""The minutes: the procès-verbal and its PDF, signatures (``signatures``), extracts, notification
letters (``notifications``) and the secrecy register (``secrecy``). Imports ``agenda`` and the
kernel (``council``); see docs/architecture.md."""

import warnings

from cryptography.utils import CryptographyDeprecationWarning

# cryptography 51 deprecates DSA and warns when a module imports its DSA key types; pyHanko
# (0.38.0, its newest release when this was written) imports them in
# pyhanko.sign.signers.pdf_cms to recognise such keys, and we never use DSA. Only that message
# from that module is silenced, before any module of this package imports pyHanko; remove it
# with the first pyHanko release that stops importing the DSA types.
warnings.filterwarnings("ignore", message="DSA is deprecated",
                        category=CryptographyDeprecationWarning,
                        module=r"pyhanko\.sign\.signers\.pdf_cms")

from minutes.web import init_app  # noqa: E402 (after the filter: the pages import pyHanko)

__all__ = ["init_app"]
