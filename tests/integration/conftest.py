import pytest
from cli_helpers import Cli


@pytest.fixture
def cli(tmp_path):
    return Cli(tmp_path / "db" / "crisis.db", tmp_path / "home")


@pytest.fixture
def ready_cli(cli):
    cli.ok("init")
    return cli
