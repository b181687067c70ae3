"""The package's public surface: pinned exports, the documented hierarchy, no Flask."""

from __future__ import annotations

import ast
from pathlib import Path

import tonn_mock.webhooks as webhooks
from tonn_mock.webhooks import (
    DeliveryConnectError,
    DeliveryError,
    DeliveryTimeout,
    DispatcherClosed,
    InvalidWebhookURL,
    UnknownDelivery,
    WebhookError,
    WebhookWorkerError,
)

EXPECTED_EXPORTS = {
    "USER_AGENT", "AttemptHook", "AttemptOutcome", "Delivery", "DeliveryAttempt",
    "DeliveryConnectError", "DeliveryError", "DeliveryLog", "DeliveryState", "DeliveryTimeout",
    "DispatcherClosed", "HttpxWebhookSender", "InvalidWebhookURL", "Outcome",
    "RecordingSender", "RetryPolicy", "Scripted", "SentWebhook",
    "UnknownDelivery", "WebhookDispatcher", "WebhookError", "WebhookSender", "WebhookTransport",
    "WebhookWorkerError", "is_success", "sequential_ids",
}  # fmt: skip


def test_public_api_is_pinned() -> None:
    assert set(webhooks.__all__) == EXPECTED_EXPORTS
    assert all(hasattr(webhooks, name) for name in webhooks.__all__)


def test_exception_hierarchy_matches_the_docstring() -> None:
    for leaf in (DeliveryConnectError, DeliveryTimeout, InvalidWebhookURL):
        assert issubclass(leaf, DeliveryError)
    for branch in (DeliveryError, DispatcherClosed, UnknownDelivery, WebhookWorkerError):
        assert issubclass(branch, WebhookError)
        assert branch.__name__ in (webhooks.__doc__ or "")


def test_no_module_imports_flask() -> None:
    package_dir = Path(webhooks.__file__).parent
    for module in package_dir.glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        imported = {
            alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
            for alias in node.names
        } | {
            node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
        }  # fmt: skip
        assert not any(name.split(".")[0] == "flask" for name in imported), module.name
