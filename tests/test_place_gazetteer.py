"""The gazetteer: Dutch place names → GeoNames places, chosen by the document's context."""

from __future__ import annotations

import re

import pytest

from kroniek.errors import KroniekError
from kroniek.place.gazetteer import (
    ALTERNATE,
    CURATED,
    Gazetteer,
    PlaceRow,
    build_gazetteer,
    data_rows,
    fold,
    gazetteer,
    read_rows,
)
from kroniek.records import Place

ROWS = data_rows()
NAME_ROWS = [row for row in ROWS if not row.is_stop]
EXPLICIT_ROWS = [row for row in ROWS if row.place is not None]
STOP_ROWS = [row for row in ROWS if row.is_stop]
SEAT_NOTE = re.compile(r"\(GeoNames (\d+)\)")

# Rough bounding box of Kazakhstan: (south, north, west, east).
KAZAKHSTAN = (40.5, 55.5, 46.4, 87.4)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return gazetteer()


def _row_id(row: PlaceRow) -> str:
    return f"{row.line}:{row.name}"


# --- the data file ---------------------------------------------------------------------


def test_data_file_has_all_three_kinds_of_row():
    assert len(NAME_ROWS) > 100
    assert len(EXPLICIT_ROWS) >= 60
    assert len(STOP_ROWS) >= 50


@pytest.mark.parametrize("row", NAME_ROWS, ids=_row_id)
def test_every_row_is_exemplified_and_resolves_to_its_place(gaz: Gazetteer, row: PlaceRow):
    assert row.name.casefold() in row.example.casefold()
    assert row.geonameid is not None
    place = gaz.place(row.geonameid)
    assert place is not None
    # A document about the place's own country is the context the row is written for.
    assert gaz.resolve(row.name, (place.country,)) == place


@pytest.mark.parametrize("row", EXPLICIT_ROWS, ids=_row_id)
def test_explicit_coordinates_are_those_of_the_seat_the_note_names(gaz: Gazetteer, row: PlaceRow):
    assert row.place is not None
    seat_id = SEAT_NOTE.search(row.note)
    if seat_id is None:
        assert "general knowledge" in row.note
        return
    seat = gaz.place(int(seat_id.group(1)))
    assert seat is not None
    assert seat.country == row.place.country
    assert (row.place.latitude, row.place.longitude) == pytest.approx(
        (seat.latitude, seat.longitude), abs=1e-4
    )


@pytest.mark.parametrize("row", STOP_ROWS, ids=_row_id)
def test_stop_words_collide_with_a_place_and_never_resolve(gaz: Gazetteer, row: PlaceRow):
    assert row.name.casefold() in row.example.casefold()
    assert row.note, "every stop word says why"
    candidates = gaz.lookup(row.name)
    assert candidates, f"{row.name} is not in the gazetteer: the stop row is useless"
    assert gaz.is_stop_word(row.name)
    assert gaz.resolve(row.name) is None
    assert gaz.resolve(row.name, (candidates[0].country,)) is None
    assert gaz.resolve(row.name.upper()) is None


def test_a_name_is_never_both_a_place_and_a_stop_word():
    stops = {fold(row.name) for row in STOP_ROWS}
    assert not stops & {fold(row.name) for row in NAME_ROWS}


# --- Kazakhstan: renamed capitals, Russian-leased Baikonur ------------------------------


@pytest.mark.parametrize(
    "name", ["Almaty", "Alma-Ata", "Bajkonoer", "Baikonur", "Noer-Soeltan", "Nur-Sultan", "Astana"]
)
def test_kazakh_places_lie_in_kazakhstan(gaz: Gazetteer, name: str):
    place = gaz.resolve(name)
    assert place is not None
    assert place.country == "KAZ"
    assert place.precision == "city"
    south, north, west, east = KAZAKHSTAN
    assert south < place.latitude < north
    assert west < place.longitude < east


def test_astana_and_its_former_names_are_one_capital(gaz: Gazetteer):
    astana = gaz.resolve("Astana")
    assert astana is not None
    assert astana.feature_code == "PPLC"
    assert gaz.resolve("Noer-Soeltan") == astana
    assert gaz.resolve("Nur-Sultan") == astana
    assert gaz.resolve("Almaty") != astana


