"""Typed, immutable records passed from one pipeline stage to the next.

Every character offset in these records points into ``SourceDocument.text``:
the exact text that is stored in the database, so a span can always be cut
back out of it (``text[start:end]``) without re-running any stage.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

DatePrecision = Literal["day", "month", "year", "unknown"]
BlockKind = Literal["title", "body", "heading", "caption"]

UNDETERMINED_LANGUAGE = "und"
"""ISO 639-2 code for "language could not be determined"."""


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph-level piece of a document: a title, body paragraph, heading or caption."""

    index: int
    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """A document as read from its source, before any language analysis."""

    doc_id: str
    text: str
    blocks: tuple[Block, ...]
    title: str | None
    published: str | None
    """ISO date cut to its precision: ``2022-01-06``, ``2022-01`` or ``None``."""
    date_precision: DatePrecision
    language: str
    """ISO 639-1 code, or ``und`` when it could not be determined."""
    url: str | None
    source: str | None
    origin: str
    """Where it came from: a path, ``path:line`` for line-based formats, ``-`` for stdin."""
    content_hash: str
    """SHA-256 of the normalised text; equal hashes mean exact duplicates."""
    notes: tuple[str, ...] = ()
    """Warnings about this document that did not stop it being stored (e.g. an unreadable date)."""


@dataclass(frozen=True, slots=True)
class IngestProblem:
    """A piece of input that could not become a document, and why."""

    origin: str
    line: int | None
    reason: str

    def describe(self) -> str:
        """One line for the terminal: ``path:line: reason``."""
        where = self.origin if self.line is None else f"{self.origin}:{self.line}"
        return f"{where}: {self.reason}"


class Pos(StrEnum):
    """Part of speech, in Universal Dependencies' names; each analyser maps its own tags."""

    NOUN = "NOUN"
    PROPN = "PROPN"
    """A proper noun or a part of a name."""
    VERB = "VERB"
    ADJ = "ADJ"
    ADV = "ADV"
    ADP = "ADP"
    """A preposition or postposition."""
    DET = "DET"
    """An article."""
    PRON = "PRON"
    """A pronoun, also when it stands as a determiner ("zijn verzoek")."""
    NUM = "NUM"
    CCONJ = "CCONJ"
    SCONJ = "SCONJ"
    PUNCT = "PUNCT"
    SYM = "SYM"
    INTJ = "INTJ"
    X = "X"


class Relation(StrEnum):
    """A token's grammatical relation to its head.

    The tree has one shape whatever the analyser: a preposition heads its noun
    (``OBJECT``), a participle or infinitive hangs under the finite verb it
    completes (``VERB_COMPLEMENT``) and the subject under that finite verb, a
    complementiser ("om", "dat") heads the clause it opens (``CLAUSE_BODY``).
    """

    ROOT = "ROOT"
    SUBJECT = "SUBJECT"
    OBJECT = "OBJECT"
    """The direct object of a verb, or the noun of a prepositional phrase."""
    INDIRECT_OBJECT = "INDIRECT_OBJECT"
    PARTICLE = "PARTICLE"
    """The separable particle of a particle verb ("op" in "pakte ... op")."""
    DETERMINER = "DETERMINER"
    VERB_COMPLEMENT = "VERB_COMPLEMENT"
    CLAUSE_BODY = "CLAUSE_BODY"
    CONJUNCT = "CONJUNCT"
    PREP_COMPLEMENT = "PREP_COMPLEMENT"
    """A prepositional phrase the verb asks for ("wachten op")."""
    PREDICATIVE = "PREDICATIVE"
    MODIFIER = "MODIFIER"
    APPOSITION = "APPOSITION"
    OTHER = "OTHER"
    NONE = "NONE"
    """The sentence was not parsed."""


class VerbForm(StrEnum):
    """The form of a verb."""

    FINITE = "FINITE"
    INFINITIVE = "INFINITIVE"
    PAST_PARTICIPLE = "PAST_PARTICIPLE"
    PRESENT_PARTICIPLE = "PRESENT_PARTICIPLE"


class Tense(StrEnum):
    """The tense of a finite verb."""

    PRESENT = "PRESENT"
    PAST = "PAST"


class Usage(StrEnum):
    """How a participle, infinitive or adjective is used."""

    ATTRIBUTIVE = "ATTRIBUTIVE"
    """Before a noun: "aanhoudende regen"."""
    NOMINAL = "NOMINAL"
    """As a noun: "de verdachte", "het aftreden"."""
    FREE = "FREE"
    """Neither: predicative or adverbial."""


class PronType(StrEnum):
    """The kind of a pronoun."""

    PERSONAL = "PERSONAL"
    POSSESSIVE = "POSSESSIVE"
    DEMONSTRATIVE = "DEMONSTRATIVE"
    RELATIVE = "RELATIVE"
    REFLEXIVE = "REFLEXIVE"
    RECIPROCAL = "RECIPROCAL"
    INTERROGATIVE = "INTERROGATIVE"
    INDEFINITE = "INDEFINITE"


