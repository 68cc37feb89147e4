"""A reproducible .tar.gz: the same files give the same bytes, whenever and wherever built.

Entries are sorted, with fixed times, owner and modes; the gzip header holds no time or
name.
"""

from __future__ import annotations

import gzip
import io
import tarfile

FILE_MODE = 0o644
FOLDER_MODE = 0o755
MTIME = 0


def _info(name: str, *, folder: bool, size: int = 0) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = tarfile.DIRTYPE if folder else tarfile.REGTYPE
    info.mode = FOLDER_MODE if folder else FILE_MODE
    info.size = size
    info.mtime = MTIME
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def archive_bytes(files: dict[str, bytes], top: str) -> bytes:
    """The files (paths relative to `top`) as a gzip'd tar whose one top folder is `top`."""
    folders = {top}
    for name in files:
        parts = name.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            folders.add(f"{top}/{'/'.join(parts[:depth])}")
    entries = sorted(
        [(folder, None) for folder in folders]
        + [(f"{top}/{name}", data) for name, data in files.items()]
    )
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in entries:
            if data is None:
                tar.addfile(_info(name, folder=True))
            else:
                tar.addfile(_info(name, folder=False, size=len(data)), io.BytesIO(data))
    packed = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=packed, mtime=MTIME, compresslevel=9) as gz:
        gz.write(raw.getvalue())
    return packed.getvalue()
