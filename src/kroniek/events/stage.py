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
from kroniek.events.event_quantities import quantities_of_events, quantities_version
from kroniek.events.lexicon import Lexicon
from kroniek.events.quotes import QUOTES_VERSION, find_quotes
from kroniek.stages import Contract, DocumentRecords


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
    """The events completed from the whole document, and its quotations."""

    contract = Contract(
        "arguments",
        "arguments from the document",
        ("document", "analysis", "actors", "clause_events"),
        "events",
    )

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def version(self) -> str:
        """Quotation rules and the cue data they read."""
        return f"{QUOTES_VERSION} {self.lexicon.version}"

    def run(self, records: DocumentRecords) -> DocumentRecords:
        """The records with the document's events and quotations."""
        analysis, actors = records.analysed(), records.resolved()
        coded = records.coded_by_clause()
        quotes = find_quotes(records.document, analysis, actors, self.lexicon)
        return replace(records, events=replace(coded, quotes=tuple(quotes)))
