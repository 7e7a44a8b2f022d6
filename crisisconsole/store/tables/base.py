"""What every table model shares: a registry (and so a MetaData) of its own, apart from
SQLModel's global one, and the one way a table says what it is.

A table's ``info`` holds its flags: ``fact`` (append-only, enforced by triggers in the
migration), ``audited`` (its rows are covered by the audit chain's content hashes; needs an
``id`` column), ``purgeable`` (the lawful purge may overwrite content), and ``aggregate``: the
part of the crisis it belongs to, which names the kind of change a write to it is
(services.foundation.changes). ``audit verify``, the purge and the change feed read them there.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import MetaData
from sqlalchemy.orm import registry
from sqlmodel import SQLModel
from sqlmodel.main import SQLModelConfig

metadata = MetaData()


class TableModel(SQLModel, registry=registry(metadata=metadata)):
    """The base of every table model of the console (``table=True`` on each).

    Pydantic builds a model's validator only when one is first made (``defer_build``): the
    hot paths use the tables through SQLAlchemy Core, so most processes never build one, and
    declaring the tables stays cheap at start-up."""

    model_config = SQLModelConfig(from_attributes=True, defer_build=True)


def declared(aggregate: str | None, *, fact: bool = True, audited: bool = True,
             purgeable: bool = False) -> dict[str, Any]:
    """``__table_args__`` for a table of ``aggregate`` with its flags."""
    info: dict[str, Any] = {"fact": fact, "audited": audited, "purgeable": purgeable}
    if aggregate is not None:
        info["aggregate"] = aggregate
    return {"info": info}
