"""Who a text's contact frames pair, for the frame tests: each pair as "a+b", the two
entity ids in order."""

from __future__ import annotations

from datetime import date

from alerts.analysis import analyse_text


def paired(title: str, summary: str = "", day: date = date(2025, 7, 1),
           sentence: int | None = None) -> set[str]:
    """Every pair of every contact frame (of sentence number `sentence` only, if given)."""
    return {"+".join(sorted(p.entity_id for p in pair))
            for f in analyse_text(title, summary, day).frames
            if f.type == "contact" and (sentence is None or f.sentence == sentence)
            for pair in f.pairs}


def held(title: str, summary: str = "", day: date = date(2025, 7, 1)) -> set[str]:
    """The pairs of the contacts the text reports as held: happened, and not a
    retrospective."""
    return {"+".join(sorted(p.entity_id for p in pair))
            for f in analyse_text(title, summary, day).frames
            if f.type == "contact" and f.modality == "happened" and "anniversary" not in f.flags
            for pair in f.pairs}


def news(title: str, summary: str = "", day: date = date(2025, 7, 1)) -> set[str]:
    """The pairs of the contacts the headline or the first sentence reports as held and as
    the news: happened, not the backdrop of other news."""
    return {"+".join(sorted(p.entity_id for p in pair))
            for f in analyse_text(title, summary, day).frames
            if f.type == "contact" and f.modality == "happened" and "backdrop" not in f.flags
            and f.sentence <= 1 for pair in f.pairs}
