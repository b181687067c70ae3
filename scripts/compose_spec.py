#!/usr/bin/env python3
"""Write ``openapi/openapi.json`` as ``openapi/base.json`` with ``openapi/overlay.json`` applied.

Edit a layer (the Tonn API's own declaration, or this project's additions), then run this; with
``--check`` it only verifies that the committed document is the composition. The logic lives in
:mod:`tonn_openapi.layers`.
"""

from tonn_openapi.layers import compose_command

if __name__ == "__main__":
    compose_command()
