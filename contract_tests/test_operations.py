"""Every operation of ``openapi.json``, fuzzed by schemathesis with every check on.

Per operation: the document's examples, the coverage cases (boundaries, each enum value, each
missing field, wrong types, undeclared methods, missing auth) and ``--tonn-max-examples`` random
cases, positive and negative. Checks: schemathesis's (server errors, status codes, content type,
headers, response schema, negative data rejected, positive data accepted, missing required
header, ignored auth, use-after-free, resource availability, ...) and ours (:mod:`.checks`).
A failure is reported with a ``curl`` command that reproduces it.
"""

from __future__ import annotations

from typing import Any

import pytest
from schemathesis import Case

from .plan import active
from .report import RunReport
from .schema import contract_schema
from .shaping import aim
from .target import Target

pytestmark = pytest.mark.contract

schema = contract_schema(active())


@schema.parametrize()
def test_operation_honours_the_contract(
    case: Case[Any], contract_target: Target, contract_report: RunReport
) -> None:
    aim(case, contract_target)
    contract_report.case_sent(case)
    response = case.call_and_validate()
    contract_report.answered(case, response)
