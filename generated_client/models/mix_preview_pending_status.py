from enum import StrEnum


class MixPreviewPendingStatus(StrEnum):
    MIX_TASK_ANALYSIS = "MIX_TASK_ANALYSIS"
    MIX_TASK_APPLY_FX = "MIX_TASK_APPLY_FX"
    MIX_TASK_PENDING = "MIX_TASK_PENDING"

    def __str__(self) -> str:
        return str(self.value)
