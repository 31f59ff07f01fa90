"""Stages 4 and 5: code events clause by clause, then complete them from the document.

Stage 4 (``events``) finds triggers and their arguments in each clause and
attaches the numbers the sentence gives (troops, dead, arrested). Stage 5
(``arguments``) looks at the whole document: who said what (quotations), and
the arguments a clause leaves implicit. Only stage 5's result is stored; stage
4's is made again whenever stage 5 runs, which costs little beside Frog.
"""

from __future__ import annotations

from dataclasses import replace

from kroniek.actors.knowledge import KnowledgeBase
from kroniek.events.coder import code_events, coder_version
from kroniek.events.discourse import argument_rules, complete_arguments
from kroniek.events.event_quantities import quantities_of_events, quantities_version
from kroniek.events.happenings import Setting, join_happenings, years_named
from kroniek.events.lexicon import Lexicon
from kroniek.events.quotes import QUOTES_VERSION, find_quotes
from kroniek.place.gazetteer import Gazetteer
from kroniek.place.locate import locate_events, locator_version, place_mentions
from kroniek.records import Event
from kroniek.stages import Contract, DocumentRecords

ARGUMENTS_VERSION = "kroniek-arguments-3"


class EventStage:
    """Events from triggers and the arguments their clauses give."""

    contract = Contract(
        "events", "code events", ("document", "analysis", "actors"), "clause_events", False
    )

    def __init__(self, lexicon: Lexicon, kb: KnowledgeBase) -> None:
        self.lexicon = lexicon
        self.kb = kb

    def version(self) -> str:
        """Coder, lexicon and quantity rules."""
        return f"{coder_version(self.lexicon)} {quantities_version()}"

    def run(self, records: DocumentRecords) -> DocumentRecords:
        """The records with the clause-level events and their numbers."""
        analysis, actors = records.analysed(), records.resolved()
        coded = code_events(records.document, analysis, actors, self.lexicon, self.kb)
        amounts = quantities_of_events(records.document, analysis, coded)
        return replace(records, clause_events=replace(coded, quantities=amounts))


class ArgumentStage:
    """The events completed from the whole document, each happening once, and its
    quotations."""

    contract = Contract(
        "arguments",
        "arguments from the document",
        ("document", "analysis", "actors", "clause_events"),
        "events",
    )

    def __init__(self, lexicon: Lexicon, kb: KnowledgeBase, gazetteer: Gazetteer) -> None:
        self.lexicon = lexicon
        self.kb = kb
        self.gazetteer = gazetteer
        self.rules = argument_rules()

    def version(self) -> str:
        """Argument, joining and quotation rules, the data they read, the place data."""
        parts = (ARGUMENTS_VERSION, self.rules.version, QUOTES_VERSION, self.lexicon.version)
        return " ".join((*parts, locator_version()))

    def _needs(self, event: Event) -> str:
        """The side an event's lexicon entry needs a party in ("" for none)."""
        entry = self.lexicon.entry_of(event.rule_id)
        return entry.needs if entry is not None else ""

    def run(self, records: DocumentRecords) -> DocumentRecords:
        """The records with the document's events and quotations."""
        doc, analysis, actors = records.document, records.analysed(), records.resolved()
        coded = records.coded_by_clause()
        named = place_mentions(analysis, actors, self.gazetteer)
        located = locate_events(analysis, coded, named, self.gazetteer)
        completed = complete_arguments(
            doc,
            analysis,
            actors,
            events=coded.events,
            places=located,
            place_names=named,
            kb=self.kb,
            rules=self.rules,
            event_nouns=frozenset(self.lexicon.nouns),
            needs=self._needs,
            force_words=self.lexicon.cues["physical_force"],
        )
        setting = Setting(
            {p.event_id: p.place.country for p in located if p.basis not in ("actor", "recipient")},
            years_named(analysis),
        )
        events, quantities = join_happenings(completed, coded.quantities, setting)
        quotes = find_quotes(doc, analysis, actors, self.lexicon)
        done = replace(coded, events=tuple(events), quantities=quantities, quotes=tuple(quotes))
        return replace(records, events=done)
