"""Ingest reads the files its cache lacks in several processes: the same articles and
problems, in the same order, as one process reads."""

from __future__ import annotations

import shutil

from conftest import REPO

from briefgen import ingest as ingest_module
from briefgen.cache import IngestCache
from briefgen.ingest import ingest


def test_files_read_in_two_processes_give_what_one_process_reads(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    for n in range(4):
        shutil.copytree(REPO / "seeds", seeds / f"copy{n}")
        (seeds / f"copy{n}" / "empty.txt").write_text("", encoding="utf-8")
        (seeds / f"copy{n}" / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
        (seeds / f"copy{n}" / "notes.docx").write_bytes(b"PK\x03\x04")
    one = ingest(seeds, tmp_path, 10_000, processes=1)
    pools: list[int] = []
    real = ingest_module.ProcessPoolExecutor

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        pools.append(kwargs["max_workers"])
        return real(*args, **kwargs)

    monkeypatch.setattr(ingest_module, "ProcessPoolExecutor", counted)
    cache = IngestCache(tmp_path / "cache")
    two = ingest(seeds, tmp_path, 10_000, cache, processes=2)
    assert pools == [2]
    assert two == one and len(one.articles) >= 4 and len(one.problems) >= 12
    cache.save()
    again = ingest(seeds, tmp_path, 10_000, IngestCache(tmp_path / "cache"), processes=2)
    assert pools == [2]  # every file from the cache: no process started
    assert again == one
