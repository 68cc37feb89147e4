"""Build one course version: the OLX archive Studio imports, and its manifest."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .archive import archive_bytes
from .hashing import content_hash, version_files
from .loader import LoadedVersion, load_version
from .manifest import manifest, manifest_bytes
from .olx import Progress, course_files
from .problems import Problems

TOP_FOLDER = "course"


@dataclass(frozen=True)
class Build:
    """What a build produced, in memory; `write` puts it in a folder."""

    loaded: LoadedVersion
    files: dict[str, bytes]
    archive: bytes
    manifest: bytes
    content_hash: str

    @property
    def name(self) -> str:
        return f"{self.loaded.version.course.slug}-{self.loaded.version.version}"

    def write(self, out_dir: Path) -> tuple[Path, Path]:
        out_dir.mkdir(parents=True, exist_ok=True)
        archive = out_dir / f"{self.name}.tar.gz"
        manifest_path = out_dir / f"{self.name}.manifest.json"
        archive.write_bytes(self.archive)
        manifest_path.write_bytes(self.manifest)
        return archive, manifest_path


def build_loaded(loaded: LoadedVersion, progress: Progress | None = None) -> Build:
    """Build a version that loaded without problems."""
    files = course_files(loaded, progress)
    digest = content_hash(version_files(loaded.version.path))
    data = manifest(loaded, digest, loaded.root)
    return Build(
        loaded=loaded,
        files=files,
        archive=archive_bytes(files, TOP_FOLDER),
        manifest=manifest_bytes(data),
        content_hash=digest,
    )


def build_version(
    folder: Path, problems: Problems, progress: Progress | None = None
) -> Build | None:
    """Load and build the version in `folder`; None (with `problems` filled) if it has any."""
    loaded = load_version(folder, problems)
    if loaded is None or problems:
        return None
    return build_loaded(loaded, progress)
