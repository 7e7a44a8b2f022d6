"""A keyring backend for subprocess tests: a JSON file named by CC_TEST_KEYRING stands in for
the OS keyring (tests never touch the machine's own). Loaded with
PYTHON_KEYRING_BACKEND=file_keyring.FileKeyring and this folder on PYTHONPATH."""

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class FileKeyring(KeyringBackend):
    priority = 1

    def _path(self) -> Path:
        return Path(os.environ["CC_TEST_KEYRING"])

    def _load(self) -> dict:
        try:
            return json.loads(self._path().read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}

    def get_password(self, service, username):  # noqa: ANN001, ANN201
        return self._load().get(f"{service}/{username}")

    def set_password(self, service, username, password):  # noqa: ANN001, ANN201
        data = self._load()
        data[f"{service}/{username}"] = password
        self._path().write_text(json.dumps(data), encoding="utf-8")

    def delete_password(self, service, username):  # noqa: ANN001, ANN201
        data = self._load()
        if data.pop(f"{service}/{username}", None) is None:
            raise PasswordDeleteError(username)
        self._path().write_text(json.dumps(data), encoding="utf-8")
