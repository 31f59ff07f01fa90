"""Stage 6: the places a document names, and where each event happened."""

from __future__ import annotations

from dataclasses import replace

from kroniek.place.gazetteer import Gazetteer
from kroniek.place.locate import locate_events, locator_version, place_mentions
from kroniek.records import EventPlaces
from kroniek.stages import Contract, DocumentRecords


class PlaceStage:
    """Place names resolved in the gazetteer, and each event's place."""

    contract = Contract("place", "place events", ("analysis", "actors", "events"), "places")

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def version(self) -> str:
        """Locating rules and the place data."""
        return locator_version()

    def run(self, records: DocumentRecords) -> DocumentRecords:
        """The records with the document's places."""
        analysis, actors, coded = records.analysed(), records.resolved(), records.coded()
        named = place_mentions(analysis, actors, self.gazetteer)
        located = locate_events(analysis, coded, named, self.gazetteer)
        return replace(records, places=EventPlaces(coded.doc_id, named, located))