class Number(StrEnum):
    """Grammatical number."""

    SINGULAR = "SINGULAR"
    PLURAL = "PLURAL"


class Gender(StrEnum):
    """Grammatical gender; COMMON is Dutch "de"-gender (masculine or feminine)."""

    MASCULINE = "MASCULINE"
    FEMININE = "FEMININE"
    NEUTER = "NEUTER"
    COMMON = "COMMON"


@dataclass(frozen=True, slots=True)
class Morph:
    """The morphological facts of a token that later stages use; None where not given."""

    verb_form: VerbForm | None = None
    tense: Tense | None = None
    usage: Usage | None = None
    pron_type: PronType | None = None
    person: int | None = None
    number: Number | None = None
    gender: Gender | None = None
    proper: bool = False
    """A proper noun the analyser tagged as a noun (Frog's ``N(eigen,...)``)."""


@dataclass(frozen=True, slots=True)
class AnalyserTags:
    """What the analyser said about a token, verbatim: stored for provenance, read only
    by ``kroniek.nlp``, which turns it into the typed facts of a Token."""

    tag: str
    """Part of speech with features, e.g. ``N(soort,ev,basis,zijd,stan)``."""
    relation: str
    """The relation label, e.g. ``obj1``; empty when the sentence was not parsed."""
    entity: str
    """The named-entity tag of the token's first word, e.g. ``B-PER`` or ``O``."""


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a sentence as the analyser saw it; a multi-word unit is one token."""

    index: int
    """0-based position in its sentence."""
    start: int
    end: int
    text: str
    lemma: str
    pos: Pos
    morph: Morph
    relation: Relation
    head: int
    """0-based index of the syntactic head in this sentence; -1 for the root or if unparsed."""
    entity: str | None
    """Label of the named entity the token's first word belongs to (PER, LOC, ORG, MISC,
    PRO, EVE); the document's entity mentions are authoritative."""
    tags: AnalyserTags

    @property
    def finite(self) -> bool:
        """A finite verb form."""
        return self.morph.verb_form is VerbForm.FINITE


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with its tokens, located in the document and in its block."""

    index: int
    block_index: int
    block_kind: BlockKind
    start: int
    end: int
    tokens: tuple[Token, ...]
    parsed: bool
    """True when ``head``/``relation`` come from a dependency parse (a cheap pass skips it)."""


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A named-entity span found by the analyser."""

    sentence_index: int
    label: str
    """PER, LOC, ORG, PRO, EVE or MISC."""
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class AnalysedDocument:
    """The output of the language-analysis stage for one document."""

    doc_id: str
    sentences: tuple[Sentence, ...]
    mentions: tuple[EntityMention, ...]
    analyser: str
    """Name, version and settings of the analyser, e.g. ``frog 0.20 skip=c``."""


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A span of a document resolved (or not) to an actor, with how and how sure."""

    sentence_index: int
    start: int
    end: int
    text: str
    actor_id: str | None
    """Knowledge-base id (``person:vladimir-putin``, ``state:RUS``, ``org:csto``), or None."""
    kind: str
    """state, historical_state, organisation, seat, person, group or unresolved."""
    name: str | None
    code: str | None
    """Export code: ISO3 for states and people's countries, the acronym for organisations."""
    country: str | None
    """ISO3, or a PLOVER non-state code (IGO, UNO, EUR, …); None when not known."""
    sector: str | None
    role: str | None
    """The office held on the document date, ``former head_of_state``, or None."""
    confidence: float
    method: str
    """The rule that resolved it, e.g. ``name``, ``surname-in-document``, ``role-description``."""


@dataclass(frozen=True, slots=True)
class ResolvedActors:
    """The output of the actor stage for one document."""

    doc_id: str
    mentions: tuple[ActorMention, ...]
    knowledge_version: str


@dataclass(frozen=True, slots=True)
class EventArgument:
    """An actor or recipient of an event: a span of the sentence and, if resolved, who it is."""

    start: int
    end: int
    text: str
    actor_id: str | None
    name: str | None
    code: str | None
    country: str | None
    sector: str | None
    method: str = "clause"
    """How it was found: the actor mention's resolution rule ("name", "role-description"),
    or the document-level rule that supplied it ("pronoun", "place-country", "unknown")."""
    confidence: float = 1.0

    @classmethod
    def of(cls, mention: ActorMention) -> EventArgument:
        """An actor mention as an argument: its span, who it is, how it was resolved."""
        return cls(
            mention.start,
            mention.end,
            mention.text,
            mention.actor_id,
            mention.name,
            mention.code,
            mention.country,
            mention.sector,
            mention.method,
            mention.confidence,
        )


@dataclass(frozen=True, slots=True)
class EventMention:
    """One place in the text that reports an event: its trigger and the rule that matched."""

    sentence_index: int
    trigger_start: int
    trigger_end: int
    trigger_text: str
    rule_id: str


