from enum import StrEnum


class MixTaskState(StrEnum):
    MIX_TASK_ANALYSIS = "MIX_TASK_ANALYSIS"
    MIX_TASK_APPLY_FX = "MIX_TASK_APPLY_FX"
    MIX_TASK_COMPLETED = "MIX_TASK_COMPLETED"
    MIX_TASK_FAILED = "MIX_TASK_FAILED"
    MIX_TASK_PENDING = "MIX_TASK_PENDING"
    MIX_TASK_PREVIEW_COMPLETED = "MIX_TASK_PREVIEW_COMPLETED"

    def __str__(self) -> str:
        return str(self.value)
