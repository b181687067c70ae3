"""``tonn-mock serve`` refuses bad options in a line or three, naming the option or the variable -
never a traceback, never a silent change of port and never a server that hangs."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from tonn_mock.cli import main
from tonn_mock.core.settings import Settings


@pytest.fixture
def busy_port() -> Iterator[int]:
    """A loopback port another socket is listening on."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield int(holder.getsockname()[1])


def serve(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["serve", *args], env=env)
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (["--port", "99999"], "Invalid value for '--port'"),
        (["--port", "-1"], "-1 is not in the range 0<=x<=65535"),
        (["--threads", "0"], "Invalid value for '--threads'"),
        (["--host", "no such host.invalid"], "cannot resolve 'no such host.invalid'"),
        (["--progression", "sometimes"], "invalid progression policy 'sometimes'"),
    ],
)
def test_a_bad_option_is_a_short_usage_error(args: list[str], complaint: str) -> None:
    code, output = serve(*args)

    assert code == 2
    assert complaint in output
    assert "Traceback" not in output and len(output.splitlines()) <= 4


def test_a_port_in_use_is_one_line_and_exit_code_2(busy_port: int) -> None:
    command = [str(Path(sys.executable).parent / "tonn-mock"), "serve", "--port", str(busy_port)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)

    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"Error: cannot listen on 127.0.0.1:{busy_port}: Address already in use "
        "(is another server using it? choose another --port, or --port 0 for a free one)"
    ]


def test_a_bad_environment_variable_is_named() -> None:
    code, output = serve(env={"TONN_MOCK_WEBHOOK_MAX_DELAY": "soon"})

    assert code == 2
    assert "TONN_MOCK_WEBHOOK_MAX_DELAY='soon': could not convert string to float" in output


@pytest.mark.parametrize(
    ("variable", "value", "complaint"),
    [
        ("TONN_MOCK_SEED", "abc", "TONN_MOCK_SEED='abc': invalid literal for int()"),
        ("TONN_MOCK_PROGRESSION", "sometimes", "TONN_MOCK_PROGRESSION='sometimes': invalid progression"),
        ("TONN_MOCK_RATE_LIMIT_ENABLED", "maybe", "TONN_MOCK_RATE_LIMIT_ENABLED='maybe': not a boolean"),
    ],
)
def test_settings_from_the_environment_name_the_variable(variable: str, value: str, complaint: str) -> None:
    with pytest.raises(ValueError, match="^" + complaint.replace("(", r"\(").replace(")", r"\)")):
        Settings.from_env({variable: value})


def test_the_rate_limit_is_opt_in_on_the_command_line() -> None:
    assert "--rate-limit / --no-rate-limit" in serve("--help")[1]
    assert Settings.from_env({}).rate_limit_enabled is False
    assert Settings.from_env({"TONN_MOCK_RATE_LIMIT_ENABLED": "true"}).rate_limit_enabled is True
