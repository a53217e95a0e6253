"""Training material for the neural restorer, made from scripts/fetch-data's data/raw.

Held-out convention (shared with scripts/evaluate-peers): the LAST 2 files of each genre folder
are the test set and never used for training. Training uses the first files of each genre.

"Real" degraded transfers: no real 78 rpm transfer can be had here, so they are 20 s excerpts of
the training files mixed with recorded surface noise (data/noise/vinyl_hiss.flac, crackle and
ticks included). The trainer treats them exactly as it would genuine transfers: no clean reference.

Post-filter material (train --post-filter, the network behind the classical engine): clean
excerpts of the training files with a lead-in, degraded copies of them, and the classical
engine's restorations of those copies and of the "real" transfers, whole file by whole file as
at inference (so the noise profile is learnt from the whole excerpt, lead-in included).
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


LEAD_IN_MS = 1500  # as scripts/evaluate-peers: a transfer's lead-in groove, silence in the clean reference


def damage_profiles(work, cli):
    """The two damages of the pairs, as scripts/evaluate-peers measures: typical78 without the
    recording chain (band limit, horn, wow: they would break the sample alignment), and recorded
    surface noise only."""
    typical = json.loads(run([cli, "degrade", "--preset", "typical78", "--print-profile"]).stdout)
    typical.update({"bandwidth_low_pass_hz": 0, "bandwidth_high_pass_hz": 0, "horn_resonances": [], "wow_depth_percent": 0,
                    "description": "typical78 damage without band limit or wow"})
    (work / "pairs-typical78.json").write_text(json.dumps(typical, indent=2))
    return {"typical78": work / "pairs-typical78.json", "recorded": work / "real-noise.json"}


def make_post_filter_material(work, cli, files_per_genre, real):
    """Creates work/post-filter/{clean,input,real}/ and returns those folders: clean excerpts
    (15 s and 45 s of each training file after a 1.5 s lead-in) under clean/<genre>/; under
    input/ the same relative paths restored by the classical engine after one of the two damages
    (alternating; typical78 with impulse ground truth, or recorded noise); under real/ the
    classical restorations of `real`. Does nothing when all three exist."""
    root = work / "post-filter"
    clean, degraded, restored, real_restored = root / "clean", root / "degraded", root / "input", root / "real"
    if clean.exists() and restored.exists() and real_restored.exists():
        return clean, restored, real_restored
    profiles = damage_profiles(work, cli)
    seed = 1000
    for genre in GENRES:
        (clean / genre).mkdir(parents=True, exist_ok=True)
        (degraded / genre).mkdir(parents=True, exist_ok=True)
        for src in training_sources(genre, files_per_genre):
            duration = float(run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", src]).stdout)
            for length, start in ((15, 0.2), (45, 0.5)):
                offset = min(start * duration, max(0.0, duration - length))
                name = f"{src.stem}_{length}s.wav"
                run(["ffmpeg", "-v", "error", "-y", "-ss", offset, "-t", length, "-i", src, "-af",
                     f"afade=t=in:d=0.05,adelay={LEAD_IN_MS}:all=1", "-ac", "1", "-ar", "44100", "-c:a", "pcm_f32le",
                     clean / genre / name])
                seed += 1
                kind = "typical78" if seed % 2 else "recorded"
                cmd = [cli, "degrade", clean / genre / name, "-o", degraded / genre / name, "--profile", profiles[kind],
                       "--seed", seed, "--force"]
                if kind == "recorded":
                    cmd += ["--noise-file", ROOT / "data" / "noise" / "vinyl_hiss.flac"]
                run(cmd)
    run([cli, "restore", degraded, "-o", restored, "--method", "dsp", "--force", "-q"])
    run([cli, "restore", real, "-o", real_restored, "--method", "dsp", "--force", "-q"])
    return clean, restored, real_restored
