"""Signing documents: the signature pages (``views``), the use cases (``service``), PAdES
signing and checking (``signing``), signers' certificates and trust anchors (``certificates``)
and the demo PKI (``pki``)."""
