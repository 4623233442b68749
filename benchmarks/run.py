"""Benchmark briefgen on a synthetic corpus of N articles, measured in one run.

    .venv/bin/python benchmarks/run.py --n 1000 [--processes auto|N] [--workdir /tmp/bg-bench]

The corpus recombines paragraphs of the articles in seeds/ and swaps the people they
name (as spaCy finds them) for invented ones drawn with a Zipf-like skew, so the number
of entities grows with N the way it does in a real corpus (a few names everywhere, many
named once).

Each measurement is one JSON line on stdout; ratios come from the same run, so they hold
on any machine. Every build runs in its own child process, so peak memory (max RSS,
spaCy workers included) is per build.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIRST = [
    "Ahmed",
    "Ali",
    "Hassan",
    "Hussein",
    "Karim",
    "Omar",
    "Yusuf",
    "Salim",
    "Nabil",
    "Faisal",
    "Jabbar",
    "Qais",
    "Hadi",
    "Abbas",
    "Haidar",
    "Mustafa",
    "Rafid",
    "Saad",
    "Tariq",
    "Wisam",
    "Zaid",
    "Basim",
    "Ghazi",
    "Hamid",
    "Khalil",
]
LAST = [
    "Jubouri",
    "Dulaimi",
    "Obeidi",
    "Tamimi",
    "Zaidi",
    "Khazali",
    "Amiri",
    "Maliki",
    "Hakim",
    "Sadr",
    "Kaabi",
    "Lami",
    "Fayyadh",
    "Araji",
    "Hamdani",
    "Shammari",
    "Janabi",
    "Karbouli",
    "Mashhadani",
    "Rubaie",
    "Samarrai",
    "Azzawi",
    "Bayati",
    "Hashimi",
    "Kubaisi",
    "Mahdawi",
    "Musawi",
    "Najafi",
    "Qaisi",
    "Rawi",
    "Saadi",
    "Tai",
    "Ubaidi",
    "Zubaidi",
]
def _people_named() -> re.Pattern:
    """Every spelling of the people briefgen itself finds in the seeds (its kind and type
    votes are exact there), so bases and places that look like names, "Ain al-Asad",
    stay what they are."""
    import tempfile

    from briefgen.cache import NlpCache
    from briefgen.config import load_settings
    from briefgen.ingest import ingest
    from briefgen.nlp import parse_articles
    from briefgen.resolve import resolve

    settings = load_settings(REPO / "mkdocs.yml")
    articles = ingest(settings.seeds_dir, settings.root, settings.max_article_chars).articles
    with tempfile.TemporaryDirectory() as cache:
        parsed = parse_articles(articles, settings.model, NlpCache(Path(cache)),
                                settings.batch_size, settings.processes).parsed
    names = {alias for e in resolve(parsed).entities if e.type == "person"
             for alias, _ in e.aliases if " " in alias}
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))


def make_corpus(folder: Path, n: int, seed: int = 7) -> None:
    """N articles of 8–16 paragraphs each, with invented people in place of the seeds'."""
    paragraphs = []
    for path in sorted((REPO / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        paragraphs += [p.strip() for p in text.split("\n") if len(p.split()) >= 12]
    person_pattern = _people_named()
    rng = random.Random(seed)
    names = [f"{f} al-{last}" for last in LAST for f in FIRST]
    rng.shuffle(names)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        chosen = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(8, 16)))

        def person(_match: re.Match, rng: random.Random = rng) -> str:
            rank = min(int(rng.paretovariate(0.8)) - 1, len(names) - 1)
            return names[rank]

        body = "\n".join(person_pattern.sub(person, p) for p in chosen)
        (folder / f"article-{i:05d}.txt").write_text(f"Report number {i}\n{body}\n", "utf-8")


def child_build(project: str, processes: str) -> None:
    """Run in a child process: one build, its summary as JSON on stdout. `processes` is
    a number, or "auto" for briefgen's default."""
    from briefgen.config import OPTIONS, load_settings
    from briefgen.pipeline import build

    settings = load_settings(Path(project) / "mkdocs.yml",
                             processes=OPTIONS["processes"].from_text(processes))
    summary = build(settings)
    print(
        json.dumps(
            {
                "articles": summary.articles,
                "parsed_now": summary.parsed_now,
                "entities": summary.entities,
                "events": summary.events,
                "pages_written": summary.pages_written,
                "seconds": summary.seconds,
            }
        )
    )


