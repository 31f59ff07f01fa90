"""Measure name matching: transliteration folding and the fuzzy threshold.

    .venv/bin/python bench/measure_name_matching.py

Positive pairs are two spellings of one person's name in the knowledge base
(its Dutch and English names and aliases with two or more words, e.g.
``Sergej Lavrov`` / ``Sergei Lavrov``).  Negative pairs are each such name and
the most similar full name of any *other* person.  For each fuzzy threshold the
script prints how many positives match (recall) and how many names would match
a wrong person (false matches); kroniek uses the threshold with no false
matches and the highest recall.
"""

from __future__ import annotations

from itertools import combinations

from rapidfuzz import fuzz, process

from kroniek.actors.knowledge import build_knowledge_base
from kroniek.actors.names import name_key, plain

THRESHOLDS = (70, 75, 80, 85, 88, 90, 92, 95, 100)


def main() -> None:
    """Print folding recall and the threshold table."""
    kb = build_knowledge_base()
    people = [a for a in kb.actors.values() if a.kind == "person"]
    positives: list[tuple[str, str]] = []
    for person in people:
        full_names = sorted({n for n in person.names if " " in n.strip()})
        positives += [(a, b) for a, b in combinations(full_names, 2) if plain(a) != plain(b)]
    plain_equal = sum(plain(a) == plain(b) for a, b in positives)
    folded_equal = sum(name_key(a) == name_key(b) for a, b in positives)
    print(f"people {len(people)}, spelling pairs {len(positives)}")
    print(f"exact match after lowercasing/accents: {plain_equal / len(positives):.1%}")
    print(f"exact match after transliteration folding: {folded_equal / len(positives):.1%}")

    owner = {}
    for person in people:
        for name in person.names:
            if " " in name.strip():
                owner.setdefault(name_key(name), set()).add(person.actor_id)
    keys = sorted(owner)
    positive_scores = [fuzz.ratio(name_key(a), name_key(b)) for a, b in positives]
    negative_scores = []
    for key in keys:
        rivals = [k for k in keys if not owner[k] & owner[key]]
        best = process.extractOne(key, rivals, scorer=fuzz.ratio)
        negative_scores.append(best[1] if best else 0.0)
    print(f"names checked for false matches: {len(keys)}")
    print(f"{'threshold':>9}{'recall':>9}{'false matches':>15}")
    for threshold in THRESHOLDS:
        recall = sum(s >= threshold for s in positive_scores) / len(positive_scores)
        false = sum(s >= threshold for s in negative_scores)
        print(f"{threshold:>9}{recall:>9.1%}{false:>15}")


if __name__ == "__main__":
    main()
