"""The ``tonn-mock`` command line."""

from __future__ import annotations

import click

from tonn_openapi.pull import pull_spec_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="tonn-testkit")
def main() -> None:
    """tonn-mock: an offline twin of the RoEx Tonn audio API."""


main.add_command(pull_spec_command, name="pull-spec")