def child_floor(project: str, processes: int) -> None:
    """The floor: raw nlp.pipe of the same model, components and batch size over the same
    texts."""
    from briefgen.config import load_settings
    from briefgen.ingest import ingest
    from briefgen.nlp import load_model

    settings = load_settings(Path(project) / "mkdocs.yml")
    texts = [a.text for a in ingest(settings.seeds_dir, settings.root, 10**9).articles]
    nlp = load_model(settings.model)
    start = time.perf_counter()
    words = 0
    for doc in nlp.pipe(texts, batch_size=settings.batch_size, n_process=processes):
        words += len(doc)
    print(json.dumps({"seconds": time.perf_counter() - start, "tokens": words}))


def _run_child(*args: str) -> tuple[dict, float, int]:
    """(its JSON, wall seconds, peak RSS in MiB of it and its workers)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True, cwd=REPO
    )
    out = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"child {args[0]} failed with {proc.returncode}")
    wall = time.perf_counter() - start
    return json.loads(out.strip().splitlines()[-1]), wall, usage.ru_maxrss // 1024


def _tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def emit(**fields: object) -> None:
    print(json.dumps(fields), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--processes", default="auto",
                        help="for the builds: a number, or auto (briefgen's default)")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/briefgen-bench"))
    parser.add_argument("--skip-floor", action="store_true",
                        help="no nlp.pipe floor (for large N, where it takes an hour)")
    args = parser.parse_args()

    project = args.workdir / f"n{args.n}"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "templates", project / "templates")
    make_corpus(project / "seeds", args.n)
    p = str(args.processes)

    floor = None if args.skip_floor else measure_floor(project, args.n)

    cold, cold_wall, cold_rss = _run_child("_build", str(project), p)
    stages = cold["seconds"]
    after_nlp = sum(v for k, v in stages.items() if k not in {"ingest", "nlp"})
    site = project / "site"
    index = site / "search" / "search_index.json"
    emit(
        measure="cold_build",
        n=args.n,
        wall=round(cold_wall, 2),
        peak_mib=cold_rss,
        stages={k: round(v, 2) for k, v in stages.items()},
        entities=cold["entities"],
        events=cold["events"],
        pages=cold["pages_written"],
        site_mib=round(_tree_bytes(site) / 2**20, 1),
        search_index_mib=round(index.stat().st_size / 2**20, 2),
        site_kib_per_page=round(_tree_bytes(site) / 1024 / cold["pages_written"], 1),
        index_kib_per_page=round(index.stat().st_size / 1024 / cold["pages_written"], 2),
        mkdocs_ms_per_page=round(1000 * stages["mkdocs"] / cold["pages_written"], 2),
    )
    emit(
        measure="ratios_cold",
        n=args.n,
        nlp_over_floor=round(stages["nlp"] / floor["seconds"], 3) if floor else None,
        cold_over_floor=round(cold_wall / floor["seconds"], 3) if floor else None,
        after_nlp_over_nlp=round(after_nlp / stages["nlp"], 3),
    )

    rebuild("no_change_rebuild", project, p, args.n, cold_wall)
    make_corpus(project / "extra", 1, seed=args.n + 1)
    shutil.move(project / "extra" / "article-00000.txt", project / "seeds" / "added-one.txt")
    rebuild("add_one_rebuild", project, p, args.n, cold_wall)


def measure_floor(project: Path, n: int) -> dict:
    """The floor is one process: what one core does with spaCy alone."""
    floor, _wall, floor_rss = _run_child("_floor", str(project), "1")
    emit(
        measure="nlp_pipe_floor",
        n=n,
        seconds=round(floor["seconds"], 2),
        tokens=floor["tokens"],
        words_per_second=round(floor["tokens"] / floor["seconds"]),
        peak_mib=floor_rss,
    )
    return floor


def rebuild(measure: str, project: Path, processes: str, n: int, cold_wall: float) -> None:
    """One more build of the same project, reported against the cold build."""
    result, wall, rss = _run_child("_build", str(project), processes)
    emit(
        measure=measure,
        n=n,
        wall=round(wall, 2),
        peak_mib=rss,
        parsed=result["parsed_now"],
        pages_written=result["pages_written"],
        stages={k: round(v, 2) for k, v in result["seconds"].items()},
        ratio_to_cold=round(wall / cold_wall, 3),
    )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_build":
        child_build(sys.argv[2], sys.argv[3])
    elif len(sys.argv) > 1 and sys.argv[1] == "_floor":
        child_floor(sys.argv[2], int(sys.argv[3]))
    else:
        main()
