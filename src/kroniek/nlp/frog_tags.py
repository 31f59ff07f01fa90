"""Frog's tag sets, read into the typed facts of a Token — and nowhere else.

Frog tags parts of speech with the CGN tag set (``WW(pv,verl,ev)``: a finite verb
in the past tense, singular), parses with Alpino's relations (``su``, ``obj1``,
``svp`` …) and marks named entities with IOB tags (``B-PER``). This module is the
one place in kroniek that knows those strings; every later stage sees ``Pos``,
``Morph`` and ``Relation`` values. Alpino's tree already has the shape the
records promise (prepositions head their nouns, participles hang under the finite
verb), so relations map one to one.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import TypeVar

from kroniek.records import (
    AnalyserTags,
    Gender,
    Morph,
    Number,
    Pos,
    PronType,
    Relation,
    Tense,
    Usage,
    VerbForm,
)

T = TypeVar("T")

_POS = {
    "N": Pos.NOUN,
    "WW": Pos.VERB,
    "ADJ": Pos.ADJ,
    "BW": Pos.ADV,
    "VZ": Pos.ADP,
    "LID": Pos.DET,
    "VNW": Pos.PRON,
    "TW": Pos.NUM,
    "LET": Pos.PUNCT,
    "TSW": Pos.INTJ,
}
# SPEC marks words outside the grammar: name parts, abbreviations and foreign words
# stand as names; symbols and fragments do not.
_SPEC = {"symb": Pos.SYM, "afgebr": Pos.X, "onverst": Pos.X, "meta": Pos.X, "comment": Pos.X}
_CONJUNCTION = {"neven": Pos.CCONJ, "onder": Pos.SCONJ}

_RELATIONS = {
    "su": Relation.SUBJECT,
    "obj1": Relation.OBJECT,
    "obj2": Relation.INDIRECT_OBJECT,
    "svp": Relation.PARTICLE,
    "det": Relation.DETERMINER,
    "vc": Relation.VERB_COMPLEMENT,
    "body": Relation.CLAUSE_BODY,
    "cnj": Relation.CONJUNCT,
    "pc": Relation.PREP_COMPLEMENT,
    "predc": Relation.PREDICATIVE,
    "mod": Relation.MODIFIER,
    "app": Relation.APPOSITION,
    "ROOT": Relation.ROOT,
    "": Relation.NONE,
}

_VERB_FORMS = {
    "pv": VerbForm.FINITE,
    "inf": VerbForm.INFINITIVE,
    "vd": VerbForm.PAST_PARTICIPLE,
    "od": VerbForm.PRESENT_PARTICIPLE,
}
_TENSES = {"tgw": Tense.PRESENT, "verl": Tense.PAST}
_USAGES = {"prenom": Usage.ATTRIBUTIVE, "nom": Usage.NOMINAL, "vrij": Usage.FREE}
_PRON_TYPES = {
    "pers": PronType.PERSONAL,
    "pr": PronType.PERSONAL,
    "refl": PronType.REFLEXIVE,
    "recip": PronType.RECIPROCAL,
    "bez": PronType.POSSESSIVE,
    "aanw": PronType.DEMONSTRATIVE,
    "betr": PronType.RELATIVE,
    "vb": PronType.INTERROGATIVE,
    "excl": PronType.INTERROGATIVE,
    "onbep": PronType.INDEFINITE,
}
# "met-t" is the finite form of the second and third person singular ("hij stuurt").
_NUMBERS = {"ev": Number.SINGULAR, "met-t": Number.SINGULAR, "mv": Number.PLURAL}
_GENDERS = {
    "masc": Gender.MASCULINE,
    "fem": Gender.FEMININE,
    "onz": Gender.NEUTER,
    "zijd": Gender.COMMON,
}
# Pronoun persons: 2v/2b are familiar/polite "you"; 3m/3v/3o carry a gender.
_PERSONS = {"1": 1, "2": 2, "2v": 2, "2b": 2, "3": 3, "3p": 3, "3m": 3, "3v": 3, "3o": 3}
_PERSON_GENDERS = {"3m": Gender.MASCULINE, "3v": Gender.FEMININE, "3o": Gender.NEUTER}


def split_tag(tag: str) -> tuple[str, tuple[str, ...]]:
    """``N(soort,ev)`` → ``("N", ("soort", "ev"))``."""
    name, _, rest = tag.partition("(")
    return name, tuple(f for f in rest.rstrip(")").split(",") if f)


@lru_cache(maxsize=4096)
def part_of_speech(tag: str) -> Pos:
    """The part of speech of a CGN tag."""
    name, features = split_tag(tag)
    if name == "SPEC":
        return next((_SPEC[f] for f in features if f in _SPEC), Pos.PROPN)
    if name == "VG":
        return next((_CONJUNCTION[f] for f in features if f in _CONJUNCTION), Pos.CCONJ)
    return _POS.get(name, Pos.X)


def _first(features: tuple[str, ...], table: Mapping[str, T]) -> T | None:
    """The value of the first feature the table knows."""
    return next((table[f] for f in features if f in table), None)


@lru_cache(maxsize=4096)
def morphology(tag: str) -> Morph:
    """The morphological facts of a CGN tag."""
    name, features = split_tag(tag)
    verb, pronoun = name == "WW", name == "VNW"
    return Morph(
        verb_form=_first(features, _VERB_FORMS) if verb else None,
        tense=_first(features, _TENSES) if verb else None,
        usage=_first(features, _USAGES),
        pron_type=_first(features, _PRON_TYPES) if pronoun else None,
        person=_first(features, _PERSONS) if pronoun else None,
        number=_first(features, _NUMBERS),
        gender=_first(features, _GENDERS) or _first(features, _PERSON_GENDERS),
        proper=name == "N" and "eigen" in features,
    )


def relation(label: str) -> Relation:
    """The relation of an Alpino label; labels kroniek does not use are OTHER."""
    return _RELATIONS.get(label, Relation.OTHER)


def entity_label(iob: str) -> str | None:
    """``B-PER`` → ``PER``; ``O`` → None."""
    prefix, _, label = iob.partition("-")
    return label if prefix in ("B", "I") and label else None


def typed_facts(tags: AnalyserTags) -> tuple[Pos, Morph, Relation, str | None]:
    """Part of speech, morphology, relation and entity label of a Frog-tagged token."""
    return (
        part_of_speech(tags.tag),
        morphology(tags.tag),
        relation(tags.relation),
        entity_label(tags.entity),
    )
