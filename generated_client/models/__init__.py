"""Contains all the data models used in inputs/outputs"""

from .analysis_musical_style import AnalysisMusicalStyle
from .audio_cleanup_data import AudioCleanupData
from .audio_cleanup_request import AudioCleanupRequest
from .audio_cleanup_response import AudioCleanupResponse
from .audio_cleanup_results import AudioCleanupResults
from .clipping_verdict import ClippingVerdict
from .compression_settings import CompressionSettings
from .desired_loudness import DesiredLoudness
from .dialogue_enhancement_data import DialogueEnhancementData
from .dialogue_enhancement_mode import DialogueEnhancementMode
from .dialogue_enhancement_preview_results import DialogueEnhancementPreviewResults
from .dialogue_enhancement_request import DialogueEnhancementRequest
from .dialogue_enhancement_retrieved import DialogueEnhancementRetrieved
from .dialogue_track import DialogueTrack
from .dialogue_track_type import DialogueTrackType
from .drc_settings import DrcSettings
from .dynamics_verdict import DynamicsVerdict
from .enhance_musical_style import EnhanceMusicalStyle
from .enhance_stem_download_urls import EnhanceStemDownloadUrls
from .enhanced_stems import EnhancedStems
from .enhanced_track_pending import EnhancedTrackPending
from .enhanced_track_reference import EnhancedTrackReference
from .enhanced_track_retrieved import EnhancedTrackRetrieved
from .eq_band import EqBand
from .eq_settings import EqSettings
from .error_response import ErrorResponse
from .final_master_retrieved import FinalMasterRetrieved
from .final_master_task_results import FinalMasterTaskResults
from .final_mix_data import FinalMixData
from .final_mix_loudness import FinalMixLoudness
from .final_mix_request import FinalMixRequest
from .final_mix_results import FinalMixResults
from .final_mix_retrieved import FinalMixRetrieved
from .final_mix_sample_rate_integer import FinalMixSampleRateInteger
from .final_mix_sample_rate_string import FinalMixSampleRateString
from .final_mix_track import FinalMixTrack
from .four_stems import FourStems
from .gain_settings import GainSettings
from .health_status import HealthStatus
from .instrument_group import InstrumentGroup
from .job_status import JobStatus
from .loudness_preference import LoudnessPreference
from .loudness_verdict import LoudnessVerdict
from .mastering_preview_data import MasteringPreviewData
from .mastering_preview_pending import MasteringPreviewPending
from .mastering_preview_request import MasteringPreviewRequest
from .mastering_preview_retrieved import MasteringPreviewRetrieved
from .mastering_task_created import MasteringTaskCreated
from .mastering_task_failed import MasteringTaskFailed
from .mastering_task_reference import MasteringTaskReference
from .mastering_task_request import MasteringTaskRequest
from .mastering_task_state import MasteringTaskState
from .mastering_track import MasteringTrack
from .mastering_webhook_payload import MasteringWebhookPayload
from .mix_analysis_data import MixAnalysisData
from .mix_analysis_payload import MixAnalysisPayload
from .mix_analysis_request import MixAnalysisRequest
from .mix_analysis_response import MixAnalysisResponse
from .mix_analysis_results import MixAnalysisResults
from .mix_analysis_summary import MixAnalysisSummary
from .mix_enhance_data import MixEnhanceData
from .mix_enhance_request import MixEnhanceRequest
from .mix_enhance_task_created import MixEnhanceTaskCreated
from .mix_enhance_task_failed import MixEnhanceTaskFailed
from .mix_enhance_webhook_payload import MixEnhanceWebhookPayload
from .mix_output_settings import MixOutputSettings
from .mix_preview_data import MixPreviewData
from .mix_preview_pending import MixPreviewPending
from .mix_preview_pending_status import MixPreviewPendingStatus
from .mix_preview_request import MixPreviewRequest
from .mix_preview_retrieved import MixPreviewRetrieved
from .mix_preview_task_created import MixPreviewTaskCreated
from .mix_revive_task_state import MixReviveTaskState
from .mix_stem_urls import MixStemUrls
from .mix_task_failed import MixTaskFailed
from .mix_task_state import MixTaskState
from .mix_track import MixTrack
from .mix_webhook_payload import MixWebhookPayload
from .musical_style import MusicalStyle
from .pan_preference import PanPreference
from .panning_settings import PanningSettings
from .post_prod_pending import PostProdPending
from .post_prod_task_created import PostProdTaskCreated
from .post_prod_task_failed import PostProdTaskFailed
from .post_prod_task_reference import PostProdTaskReference
from .post_prod_task_request import PostProdTaskRequest
from .post_prod_task_state import PostProdTaskState
from .post_prod_webhook_payload import PostProdWebhookPayload
from .presence_setting import PresenceSetting
from .preview_master_task_results import PreviewMasterTaskResults
from .preview_mix_task_results import PreviewMixTaskResults
from .recombine_data import RecombineData
from .recombine_failed import RecombineFailed
from .recombine_musical_style import RecombineMusicalStyle
from .recombine_not_complete import RecombineNotComplete
from .recombine_preview import RecombinePreview
from .recombine_preview_retrieved import RecombinePreviewRetrieved
from .recombine_processing import RecombineProcessing
from .recombine_request import RecombineRequest
from .recombine_result import RecombineResult
from .recombine_retrieved import RecombineRetrieved
from .recombine_status import RecombineStatus
from .recombine_task_created import RecombineTaskCreated
from .recombine_task_reference import RecombineTaskReference
from .recombine_task_request import RecombineTaskRequest
from .recombine_webhook_payload import RecombineWebhookPayload
from .retrieve_enhanced_track_request import RetrieveEnhancedTrackRequest
from .retrieve_preview_mix_data import RetrievePreviewMixData
from .retrieve_preview_mix_request import RetrievePreviewMixRequest
from .retrieve_stems_request import RetrieveStemsRequest
from .reverb_preference import ReverbPreference
from .revived_track_task_results import RevivedTrackTaskResults
from .sample_rate_integer import SampleRateInteger
from .sample_rate_string import SampleRateString
from .separation_data import SeparationData
from .separation_failed import SeparationFailed
from .separation_mode import SeparationMode
from .separation_not_complete import SeparationNotComplete
from .separation_request import SeparationRequest
from .separation_status import SeparationStatus
from .separation_task_created import SeparationTaskCreated
from .separation_webhook_payload import SeparationWebhookPayload
from .sound_source import SoundSource
from .stemflow_task_reference import StemflowTaskReference
from .stems_retrieved import StemsRetrieved
from .stereo_field_verdict import StereoFieldVerdict
from .tonal_band_level import TonalBandLevel
from .tonal_profile import TonalProfile
from .track_fx_settings import TrackFXSettings
from .two_stems import TwoStems
from .upload_content_type import UploadContentType
from .upload_failed import UploadFailed
from .upload_request import UploadRequest
from .upload_response import UploadResponse
from .webhook_job_status import WebhookJobStatus

