"""Training material for the neural restorer, made from scripts/fetch-data's data/raw.

Held-out convention (shared with scripts/evaluate-peers): the LAST 2 files of each genre folder
are the test set and never used for training. Training uses the first files of each genre.

"Real" degraded transfers: no real 78 rpm transfer can be had here, so they are 20 s excerpts of
the training files mixed with recorded surface noise (data/noise/vinyl_hiss.flac, crackle and
ticks included). The trainer treats them exactly as it would genuine transfers: no clean reference.
"""
import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
GENRES = ["orchestral", "folk", "jazz", "percussion", "vocal", "speech"]
HELD_OUT_PER_GENRE = 2


def run(cmd, **kw):
    return subprocess.run([str(c) for c in cmd], check=True, text=True, capture_output=True, **kw)


def training_sources(genre, files_per_genre):
    """The training files of a genre: never the held-out last ones."""
    sources = sorted((ROOT / "data" / "raw" / genre).iterdir())
    return sources[:-HELD_OUT_PER_GENRE][:files_per_genre]


def make_material(work, cli, files_per_genre):
    """Creates work/clean/<genre>/ (links to the training files) and work/real/ (noisy excerpts);
    returns (clean, real). Does nothing when both exist."""
    clean, real = work / "clean", work / "real"
    if clean.exists() and real.exists():
        return clean, real
    work.mkdir(parents=True, exist_ok=True)
    profile = json.loads(run([cli, "degrade", "--preset", "clean", "--print-profile"]).stdout)
    profile.update({"real_noise_gain_db": 0, "real_noise_gain_spread_db": 3,
                    "description": "real record surface noise only (vinyl_hiss.flac)"})
    (work / "real-noise.json").write_text(json.dumps(profile, indent=2))
    real.mkdir(exist_ok=True)
    seed = 100
    for genre in GENRES:
        (clean / genre).mkdir(parents=True, exist_ok=True)
        for src in training_sources(genre, files_per_genre):
            (clean / genre / src.name).symlink_to(src)
            excerpt = work / f"{genre}_{src.stem}.wav"
            duration = float(run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", src]).stdout)
            start = 10 if duration > 30 else 0
            run(["ffmpeg", "-v", "error", "-y", "-ss", start, "-t", "20", "-i", src, "-ac", "1", "-ar", "44100", excerpt])
            seed += 1
            run([cli, "degrade", excerpt, "-o", real / excerpt.name, "--profile", work / "real-noise.json",
                 "--noise-file", ROOT / "data" / "noise" / "vinyl_hiss.flac", "--seed", seed, "--force"])
            excerpt.unlink()
    return clean, real
