"""The parse workers compute each article's name candidates into resolve's cache, so a
cold build's resolve reads them (and the output is the one-process build's, which
test_incremental compares byte for byte)."""

from __future__ import annotations

from conftest import make_project, recombined_corpus

from briefgen import resolve
from briefgen.config import load_settings
from briefgen.pipeline import build


def test_a_cold_build_in_two_processes_computes_no_candidates_in_resolve(tmp_path,
                                                                           monkeypatch):
    project = make_project(tmp_path / "p", recombined_corpus(tmp_path / "corpus", 34))
    computed: list[str] = []
    real = resolve._candidates

    def counted(article, rules):  # type: ignore[no-untyped-def]
        computed.append(article.article.source_id)  # in this process only, not the workers
        return real(article, rules)

    monkeypatch.setattr(resolve, "_candidates", counted)
    summary = build(load_settings(project / "mkdocs.yml", processes=2), skip_site=True)
    assert summary.parsed_now == 34 and summary.entities > 0
    assert computed == []
