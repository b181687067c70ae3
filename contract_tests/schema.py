"""The schemathesis schema of a contract run: the committed document, aimed at one target.

Every check is on (schemathesis's and ours); the settings that make a run reproducible are
explicit: the seed, the number of examples, the failure database. Auth is the target's key as
``X-API-Key`` (``ApiKeyHeader``), so ``ignored_auth`` and ``missing_required_header`` probe
requests without it and with a wrong one. A credit-safe run leaves the charged operations out.
"""

from __future__ import annotations

from typing import Any, cast

import schemathesis
from schemathesis import Case, HookContext, Response
from schemathesis.core.failures import Failure
from schemathesis.specs.openapi.schemas import OpenApiSchema

from tonn_openapi import load_spec

from .checks import CONTRACT_CHECKS
from .divergences import is_tonn_auth_refusal, known_divergence
from .knowledge import CHARGED_OPERATIONS
from .plan import ContractPlan, RunSettings
from .target import Kind, TargetChoice

IN_PROCESS_REPRODUCE_AT = "http://127.0.0.1:8080"  # where `tonn-mock serve` listens by default


def contract_config(choice: TargetChoice, settings: RunSettings) -> schemathesis.Config:
    data: dict[str, Any] = {
        "seed": settings.seed,
        # the one health check that depends on the machine's speed, not on the seed
        "suppress-health-check": ["too_slow"],
        "base-url": IN_PROCESS_REPRODUCE_AT if choice.kind == Kind.IN_PROCESS else choice.url,
        "request-timeout": 60,
        "auth": {"openapi": {"ApiKeyHeader": {"api_key": choice.api_key}}},
        "generation": {
            "max-examples": settings.max_examples,
            "with-security-parameters": False,
            "database": settings.database,
        },
        # A mock's key is no secret: leave it in the curl commands, so they run as printed.
        "output": {"sanitization": {"enabled": choice.kind == Kind.LIVE}},
        "phases": {"stateful": {"max-steps": settings.steps}},
        "checks": {name: {"enabled": True} for name in CONTRACT_CHECKS},
    }
    return schemathesis.Config.from_dict(data)


def contract_schema(plan: ContractPlan, document: dict[str, Any] | None = None) -> OpenApiSchema:
    """The committed document (or ``document``) as a schemathesis schema aimed at the plan's target."""
    config = contract_config(plan.choice, plan.settings)
    schema = schemathesis.openapi.from_dict(document or load_spec(), config=config)
    if plan.choice.kind == Kind.IN_PROCESS:
        schema.app = plan.forwarder
    if plan.settings.operations:
        schema = cast(OpenApiSchema, schema.include(operation_id=list(plan.settings.operations)))
    if not plan.choice.allow_charges:
        schema = cast(OpenApiSchema, schema.exclude(operation_id=sorted(CHARGED_OPERATIONS)))

    def filter_failure(context: HookContext, failure: Failure, case: Case[Any], response: Response) -> bool:
        if is_tonn_auth_refusal(failure):
            return False
        divergence = known_divergence(failure, case, response)
        if divergence is None or plan.settings.strict:
            return True
        plan.report.divergence_seen(divergence)
        return False

    schema.hooks.register_hook_with_name(filter_failure, "filter_failure")
    return schema