@dataclass(frozen=True, slots=True)
class Event:
    """One coded PLOVER event with the evidence for every field.

    A happening the article reports several times (title, lead, body) is one event:
    ``mentions`` lists every report of it, the first being the event's own trigger.
    """

    event_id: str
    doc_id: str
    sentence_index: int
    event_type: str
    mode: str
    context: tuple[str, ...]
    trigger_start: int
    trigger_end: int
    trigger_text: str
    actors: tuple[EventArgument, ...]
    recipients: tuple[EventArgument, ...]
    aux: tuple[str, ...]
    """Auxiliary modes: historical, future, hypothetical, negated, reported."""
    source: EventArgument | None
    """Who the event is attributed to in reported speech ("volgens X")."""
    rule_id: str
    confidence: float
    quad_code: int = 0
    """PLOVER's quad category: 1 verbal cooperation … 4 material conflict; 0 if unknown."""
    event_scale: float | None = None
    """PLOVER's conflict–cooperation score of the type (or its mode)."""
    mentions: tuple[EventMention, ...] = ()
    """Every report of the happening in the document (empty: only its own trigger)."""


PlacePrecision = Literal["city", "region", "country"]
TimePrecision = Literal["day", "month", "year"]


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry, with GeoNames' identifiers and feature classes."""

    geonameid: int
    name: str
    """The name GeoNames gives (English), not the Dutch spelling in the text."""
    latitude: float
    longitude: float
    country: str
    """ISO 3166-1 alpha-3 code of the state the place lies in (as actors use)."""
    feature_class: str
    """GeoNames feature class: P populated place, A country or administrative area."""
    feature_code: str
    """GeoNames feature code: PPLC capital, PPLA seat of a division, PCLI state, ADM1 region."""
    population: int

    @property
    def precision(self) -> PlacePrecision:
        """How exactly a location at this place is known."""
        if self.feature_class == "P":
            return "city"
        return "country" if self.feature_code.startswith("PCL") else "region"


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in the text, resolved in the gazetteer."""

    sentence_index: int
    start: int
    end: int
    text: str
    place: Place


@dataclass(frozen=True, slots=True)
class EventPlace:
    """Where an event happened, and which words (or which argument) say so."""

    event_id: str
    place: Place
    basis: str
    """clause | sentence | paragraph | caption | actor | recipient: where the place was found."""
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened: a date at a stated precision, or only the words that say it."""

    event_id: str
    value: str | None
    """ISO date cut to its precision (2022-01-05, 2022-01, 2014); None when not resolvable."""
    precision: TimePrecision | None
    basis: str
    """expression (a time expression governs the event) | publication | unresolved."""
    start: int | None
    end: int | None
    text: str
    """The raw time expression, or the publication date the event inherits."""
    note: str | None = None
    """Why the value is coarser than the words, or missing."""
    applies_to: str | None = None
    """The code of the one argument this date belongs to, when a compound event's
    arguments have dates of their own ("Georgië en Oekraïne (2014)"); None for all."""


@dataclass(frozen=True, slots=True)
class EventQuantity:
    """A number attached to an event: troops, dead, injured, arrested or crowd size."""

    event_id: str
    kind: str
    low: int
    high: int
    """Equal to ``low`` for an exact number; a range for "duizenden" (1000-9999)."""
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct or reported quotation and who said it."""

    doc_id: str
    sentence_index: int
    speaker: EventArgument | None
    start: int
    end: int
    text: str
    direct: bool
    """True for words between quotation marks, False for reported speech (X zegt dat ...)."""


@dataclass(frozen=True, slots=True)
class CodedEvents:
    """The events of one document, with the numbers attached to them and its quotations.

    The event stage makes them sentence by sentence (quotes empty); the argument
    step completes them from the whole document and finds the quotations.
    """

    doc_id: str
    events: tuple[Event, ...]
    coder_version: str
    quantities: tuple[EventQuantity, ...] = ()
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True, slots=True)
class EventPlaces:
    """The output of the place stage for one document: the places it names, and each
    event's place."""

    doc_id: str
    place_mentions: tuple[PlaceMention, ...]
    places: tuple[EventPlace, ...]


@dataclass(frozen=True, slots=True)
class EventDates:
    """The output of the time stage for one document: each event's date."""

    doc_id: str
    dates: tuple[EventDate, ...]


@dataclass(frozen=True, slots=True)
class RunSummary:
    """What one run did, for the terminal, ``--json`` and the runs table."""

    run_id: int
    documents_read: int
    stored_new: int
    already_stored: int
    duplicates: int
    id_conflicts: int
    not_analysed_language: int
    analysed: int
    analysis_failed: int
    actors_resolved: int
    events_coded: int
    events_placed: int
    stage_failures: int
    input_problems: int
    sentences: int
    mentions: int
    new_documents: tuple[str, ...] = ()
    """Ids of the documents this run stored, in input order (``kroniek show ID``)."""

    @property
    def failed(self) -> int:
        """Inputs and documents that did not make it: what the exit code reports."""
        return self.input_problems + self.id_conflicts + self.analysis_failed + self.stage_failures
