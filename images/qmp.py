#!/usr/bin/env python3
"""Talks to a qemu QMP socket for images/smoke.sh.

  qmp.py SOCKET screendump FILE.png   the screen as PNG; prints "WIDTHxHEIGHT lit=FRACTION"
                                      (the share of pixels that are not near black)
  qmp.py SOCKET powerdown             ACPI power button: the guest shuts down cleanly
  qmp.py SOCKET quit                  stop qemu at once

Only the standard library: qemu writes PPM (P6), which is turned into PNG with zlib.
"""
import json
import os
import socket
import struct
import sys
import tempfile
import zlib


def command(sock_path, name, arguments=None):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(60)
        sock.connect(sock_path)
        stream = sock.makefile("rw")
        json.loads(stream.readline())  # the greeting
        for request in ({"execute": "qmp_capabilities"},
                        {"execute": name, **({"arguments": arguments} if arguments else {})}):
            stream.write(json.dumps(request) + "\n")
            stream.flush()
            while True:
                reply = json.loads(stream.readline())
                if "event" in reply:
                    continue
                if "error" in reply:
                    raise SystemExit(f"qmp.py: {name}: {reply['error'].get('desc', reply)}")
                break
        return reply.get("return")


def read_ppm(path):
    with open(path, "rb") as file:
        data = file.read()
    # Header: P6 <width> <height> <maxval>, blank-separated, then one blank and the pixels.
    fields, position = [], 0
    while len(fields) < 4:
        while data[position:position + 1].isspace():
            position += 1
        start = position
        while not data[position:position + 1].isspace():
            position += 1
        fields.append(data[start:position])
    if fields[0] != b"P6" or fields[3] != b"255":
        raise SystemExit(f"qmp.py: {path}: not an 8-bit binary PPM")
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[position + 1:position + 1 + width * height * 3]


def write_png(path, width, height, pixels):
    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    stride = width * 3
    # Filter type 0 (none) before every row.
    raw = b"".join(b"\x00" + pixels[row * stride:(row + 1) * stride] for row in range(height))
    with open(path, "wb") as file:
        file.write(b"\x89PNG\r\n\x1a\n")
        file.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
        file.write(chunk(b"IDAT", zlib.compress(raw, 6)))
        file.write(chunk(b"IEND", b""))


def screendump(sock_path, png_path):
    with tempfile.TemporaryDirectory() as directory:
        ppm = os.path.join(directory, "screen.ppm")
        command(sock_path, "screendump", {"filename": ppm})
        width, height, pixels = read_ppm(ppm)
    write_png(png_path, width, height, pixels)
    # Every 7th pixel is plenty to tell a text console (mostly black) from an application.
    step = 3 * 7
    sampled = range(0, len(pixels) - 2, step)
    lit = sum(1 for i in sampled if pixels[i] + pixels[i + 1] + pixels[i + 2] > 48)
    print(f"{width}x{height} lit={lit / max(1, len(sampled)):.3f}")


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    sock_path, action = sys.argv[1], sys.argv[2]
    if action == "screendump" and len(sys.argv) == 4:
        screendump(sock_path, sys.argv[3])
    elif action == "powerdown":
        command(sock_path, "system_powerdown")
    elif action == "quit":
        command(sock_path, "quit")
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
