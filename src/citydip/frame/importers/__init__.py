"""Importers of the sampling frame: one module per source, all with the same signature.

``read(path, *, countries, min_population) -> SourceData`` reads a source, checks it, and returns
the candidate cities of the ``countries`` as :class:`CityRecord` rows. An importer never writes to
the database; :mod:`citydip.frame.build` decides which records are in the frame and stores them.
Bad input raises :class:`~citydip.core.errors.CitydipError` naming file, line and field.
"""
from dataclasses import dataclass, field


@dataclass
class CityRecord:
    """One city as a source describes it, before it is matched to a stored City."""

    name: str
    country: str
    population: int | None
    population_year: int | None = None
    population_source: str = ""
    population_from_geonames: bool = False
    lat: float | None = None
    lon: float | None = None
    nuts3: str = ""
    urau_code: str = ""
    geonames_id: int | None = None
    is_capital: bool | None = None  # None: the source does not say
    line: int | None = None

    @property
    def key(self):
        """The code a rebuild matches on: the Urban Audit code, else the GeoNames id."""
        return self.urau_code or (f"GN{self.geonames_id}" if self.geonames_id else "")


@dataclass
class SourceData:
    """What an importer read: the records, and where they came from (for the frame version)."""

    source: str
    records: list[CityRecord]
    input_file: str = ""
    checksum: str = ""
    excluded: list[tuple[CityRecord, str]] = field(default_factory=list)
    notes: dict = field(default_factory=dict)


def importer_for(source):
    """The ``read`` function of a source name (``urau`` or ``geonames``)."""
    from citydip.frame.importers import geonames, urau

    return {"urau": urau.read, "geonames": geonames.read}[source]


SOURCES = ("urau", "geonames")
