"""The map's facts (issue 18): the gazetteer of a municipality and the areas of measures.

``place_fact`` keeps a municipality's places across crises: each add, alias, correction and
removal is one append-only, audited row, and the current gazetteer is replayed from them
(domain.place_facts), so a wrong position is corrected by a new fact and the old one stays
visible. ``measure_area`` holds a measure's area as a GeoJSON geometry, drawn on the map or
taken from a place or a CAP area; the newest row of a measure is its area.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Text
from sqlmodel import Field

from crisisconsole.store.tables.base import TableModel, declared
from crisisconsole.store.types import UTCText


class PlaceFactRow(TableModel, table=True):
    __tablename__ = "place_fact"
    __table_args__ = declared("places")

    id: str = Field(primary_key=True)
    municipality: str
    place_id: str
    kind: str  # add | alias | correct | remove
    name: str | None = None
    aliases_json: str | None = Field(default=None, sa_type=Text)
    geometry_json: str | None = Field(default=None, sa_type=Text)
    reason: str | None = Field(default=None, sa_type=Text)
    origin: str | None = None
    recorded_at: datetime = Field(sa_type=UTCText)
    actor: str


place_fact = PlaceFactRow.__table__


class MeasureAreaRow(TableModel, table=True):
    __tablename__ = "measure_area"
    __table_args__ = declared("measures")

    id: str = Field(primary_key=True)
    measure_id: str
    geometry_json: str = Field(sa_type=Text)
    source: str  # drawn | place | cap | file
    source_ref: str | None = None
    recorded_at: datetime = Field(sa_type=UTCText)
    actor: str


measure_area = MeasureAreaRow.__table__
