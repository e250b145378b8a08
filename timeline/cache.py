"""A per-document result cache: a re-run over a grown corpus processes only the new documents.

An entry is the `DocumentResult` of one `Document`, stored as JSON under a key that hashes the
whole document (text, id, path, publication date, metadata) together with the tool's
fingerprint: `timeline.__version__`, the resource files (rules and word lists) and the package's
Python sources. Changing a rule, a lexicon or the code therefore invalidates every entry; the
entries of an older fingerprint live in their own folder and can be deleted as a whole.

Writes go through `timeline.fileio` (temporary file, then rename), so a reader never sees a torn
entry; an entry that does not parse anyway (a disk error, a hand edit) is treated as a miss.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from timeline import __version__
from timeline.fileio import write_bytes_atomic
from timeline.models import Document
from timeline.pipeline import DocumentResult

PACKAGE_ROOT = Path(__file__).resolve().parent
#: Files whose content is part of the fingerprint: rule/lexicon tables and the code itself.
FINGERPRINT_SUFFIXES = frozenset({".py", ".json", ".txt", ".tsv", ".csv", ".yaml", ".yml"})


def fingerprint_files(root: Path = PACKAGE_ROOT) -> list[Path]:
    """The package files (code and resources) the results depend on, in a stable order."""
    return sorted(
        path
        for path in root.rglob("*")
        if path.is_file()
        and path.suffix in FINGERPRINT_SUFFIXES
        and "__pycache__" not in path.parts
    )


def fingerprint_of(root: Path, version: str) -> str:
    """A hash of `version` and of the content and name of every fingerprint file under `root`."""
    digest = hashlib.sha256(f"timeline {version}\n".encode())
    for path in fingerprint_files(root):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def tool_fingerprint() -> str:
    """The fingerprint of this installation: version, resource tables and code."""
    return fingerprint_of(PACKAGE_ROOT, __version__)


def document_key(document: Document, fingerprint: str) -> str:
    """The cache key of a document: its full content and metadata under this tool fingerprint.

    The key covers everything `process_document` reads (it takes the document alone); if it
    ever takes settings too, they belong in the key.
    """
    digest = hashlib.sha256(fingerprint.encode("ascii") + b"\0")
    digest.update(document.model_dump_json().encode("utf-8"))
    return digest.hexdigest()


class DocumentCache:
    """Per-document results on disk, under `root/<fingerprint prefix>/<key[:2]>/<key>.json`."""

    def __init__(self, root: Path, fingerprint: str | None = None) -> None:
        self.root = root
        self.fingerprint = fingerprint or tool_fingerprint()
        self.folder = root / self.fingerprint[:16]

    def entry_path(self, key: str) -> Path:
        """Where the entry for `key` lives (two-level fan-out keeps folders small)."""
        return self.folder / key[:2] / f"{key}.json"

    def key(self, document: Document) -> str:
        """The cache key of `document` under this cache's fingerprint."""
        return document_key(document, self.fingerprint)

    def load(self, key: str) -> DocumentResult | None:
        """The cached result for `key`, or None when absent or unreadable."""
        try:
            data = self.entry_path(key).read_bytes()
        except OSError:
            return None
        try:
            return DocumentResult.model_validate_json(data)
        except ValidationError:
            return None

    def store(self, key: str, result: DocumentResult) -> None:
        """Save `result` under `key`, atomically."""
        write_bytes_atomic(self.entry_path(key), result.model_dump_json().encode("utf-8"))
