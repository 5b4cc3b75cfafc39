"""Signing documents: the signature pages (``views``), the use cases (``service``), PAdES
signing and checking (``signing``), signers' certificates and trust anchors (``certificates``);
the demo's throwaway PKI is ``council.demo.pki``."""
