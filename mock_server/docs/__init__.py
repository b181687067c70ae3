"""The mock's own documentation: the OpenAPI document and a page to read it by."""

from __future__ import annotations

import html
from typing import Any

from flask import Blueprint, Response, current_app, jsonify

blueprint = Blueprint("docs", __name__)


@blueprint.get("/openapi.json")
def openapi_document() -> Response:
    return jsonify(current_app.extensions["tonn_mock.spec"])


@blueprint.get("/docs")
def docs_page() -> Response:
    spec: dict[str, Any] = current_app.extensions["tonn_mock.spec"]
    return Response(render_page(spec), mimetype="text/html")


def render_page(spec: dict[str, Any]) -> str:
    """A self-contained HTML index of the operations (no scripts, works offline)."""
    rows = []
    for path, item in spec["paths"].items():
        for method, op in item.items():
            tags = ", ".join(op.get("tags", []))
            rows.append(
                f"<tr><td><code>{method.upper()}</code></td><td><code>{html.escape(path)}</code></td>"
                f"<td>{html.escape(op.get('summary', ''))}</td><td>{html.escape(tags)}</td></tr>"
            )
    title = html.escape(spec["info"]["title"])
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>"
        "<style>body{font-family:sans-serif;margin:2em}"
        "td{padding:.3em .8em;border-bottom:1px solid #ddd}</style>"
        f"</head><body><h1>{title}</h1><p>{html.escape(spec['info'].get('summary', ''))}</p>"
        "<p>Machine-readable document: <a href='/openapi.json'>/openapi.json</a>. "
        "Control API of the mock: <code>/_mock/</code>.</p>"
        "<table><tr><th>Method</th><th>Path</th><th>Summary</th><th>Tags</th></tr>"
        + "".join(rows)
        + "</table></body></html>"
    )
