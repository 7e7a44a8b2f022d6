"""Resources load through importlib.resources, so a frozen app finds them too."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def resource_bytes(*parts: str) -> bytes:
    node = resources.files("crisisconsole.resources")
    for part in parts:
        node = node.joinpath(part)
    return node.read_bytes()


def resource_json(*parts: str) -> Any:
    return json.loads(resource_bytes(*parts).decode("utf-8"))


def resource_path(*parts: str):  # noqa: ANN201 - Traversable
    node = resources.files("crisisconsole.resources")
    for part in parts:
        node = node.joinpath(part)
    return node
