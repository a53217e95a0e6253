#!/usr/bin/env python3
"""Writes a small General MIDI file: a sung (choir/voice) melody over sustained chords.

Used by scripts/fetch-data to render "vocal" training and test material with fluidsynth,
because no recording of real singing is available offline. Deterministic for a given seed.
Usage: make_midi.py OUT.mid SEED PROGRAM
"""
import random
import struct
import sys


def var_len(value):
    out = [value & 0x7F]
    value >>= 7
    while value:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    return bytes(reversed(out))


def track(events):
    data = b"".join(var_len(delta) + bytes(msg) for delta, msg in events)
    data += var_len(0) + bytes([0xFF, 0x2F, 0x00])
    return b"MTrk" + struct.pack(">I", len(data)) + data


def main():
    out, seed, program = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    ticks = 480
    scale = [0, 2, 4, 5, 7, 9, 11, 12]
    root = 55 + rng.randrange(0, 7)
    tempo = 60_000_000 // rng.choice([66, 72, 80, 92])
    melody = [(0, [0xFF, 0x51, 0x03, (tempo >> 16) & 0xFF, (tempo >> 8) & 0xFF, tempo & 0xFF]),
              (0, [0xC0, program])]
    chords = [(0, [0xC1, 48 + rng.randrange(0, 2)])]  # string ensemble under the voice
    degree = 0
    for bar in range(24):
        chord_root = root - 12 + scale[rng.choice([0, 3, 4, 5])]
        chord = [chord_root, chord_root + 4, chord_root + 7]
        for n in chord:
            chords.append((0, [0x91, n, 50]))
        first = True
        remaining = 4 * ticks
        while remaining > 0:
            length = min(remaining, rng.choice([ticks // 2, ticks, ticks, 2 * ticks]))
            degree = max(0, min(len(scale) - 1, degree + rng.choice([-2, -1, -1, 0, 1, 1, 2])))
            note = root + scale[degree]
            melody.append((0, [0x90, note, 70 + rng.randrange(0, 30)]))
            melody.append((length, [0x80, note, 0]))
            remaining -= length
        for i, n in enumerate(chord):
            chords.append((4 * ticks if i == 0 else 0, [0x81, n, 0]))
        first = False
    header = b"MThd" + struct.pack(">IHHH", 6, 1, 2, ticks)
    with open(out, "wb") as f:
        f.write(header + track(melody) + track(chords))


if __name__ == "__main__":
    main()
