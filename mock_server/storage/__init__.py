"""Storage layer of the mock: the simulated GCS bucket behind Tonn's signed upload/download URLs.

No Flask here: the ``/_storage/<key>`` routes translate HTTP into calls on a :class:`BlobStore`
(:mod:`.blobs`) after a :class:`UrlSigner` (:mod:`.signing`) has accepted the URL, and answer
every :class:`StorageError` with ``error.status`` and :func:`render_xml` (GCS's XML body).

Exception hierarchy (code, HTTP status; details in :mod:`.errors`)::

    StorageError                     InternalError            500
    ├── UnsafeKey                    InvalidArgument          400
    ├── BlobTooLarge                 EntityTooLarge           413
    ├── BlobNotFound                 NoSuchKey                404
    └── SignatureError
        ├── SignatureMissing         AccessDenied             403
        ├── MalformedSignature       MalformedSecurityHeader  400
        ├── SignatureMismatch        SignatureDoesNotMatch    403
        │   └── ContentTypeMismatch  SignatureDoesNotMatch    403
        └── SignatureExpired         ExpiredToken             400
"""

from tonn_mock.storage.blobs import (
    DEFAULT_CONTENT_TYPE,
    BlobData,
    BlobInfo,
    BlobStore,
    MemoryBlobStore,
    OpenedBlob,
    ReadableStream,
)
from tonn_mock.storage.directory import DirectoryBlobStore, TemporaryBlobStore
from tonn_mock.storage.errors import (
    BlobNotFound,
    BlobTooLarge,
    ContentTypeMismatch,
    MalformedSignature,
    SignatureError,
    SignatureExpired,
    SignatureMismatch,
    SignatureMissing,
    StorageError,
    UnsafeKey,
    render_xml,
)
from tonn_mock.storage.keys import (
    MAX_FILENAME_LENGTH,
    MAX_KEY_BYTES,
    RESULTS_PREFIX,
    UPLOADS_PREFIX,
    check_key,
    make_key,
    sanitise_filename,
)
from tonn_mock.storage.signing import (
    DOWNLOAD_URL_TTL,
    LONG_DOWNLOAD_URL_TTL,
    MAX_URL_TTL,
    SIGNED_CONTENT_TYPE_PARAM,
    STORAGE_PREFIX,
    UPLOAD_URL_TTL,
    HttpMethod,
    UrlSigner,
    normalise_content_type,
    single_valued,
    storage_path,
)

__all__ = [
    "DEFAULT_CONTENT_TYPE",
    "DOWNLOAD_URL_TTL",
    "LONG_DOWNLOAD_URL_TTL",
    "MAX_FILENAME_LENGTH",
    "MAX_KEY_BYTES",
    "MAX_URL_TTL",
    "RESULTS_PREFIX",
    "SIGNED_CONTENT_TYPE_PARAM",
    "STORAGE_PREFIX",
    "UPLOADS_PREFIX",
    "UPLOAD_URL_TTL",
    "BlobData",
    "BlobInfo",
    "BlobNotFound",
    "BlobStore",
    "BlobTooLarge",
    "ContentTypeMismatch",
    "DirectoryBlobStore",
    "HttpMethod",
    "MalformedSignature",
    "MemoryBlobStore",
    "OpenedBlob",
    "ReadableStream",
    "SignatureError",
    "SignatureExpired",
    "SignatureMismatch",
    "SignatureMissing",
    "StorageError",
    "TemporaryBlobStore",
    "UnsafeKey",
    "UrlSigner",
    "check_key",
    "make_key",
    "normalise_content_type",
    "render_xml",
    "sanitise_filename",
    "single_valued",
    "storage_path",
]