# --- disambiguation ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "context", "country", "precision"),
    [
        ("Bergen", ["NOR"], "NOR", "city"),
        ("Bergen", ["BEL"], "BEL", "city"),
        ("Bergen", ["NLD"], "NLD", "city"),
        ("Bergen", [], "BEL", "city"),  # our row: in Flemish news Bergen is Mons
        ("Tripoli", ["LBY"], "LBY", "city"),
        ("Tripoli", ["LBN"], "LBN", "city"),
        ("Tripoli", [], "LBY", "city"),  # the capital
        ("Georgia", ["USA"], "USA", "region"),
        ("Georgia", ["GEO"], "GEO", "country"),
        ("Georgië", ["USA"], "GEO", "country"),
        ("Paris", ["FRA"], "FRA", "city"),
        ("Paris", ["USA"], "USA", "city"),
        ("Paris", [], "FRA", "city"),
        ("Odessa", ["UKR"], "UKR", "city"),
        ("Odessa", ["USA"], "USA", "city"),
        ("Lille", [], "FRA", "city"),
        ("Lille", ["BEL"], "BEL", "city"),
        ("Halle", ["BEL"], "BEL", "city"),
        ("Halle", ["DEU"], "DEU", "city"),
        ("Halle", [], "DEU", "city"),
        ("Washington", ["USA"], "USA", "city"),
        ("Washington State", ["USA"], "USA", "region"),
    ],
)
def test_context_disambiguates(
    gaz: Gazetteer, name: str, context: list[str], country: str, precision: str
):
    place = gaz.resolve(name, context)
    assert place is not None
    assert (place.country, place.precision) == (country, precision)


def test_lookup_returns_every_candidate(gaz: Gazetteer):
    countries = {place.country for place in gaz.lookup("Bergen")}
    assert {"NOR", "NLD", "BEL"} <= countries


def test_washington_is_the_capital_not_a_namesake(gaz: Gazetteer):
    place = gaz.resolve("Washington")
    assert place is not None
    assert place.feature_code == "PPLC"
    assert place.latitude == pytest.approx(38.9, abs=0.1)


def test_an_alternate_name_in_another_language_never_beats_a_real_name(gaz: Gazetteer):
    # Moscow, Idaho lists Moskou among its alternate names; context USA must not pick it.
    place = gaz.resolve("Moskou", ["USA"])
    assert place is not None
    assert place.country == "RUS"


@pytest.mark.parametrize("name", ["Springfield", "Valencia"])
def test_names_without_a_clear_winner_are_refused(gaz: Gazetteer, name: str):
    assert len(gaz.lookup(name)) > 1
    assert gaz.resolve(name) is None


def test_unknown_and_empty_names_resolve_to_nothing(gaz: Gazetteer):
    assert gaz.resolve("Xqzwyk") is None
    assert gaz.resolve("") is None
    assert gaz.lookup("  ") == ()


def _place(geonameid: int, country: str, population: int, code: str = "PPL") -> Place:
    return Place(geonameid, f"Town {geonameid}", 50.0, 4.0, country, "P", code, population)


def test_the_largest_place_wins_only_by_a_clear_margin():
    near = Gazetteer(
        {1: _place(1, "AAA", 150), 2: _place(2, "BBB", 100)}, {"twin": {1: CURATED, 2: CURATED}}, ()
    )
    assert near.resolve("Twin") is None
    assert near.resolve("Twin", ["BBB"]) == near.place(2)
    far = Gazetteer(
        {1: _place(1, "AAA", 300), 2: _place(2, "BBB", 100)}, {"twin": {1: CURATED, 2: CURATED}}, ()
    )
    assert far.resolve("Twin") == far.place(1)


def test_a_capital_beats_a_larger_namesake():
    gaz = Gazetteer(
        {1: _place(1, "AAA", 1000), 2: _place(2, "BBB", 10, "PPLC")},
        {"seat": {1: CURATED, 2: CURATED}},
        (),
    )
    assert gaz.resolve("Seat") == gaz.place(2)


def test_an_alternate_name_counts_when_nothing_else_matches():
    gaz = Gazetteer({1: _place(1, "AAA", 10)}, {"oldname": {1: ALTERNATE}}, ())
    assert gaz.resolve("Oldname") == gaz.place(1)


# --- countries -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Wit-Rusland", "BLR"),
        ("Belarus", "BLR"),
        ("Kirgizië", "KGZ"),
        ("Tadzjikistan", "TJK"),
        ("Verenigde Staten", "USA"),
        ("Kazachstan", "KAZ"),
        ("Oekraïne", "UKR"),
        ("Rusland", "RUS"),
        ("België", "BEL"),
        ("Nederland", "NLD"),
        ("Azerbeidzjan", "AZE"),
        ("Oezbekistan", "UZB"),
        ("Moldavië", "MDA"),
        ("Birma", "MMR"),
        ("Kosovo", "KOS"),
        ("Palestina", "PSE"),
        ("Luxemburg", "LUX"),
        ("Djibouti", "DJI"),
        ("Germany", "DEU"),
    ],
)
def test_country_names_resolve_to_the_country(gaz: Gazetteer, name: str, iso3: str):
    place = gaz.resolve(name)
    assert place is not None
    assert place.country == iso3
    assert place.precision == "country"
    assert place.feature_class == "A"


