"""Stage 7: when each event happened, from its time expression or the publication date."""

from __future__ import annotations

from dataclasses import replace

from kroniek.records import EventDates
from kroniek.stages import Contract, DocumentRecords
from kroniek.time.dating import date_events, dating_version


class TimeStage:
    """Each event's date at the precision its words allow."""

    contract = Contract(
        "time", "date events", ("document", "analysis", "actors", "events"), "dates"
    )

    def version(self) -> str:
        """Dating rules and the time and number data."""
        return dating_version()

    def run(self, records: DocumentRecords) -> DocumentRecords:
        """The records with each event's date."""
        analysis, actors, coded = records.analysed(), records.resolved(), records.coded()
        dates = date_events(records.document, analysis, actors, coded)
        return replace(records, dates=EventDates(coded.doc_id, tuple(dates)))
