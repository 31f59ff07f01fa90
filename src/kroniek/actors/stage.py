"""Stage 3: resolve the actor mentions of a document against the knowledge base."""

from __future__ import annotations

from dataclasses import replace

from kroniek.actors.knowledge import KnowledgeBase
from kroniek.actors.resolve import resolution_version, resolve_actors
from kroniek.stages import Contract, DocumentRecords


class ActorStage:
    """Actor mentions from the analysis, resolved as the document's date allows."""

    contract = Contract("actors", "resolve actors", ("document", "analysis"), "actors")

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def version(self) -> str:
        """Knowledge base (with its data and user files) and resolver versions."""
        return resolution_version(self.kb)

    def run(self, records: DocumentRecords) -> DocumentRecords:
        """The records with the document's resolved actors."""
        analysis = records.analysed()
        return replace(records, actors=resolve_actors(records.document, analysis, self.kb))
