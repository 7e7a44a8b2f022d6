"""`--json` is a global option: accepted before the command as well as after it."""

import json

import pytest
from cli_helpers import one_line_error


@pytest.fixture
def crisis_cli(ready_cli):
    ready_cli.crisis = ready_cli.ok("crisis", "open", "--name", "Onrust", "--municipality",
                                    "Waalbergen", "--json").json()["id"]
    return ready_cli


@pytest.mark.parametrize("where", ["before", "after"])
def test_crisis_list_takes_json_before_or_after_the_command(crisis_cli, where):
    command = ["crisis", "list"]
    args = ["--json", *command] if where == "before" else [*command, "--json"]
    listed = json.loads(crisis_cli.ok(*args).out)
    assert listed[0]["id"] == crisis_cli.crisis


def test_log_add_and_list_take_json_before_the_command(crisis_cli):
    entry = crisis_cli.ok("--json", "log", "add", "--crisis", crisis_cli.crisis, "--text",
                          "Rook bij de haven", "--source", "burger").json()
    listed = crisis_cli.ok("--json", "log", "list", "--crisis", crisis_cli.crisis).json()
    assert [e["id"] for e in listed] == [entry["id"]]
    assert crisis_cli.ok("log", "list", "--crisis", crisis_cli.crisis, "--json").json() == listed
    assert not crisis_cli.ok("log", "list", "--crisis", crisis_cli.crisis).out.startswith("[")


def test_grip_to_the_level_it_has_is_refused_with_exit_2_and_nothing_recorded(crisis_cli):
    crisis_cli.ok("crisis", "grip", crisis_cli.crisis, "--level", "2")
    before = crisis_cli.ok("--json", "audit", "list").json()
    line = one_line_error(crisis_cli("crisis", "grip", crisis_cli.crisis, "--level", "2"))
    assert "GRIP 2" in line
    assert crisis_cli.ok("--json", "audit", "list").json() == before
    history = crisis_cli.ok("crisis", "list", "--json").json()[0]["grip_history"]
    assert [h["level"] for h in history] == ["0", "2"]
