#!/usr/bin/env python3
"""Pull the live Tonn OpenAPI document into ``openapi/openapi.json``; see ``--help``.

A thin wrapper so the command runs from a checkout without remembering a module path; the logic
lives in :mod:`tonn_openapi.pull` (also mounted as ``tonn-mock pull-spec``).
"""

from tonn_openapi.pull import pull_spec_command

if __name__ == "__main__":
    pull_spec_command()
