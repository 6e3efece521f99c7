"""Idle memory (issue #17): the per-text caches are emptied by alerts.trim.forget_texts, and
what is asked again is computed again, the same."""

from __future__ import annotations

import sys
from datetime import date

from alerts import analysis
from alerts.fold import fold
from alerts.knowledge.base import knowledge_base
from alerts.knowledge.phrases import token_text
from alerts.trim import forget_texts, give_back

TITLE = "Macron urges Putin to agree to an immediate ceasefire in Ukraine"
SUMMARY = "The French president called his Russian counterpart on Friday, the Élysée said."


def test_forget_texts_empties_every_per_text_cache_and_answers_stay_the_same():
    day = date(2024, 3, 1)
    kb = knowledge_base()
    first = analysis.analyse_text(TITLE, SUMMARY, day)
    mentions = [m.entity.id for m in kb.mentions(token_text(TITLE), day)]
    assert fold.cache_info().currsize > 0 and token_text.cache_info().currsize > 0
    assert analysis._cache and kb._recent

    assert forget_texts() > 0
    assert fold.cache_info().currsize == 0 and token_text.cache_info().currsize == 0
    assert not analysis._cache and not kb._recent
    give_back()

    again = analysis.analyse_text(TITLE, SUMMARY, day)
    assert again is not first and again == first
    assert [m.entity.id for m in kb.mentions(token_text(TITLE), day)] == mentions
    assert len(mentions) >= 2  # Macron and Putin


def test_the_knowledge_base_is_let_go_only_when_its_cache_gives_it_back(tmp_path,
                                                                       monkeypatch):
    from alerts.knowledge import base
    from alerts.trim import forget_knowledge

    monkeypatch.setattr(base, "_instances", {})
    monkeypatch.delenv("CACHE_DIRECTORY", raising=False)
    # No usable cache folder (a file stands where it would be): kept, as building it again
    # would cost seconds.
    (tmp_path / "blocked").write_text("not a folder", "utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "blocked"))
    kept = knowledge_base(None)
    assert not forget_knowledge()
    assert knowledge_base(None) is kept
    # With its cache file: let go, and the next use reads the same base back.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(base, "_instances", {})
    first = knowledge_base(None)
    day = date(2024, 3, 1)
    mentions = [m.entity.id for m in first.mentions(token_text(TITLE), day)]
    assert forget_knowledge()
    assert base._instances == {}
    again = knowledge_base(None)
    assert again is not first
    assert [m.entity.id for m in again.mentions(token_text(TITLE), day)] == mentions
    assert again.entities == first.entities


def test_the_lexicon_is_let_go_only_when_its_cache_gives_it_back(tmp_path, monkeypatch):
    from alerts.trim import forget_lexicon

    lexicon = sys.modules["alerts.analysis.lexicon"].lexicon
    monkeypatch.delenv("CACHE_DIRECTORY", raising=False)
    day = date(2024, 3, 1)
    first = analysis.analyse_text(TITLE, SUMMARY, day)
    # No readable cache file for it (a cache folder of no one's): kept.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "empty"))
    assert lexicon.cache_info().currsize == 1
    assert not forget_lexicon()
    assert lexicon.cache_info().currsize == 1
    # With its cache file: let go, read back by the next analysis, which is the same.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    lexicon.cache_clear()
    built = lexicon()
    assert forget_lexicon()
    assert lexicon.cache_info().currsize == 0
    forget_texts()
    assert analysis.analyse_text(TITLE, SUMMARY, day) == first
    assert lexicon() is not built and lexicon() == built
