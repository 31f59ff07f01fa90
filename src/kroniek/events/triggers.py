"""Trigger words: the verbs, nouns and phrases of the lexicon that report an event.

Phrases are matched first (longest wins by file order), then single verbs (with
their separable particle joined on: "pakte ... op" is "oppakken") and nouns.
Verb forms used as adjectives or nouns for people ("de verdachte") report nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from kroniek.events.clause import Clause, Trigger
from kroniek.events.lexicon import Lexicon, LexiconEntry
from kroniek.records import Pos, Relation, Sentence, Usage, VerbForm

_MAX_GAP = 3
"""Words a phrase may skip between two of its own."""


def find_triggers(sentence: Sentence, lexicon: Lexicon) -> Iterator[Trigger]:
    """Triggers in the sentence, phrases first, each token used once."""
    used: set[int] = set()
    # Multi-word units ("te_hulp") are split back into words for phrase matching.
    words: list[tuple[str, int]] = [
        (part, t.index) for t in sentence.tokens for part in t.lemma.casefold().split("_") if part
    ]
    lemmas = [word for word, _ in words]
    for phrase, entry in lexicon.phrases:
        span = _phrase_at(lemmas, phrase)
        if span is None:
            continue
        first, last = words[span[0]][1], words[span[1]][1]
        if not used & set(range(first, last + 1)):
            used.update(range(first, last + 1))
            yield Trigger(
                first, last, entry, nominal=False, head=_phrase_verb(sentence, first, last)
            )
    for token in sentence.tokens:
        if token.index in used:
            continue
        single, nominal = _single_word_entry(sentence, token.index, lexicon)
        if single is not None and not _other_sense(sentence, token.index, single):
            used.add(token.index)
            yield Trigger(token.index, token.index, single, nominal=nominal)


def _phrase_verb(sentence: Sentence, first: int, last: int) -> int:
    """The verb a phrase's arguments hang on: its verb whose head lies outside the phrase,
    else its first verb; -1 when the phrase has none."""
    verbs = [i for i in range(first, last + 1) if sentence.tokens[i].pos is Pos.VERB]
    outside = [i for i in verbs if not first <= sentence.tokens[i].head <= last]
    return (outside or verbs or [-1])[0]


def _phrase_at(lemmas: list[str], phrase: tuple[str, ...]) -> tuple[int, int] | None:
    """First and last word of ``phrase`` in order, with at most a few words between."""
    for start, lemma in enumerate(lemmas):
        if lemma != phrase[0]:
            continue
        position, last = start, start
        for word in phrase[1:]:
            following = [
                i
                for i in range(position + 1, min(len(lemmas), position + 2 + _MAX_GAP))
                if lemmas[i] == word
            ]
            if not following:
                break
            position = last = following[0]
        else:
            return start, last
    return None


def _single_word_entry(
    sentence: Sentence, index: int, lexicon: Lexicon
) -> tuple[LexiconEntry | None, bool]:
    """The entry a verb (with its separable particle) or a noun triggers, if any."""
    token = sentence.tokens[index]
    lemma = token.lemma.casefold()
    if token.pos is Pos.VERB:
        if _describes(sentence, index, lexicon):
            return None, False
        particles = [
            t.lemma.casefold()
            for t in sentence.tokens
            if t.head == index and t.relation is Relation.PARTICLE
        ] or _stranded_particles(sentence, index)
        # A particle verb is its own word: "aanvechten" (contest) is not "vechten" (fight).
        for candidate in [p + lemma for p in particles] or [lemma]:
            if candidate in lexicon.verbs:
                return lexicon.verbs[candidate][0], False
    if token.pos is Pos.NOUN and lemma in lexicon.nouns:
        return lexicon.nouns[lemma][0], True
    if "_" in lemma:
        # A multi-word unit ("in_opstand") ending in a trigger noun.
        tail = lemma.rsplit("_", 1)[1]
        if tail in lexicon.nouns:
            return lexicon.nouns[tail][0], True
    return None, False


def _stranded_particles(sentence: Sentence, index: int) -> list[str]:
    """Particles of a finite verb the parse hung elsewhere: "De politie pakte in Gent drie
    jongeren op" leaves "op" under "jongeren". A preposition with nothing of its own that
    closes the verb's clause (before a comma, a conjunction or the sentence end, no other
    finite verb between) is the verb's particle."""
    tokens = sentence.tokens
    if tokens[index].morph.verb_form is not VerbForm.FINITE:
        return []
    # Punctuation hangs anywhere in the parse; it gives a preposition nothing of its own.
    heads = {t.head for t in tokens if t.pos is not Pos.PUNCT}
    for token in tokens[index + 1 :]:
        if token.pos is Pos.VERB and token.morph.verb_form is VerbForm.FINITE:
            return []
        if token.pos is not Pos.ADP or token.index in heads:
            continue
        after = tokens[token.index + 1] if token.index + 1 < len(tokens) else None
        if after is None or after.pos in (Pos.PUNCT, Pos.CCONJ, Pos.SCONJ):
            return [token.lemma.casefold()]
    return []


