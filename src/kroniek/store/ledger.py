"""One document's stage results in the database, as the stage contract's ledger."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from kroniek.stages import DocumentRecords, Stage, StoredStage
from kroniek.store.writer import StageResult, StoredVersions, Writer


class DocumentLedger:
    """Loads a document's stored records and saves its new stage results through the
    one writer; ``on_save`` sees every saved result (the run counts them)."""

    def __init__(
        self,
        writer: Writer,
        versions: StoredVersions,
        on_save: Callable[[StageResult], None],
    ) -> None:
        self.writer = writer
        self.versions = versions
        self.on_save = on_save

    @property
    def stored(self) -> Mapping[str, StoredStage]:
        """The document's stored stage results."""
        return self.versions.stages

    def load(self, records: DocumentRecords, record: str) -> DocumentRecords:
        """The records with a stored record added."""
        return self.writer.load_record(records, record)

    def save(self, stage: Stage, records: DocumentRecords, made: StoredStage) -> None:
        """Store a stage's result with what it was made from."""
        result: StageResult = getattr(records, stage.contract.produces)
        self.writer.store_stage(stage.contract.name, result, made)
        self.on_save(result)
