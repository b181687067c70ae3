"""Links the stateful run adds to the document's own: journeys the document does not spell out.

``openapi.json`` links each create operation to the operations that poll and retrieve its task.
It does not link an upload to the operations that take the uploaded file, nor a separation's
stems to a recombine. Those journeys are real (EVIDENCE §5, §12.17), so the stateful run adds
them to its copy of the document, as standard OpenAPI links (``$response.body#/readable_url``),
and the gap is reported against the document.
"""

from __future__ import annotations

from typing import Any

from tonn_openapi import load_spec

UPLOADED = "$response.body#/readable_url"

# operationId → the request body an uploaded file's readable URL goes into
TAKES_AN_UPLOAD: dict[str, dict[str, Any]] = {
    "createMasteringPreview": {"masteringData": {"trackData": [{"trackURL": UPLOADED}]}},
    "createMixPreview": {"multitrackData": {"trackData": [{"trackURL": UPLOADED}]}},
    "createMixAnalysis": {"mixDiagnosisData": {"audioFileLocation": UPLOADED}},
    "createMixEnhancePreview": {"mixReviveData": {"audioFileLocation": UPLOADED}},
    "createMixEnhance": {"mixReviveData": {"audioFileLocation": UPLOADED}},
    "createAudioCleanup": {"audioCleanupData": {"audioFileLocation": UPLOADED}},
    "createSeparation": {"stemflowData": {"audioFileLocation": UPLOADED}},
    "createDialogueEnhancementPreview": {"postProdData": {"trackData": [{"trackURL": UPLOADED}]}},
}

# separated stems → a recombine: by the (completed) job's id, or by two of its stem URLs
STEMS_TO_RECOMBINE: dict[str, dict[str, Any]] = {
    "RecombineStemJob": {"recombineData": {"stemJobId": "$request.body#/stemflowData/stemflowTaskId"}},
    "RecombineStemUrls": {
        "recombineData": {
            "vocalStemURL": "$response.body#/stems/vocals",
            "backingStemURL": "$response.body#/stems/other",
        }
    },
}


def journey_document(operation_ids: set[str] | None = None) -> dict[str, Any]:
    """The committed document plus the links above (only those whose ends are in ``operation_ids``)."""
    document = load_spec()
    wanted = operation_ids

    def keep(*ids: str) -> bool:
        return wanted is None or all(op in wanted for op in ids)

    upload = document["paths"]["/upload"]["post"]["responses"]["200"].setdefault("links", {})
    for target, body in TAKES_AN_UPLOAD.items():
        if keep("createUploadUrl", target):
            upload[f"Upload{target[0].upper()}{target[1:]}"] = {"operationId": target, "requestBody": body}
    stems = document["paths"]["/retrievestems"]["post"]["responses"]["200"].setdefault("links", {})
    for name, body in STEMS_TO_RECOMBINE.items():
        if keep("retrieveStems", "createRecombine"):
            stems[name] = {"operationId": "createRecombine", "requestBody": body}
    return document
