#!/usr/bin/env python3
"""Pull the live Tonn OpenAPI document, apply the overlay, regenerate the client, report; see ``--help``.

A thin wrapper so the command runs from a checkout without remembering a module path; the logic
lives in :mod:`tonn_openapi.pull` (also mounted as ``tonn-mock pull-spec``), and the mock's routes
for the coverage report come from :func:`tonn_mock.products.implemented_operations`.
"""

from tonn_mock.products import implemented_operations
from tonn_openapi.pull import make_pull_command

if __name__ == "__main__":
    make_pull_command(implemented_operations)()
