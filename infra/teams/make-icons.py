#!/usr/bin/env python3
"""Draws the Teams app icons (standard library only): python3 infra/teams/make-icons.py

color.png   192x192, the accent colour with a white three-step staircase in the central 96x96 safe area
outline.png  32x32, the same staircase in white on a transparent background
"""
import os
import struct
import zlib

ACCENT = (0x43, 0x38, 0xCA)  # the manifest's accentColor (and the Slack app's background colour)
WHITE = (0xFF, 0xFF, 0xFF)


def staircase(x, y, left, bottom, step):
    """True where (x, y) is inside three steps of width `step`, rising left to right from (left, bottom)."""
    column = (x - left) // step
    if x < left or column > 2 or y >= bottom:
        return False
    return y >= bottom - (column + 1) * step


def png(path, width, height, pixel):
    """Writes an 8-bit RGBA PNG; pixel(x, y) returns (r, g, b, a)."""
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n")
        out.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)))
        out.write(chunk(b"IDAT", zlib.compress(rows, 9)))
        out.write(chunk(b"IEND", b""))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    # 192x192: steps of 32 px fill the 96x96 square centred at (96, 96).
    png(os.path.join(here, "color.png"), 192, 192,
        lambda x, y: (*(WHITE if staircase(x, y, 48, 144, 32) else ACCENT), 255))
    # 32x32: steps of 10 px, one transparent pixel of margin.
    png(os.path.join(here, "outline.png"), 32, 32,
        lambda x, y: (*WHITE, 255) if staircase(x, y, 1, 31, 10) else (0, 0, 0, 0))


if __name__ == "__main__":
    main()
