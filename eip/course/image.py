"""A plain placeholder PNG for a new course's image (no imaging library needed)."""

from __future__ import annotations

import struct
import zlib

WIDTH, HEIGHT = 378, 225  # Open edX's course card proportions
COLOUR = (0x1F, 0x4E, 0x79)


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def placeholder_png(width: int = WIDTH, height: int = HEIGHT) -> bytes:
    row = b"\x00" + bytes(COLOUR) * width
    pixels = zlib.compress(row * height, 9)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", pixels)
        + _chunk(b"IEND", b"")
    )