def _other_sense(sentence: Sentence, index: int, entry: LexiconEntry) -> bool:
    """The word right after the trigger marks a sense the entry does not code."""
    following = sentence.tokens[index + 1] if index + 1 < len(sentence.tokens) else None
    return following is not None and following.lemma.casefold() in entry.not_before


def _describes(sentence: Sentence, index: int, lexicon: Lexicon) -> bool:
    """A verb form used as an adjective or a noun for people or things reports no event.

    Participles as adjectives or nouns: "aanhoudende regen", "de verdachte", "de
    gedetineerden". An infinitive after a plural article or a number is a plural noun
    the analyser tagged as a verb: "de doden", "vijftig doden" (the act itself takes
    "het": "het doden van burgers").
    """
    morph = sentence.tokens[index].morph
    form, usage = morph.verb_form, morph.usage
    present = form is VerbForm.PRESENT_PARTICIPLE and usage in (Usage.ATTRIBUTIVE, Usage.NOMINAL)
    if present or (form is VerbForm.PAST_PARTICIPLE and usage is Usage.NOMINAL):
        return True
    before = sentence.tokens[index - 1] if index > 0 else None
    plural_noun = before is not None and (
        before.lemma.casefold() in lexicon.cues["plural_article"] or before.pos is Pos.NUM
    )
    return form is VerbForm.INFINITIVE and plural_noun


def merge_requested_aid(clause: Clause, triggers: list[Trigger]) -> list[Trigger]:
    """ "verzoek om militaire assistentie", "belde X om hulp": one REQUEST for assistance.

    The aid noun after "om" is what is asked for, not aid given; a call or a
    request with it becomes a REQUEST with the aid's context.
    """
    tokens = clause.tree.sentence.tokens
    asked, openers = clause.cue("request_verbs"), clause.cue("infinitive_opener")
    absorbed: set[int] = set()
    for trigger in triggers:
        if trigger.entry.event_type != "AID" or not trigger.nominal:
            continue
        before = tokens[trigger.first - 2 : trigger.first] if trigger.first >= 1 else ()
        if not any(t.lemma.casefold() in openers for t in before):
            continue
        absorbed.add(trigger.first)
        for other in triggers:
            lemma = tokens[other.first].lemma.casefold()
            if other.first < trigger.first and (
                other.entry.event_type == "REQUEST" or lemma in asked
            ):
                entry = replace(
                    other.entry,
                    event_type="REQUEST",
                    mode="assist",
                    context=other.entry.context + trigger.entry.context,
                )
                if other.entry.event_type != "REQUEST":
                    entry = replace(entry, rule_id=f"{other.entry.rule_id}+request.om-hulp")
                triggers[triggers.index(other)] = replace(other, entry=entry)
    return [t for t in triggers if t.first not in absorbed]


def verbal_sense(clause: Clause, trigger: Trigger) -> LexiconEntry:
    """The entry, or its verbal sense when words of speech and none of force surround it."""
    entry = trigger.entry
    if entry.verbal is None:
        return entry
    tokens = clause.tree.sentence.tokens
    # The clause, plus the trigger's own phrases: "aanval op onze democratie".
    below = {t.index for t in tokens if t.head == trigger.first}
    words = clause.words_of(trigger) | {t.text.casefold() for t in tokens if t.head in below}
    lemmas = {t.lemma.casefold() for t in tokens if t.text.casefold() in words}
    sentence = {t.lemma.casefold() for t in tokens} | {t.text.casefold() for t in tokens}
    # Dutch compounds end in their head: "pensioenbeleid" is a kind of "beleid".
    verbal = {w for w in lemmas | words for cue in clause.cue("verbal_attack") if w.endswith(cue)}
    if verbal and not sentence & clause.cue("physical_force"):
        event_type, mode = entry.verbal
        return replace(entry, event_type=event_type, mode=mode, rule_id=f"{entry.rule_id}+verbal")
    return entry