__all__ = (
    "AnalysisMusicalStyle",
    "AudioCleanupData",
    "AudioCleanupRequest",
    "AudioCleanupResponse",
    "AudioCleanupResults",
    "ClippingVerdict",
    "CompressionSettings",
    "DesiredLoudness",
    "DialogueEnhancementData",
    "DialogueEnhancementMode",
    "DialogueEnhancementPreviewResults",
    "DialogueEnhancementRequest",
    "DialogueEnhancementRetrieved",
    "DialogueTrack",
    "DialogueTrackType",
    "DrcSettings",
    "DynamicsVerdict",
    "EnhanceMusicalStyle",
    "EnhanceStemDownloadUrls",
    "EnhancedStems",
    "EnhancedTrackPending",
    "EnhancedTrackReference",
    "EnhancedTrackRetrieved",
    "EqBand",
    "EqSettings",
    "ErrorResponse",
    "FinalMasterRetrieved",
    "FinalMasterTaskResults",
    "FinalMixData",
    "FinalMixLoudness",
    "FinalMixRequest",
    "FinalMixResults",
    "FinalMixRetrieved",
    "FinalMixSampleRateInteger",
    "FinalMixSampleRateString",
    "FinalMixTrack",
    "FourStems",
    "GainSettings",
    "HealthStatus",
    "InstrumentGroup",
    "JobStatus",
    "LoudnessPreference",
    "LoudnessVerdict",
    "MasteringPreviewData",
    "MasteringPreviewPending",
    "MasteringPreviewRequest",
    "MasteringPreviewRetrieved",
    "MasteringTaskCreated",
    "MasteringTaskFailed",
    "MasteringTaskReference",
    "MasteringTaskRequest",
    "MasteringTaskState",
    "MasteringTrack",
    "MasteringWebhookPayload",
    "MixAnalysisData",
    "MixAnalysisPayload",
    "MixAnalysisRequest",
    "MixAnalysisResponse",
    "MixAnalysisResults",
    "MixAnalysisSummary",
    "MixEnhanceData",
    "MixEnhanceRequest",
    "MixEnhanceTaskCreated",
    "MixEnhanceTaskFailed",
    "MixEnhanceWebhookPayload",
    "MixOutputSettings",
    "MixPreviewData",
    "MixPreviewPending",
    "MixPreviewPendingStatus",
    "MixPreviewRequest",
    "MixPreviewRetrieved",
    "MixPreviewTaskCreated",
    "MixReviveTaskState",
    "MixStemUrls",
    "MixTaskFailed",
    "MixTaskState",
    "MixTrack",
    "MixWebhookPayload",
    "MusicalStyle",
    "PanPreference",
    "PanningSettings",
    "PostProdPending",
    "PostProdTaskCreated",
    "PostProdTaskFailed",
    "PostProdTaskReference",
    "PostProdTaskRequest",
    "PostProdTaskState",
    "PostProdWebhookPayload",
    "PresenceSetting",
    "PreviewMasterTaskResults",
    "PreviewMixTaskResults",
    "RecombineData",
    "RecombineFailed",
    "RecombineMusicalStyle",
    "RecombineNotComplete",
    "RecombinePreview",
    "RecombinePreviewRetrieved",
    "RecombineProcessing",
    "RecombineRequest",
    "RecombineResult",
    "RecombineRetrieved",
    "RecombineStatus",
    "RecombineTaskCreated",
    "RecombineTaskReference",
    "RecombineTaskRequest",
    "RecombineWebhookPayload",
    "RetrieveEnhancedTrackRequest",
    "RetrievePreviewMixData",
    "RetrievePreviewMixRequest",
    "RetrieveStemsRequest",
    "ReverbPreference",
    "RevivedTrackTaskResults",
    "SampleRateInteger",
    "SampleRateString",
    "SeparationData",
    "SeparationFailed",
    "SeparationMode",
    "SeparationNotComplete",
    "SeparationRequest",
    "SeparationStatus",
    "SeparationTaskCreated",
    "SeparationWebhookPayload",
    "SoundSource",
    "StemflowTaskReference",
    "StemsRetrieved",
    "StereoFieldVerdict",
    "TonalBandLevel",
    "TonalProfile",
    "TrackFXSettings",
    "TwoStems",
    "UploadContentType",
    "UploadFailed",
    "UploadRequest",
    "UploadResponse",
    "WebhookJobStatus",
)