def test_countries_by_code(gaz: Gazetteer):
    kazakhstan = gaz.country("KAZ")
    assert kazakhstan is not None
    assert kazakhstan == gaz.resolve("Kazachstan")
    assert gaz.country("KOS") == gaz.resolve("Kosovo")
    assert gaz.country("SUN") is None  # the Soviet Union is history, not a place
    assert gaz.country("IGO") is None


def test_a_country_stands_at_its_capital(gaz: Gazetteer):
    country, capital = gaz.resolve("Kazachstan"), gaz.resolve("Astana")
    assert country is not None
    assert capital is not None
    assert (country.latitude, country.longitude) == (capital.latitude, capital.longitude)


@pytest.mark.parametrize(
    ("name", "iso3"), [("Krim", "UKR"), ("Gazastrook", "PSE"), ("Texas", "USA")]
)
def test_regions_have_region_precision(gaz: Gazetteer, name: str, iso3: str):
    place = gaz.resolve(name)
    assert place is not None
    assert (place.country, place.precision, place.feature_code) == (iso3, "region", "ADM1")


# --- names and keys ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Kiëv", "kiev"),
        ("KIEV", "kiev"),
        ("'s-Gravenhage", "s gravenhage"),
        ("Noer-Soeltan", "noer soeltan"),
        ("Tromsø", "tromso"),
        ("Łódź", "lodz"),
        ("Ma’rib", "ma rib"),
        ("  Den   Haag ", "den haag"),
        ("Москва", ""),
    ],
)
def test_fold(name: str, key: str):
    assert fold(name) == key


def test_lookup_ignores_case_and_accents(gaz: Gazetteer):
    kyiv = gaz.lookup("Kiev")
    assert kyiv
    assert gaz.lookup("KIËV") == kyiv
    assert gaz.lookup("kiëv") == kyiv


def test_only_latin_alternate_names_are_indexed(gaz: Gazetteer):
    assert gaz.lookup("Москва") == ()
    assert any(place.country == "RUS" for place in gaz.lookup("Moskva"))
    # Airport codes are among GeoNames' alternate names; they are not names.
    assert all(place.name != "Amsterdam" for place in gaz.lookup("AMS"))


def test_gazetteer_is_built_once(gaz: Gazetteer):
    assert gazetteer() is gaz
    names, entries = gaz.size
    assert names > 100_000
    assert entries >= names
    assert gaz.place_count > 30_000


# --- malformed data ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "detail"),
    [
        ("Moskou\t524901\tnote", "columns"),
        ("Moskou\tMoscow\tnote\tIn Moskou.", "neither a number"),
        ("Moskou\t524901\tnote\t", "empty"),
        ("Best\tstop\treason\tBest.\t1\t2\tNLD\tPPL", "stop word"),
        ("X\t1\tn\tX.\tnorth\t4\tBEL\tADM1", "not numbers"),
        ("X\t1\tn\tX.\t95\t4\tBEL\tADM1", "out of range"),
        ("X\t1\tn\tX.\t50\t4\tBE\tADM1", "alpha-3"),
        ("X\t1\tn\tX.\t50\t4\tBEL\tCITY", "feature code"),
    ],
)
def test_malformed_rows_are_refused_with_their_line(line: str, detail: str):
    with pytest.raises(KroniekError, match=rf"E501 extra\.tsv:2: .*{detail}"):
        read_rows(f"# header\n{line}\n", "extra.tsv")


def test_an_alias_must_point_at_an_indexed_place():
    rows = read_rows("Nergenshuizen\t999999999\tnote\tIn Nergenshuizen.\n", "extra.tsv")
    with pytest.raises(KroniekError, match=re.escape("E502 extra.tsv:1: 'Nergenshuizen'")):
        build_gazetteer(rows)


def test_a_place_is_defined_once():
    rows = read_rows("Moscow\t524901\tnote\tIn Moscow.\t55.7\t37.6\tRUS\tPPLC\n", "extra.tsv")
    with pytest.raises(KroniekError, match=re.escape("E503 extra.tsv:1: geonameid 524901")):
        build_gazetteer(rows)


def test_explicit_rows_define_places_that_aliases_may_name():
    text = (
        "Zuid-Nergens\t999999998\tDutch name\tIn Zuid-Nergens.\n"
        "Nergensland\t999999998\tn\tIn Nergensland.\t10.5\t20.25\tBEL\tADM1\n"
    )
    place = build_gazetteer(read_rows(text, "extra.tsv")).resolve("Zuid-Nergens")
    assert place is not None
    assert (place.name, place.latitude, place.longitude, place.precision) == (
        "Nergensland",
        10.5,
        20.25,
        "region",
    )
