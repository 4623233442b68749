"""Whatever a user drops into seeds/: one file of each kind, built end to end."""

from __future__ import annotations

import html as html_module
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import make_project, run_build

STORY = (
    "Rockets hit Camp Falcon near Baghdad\n"
    "Three rockets struck Camp Falcon near Baghdad on Tuesday, the Iraqi Security Media "
    "Cell said in a statement. Nobody was hurt, and the launch site was found in a field "
    "south of the camp, the statement added.\n"
)
HOSTILE = (
    "Hostile markup test\n"
    "The militia posted <script>alert('x')</script> and [a link](javascript:alert(1)) "
    "with {{ config.site_name }} and {% raw %} and <img src=x onerror=alert(2)> on its "
    "channel in Baghdad on Monday, officials said.\n"
)
HTML_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Drones circle Harir Air Base | Example Wire</title>
<meta property="og:site_name" content="Example Wire">
<link rel="canonical" href="https://example.org/harir-drones">
<meta name="date" content="2024-01-15"><meta name="author" content="Dana Writer">
</head><body><nav>Home | World | Middle East | Subscribe</nav>
<article><h1>Drones circle Harir Air Base</h1>
<p>Drones circled Harir Air Base in the Kurdistan Region on Sunday night, two security
officials told reporters, adding that air defences were not used.</p>
<p>The base hosts coalition advisers and has been targeted before, the officials said.</p>
</article><footer>Cookie settings. Share this article. All rights reserved.</footer>
</body></html>"""
FRENCH = (
    "Démenti à Bagdad\n"
    "Le gouvernement irakien a démenti lundi les informations sur le déploiement de "
    "nouvelles troupes américaines sur la base d'Aïn al-Assad, dans la province d'Anbar.\n"
)


def _fixture(folder: Path) -> dict[str, str]:
    """Write one file of each kind; return {relative path: what must happen to it}."""
    files: dict[str, tuple[bytes, str]] = {
        "plain.txt": (STORY.encode(), "page"),
        "notes/with spaces é.md": (
            (b"---\ntitle: Harir visit\noutlet: Field Notes\npublished: 2024-02-01\n---\n"
             b"Coalition officers visited Harir Air Base on Monday, the Kurdistan Region "
             b"Security Council said.\n"), "page"),
        "saved page.html": (HTML_PAGE.encode(), "page"),
        "utf16.txt": (STORY.replace("Three", "Four").replace("Tuesday", "Friday")
                      .encode("utf-16"), "page"),
        "bom-crlf.txt": (b"\xef\xbb\xbf" + b"Drone strike near Erbil\r\nA drone struck a "
                         b"convoy near Erbil on Sunday, the Kurdistan Region Security Council "
                         b"said in a statement.\r\n", "page"),
        "legacy.txt": ("Café talks in Baghdad\nThe minister met envoys at a café in Baghdad "
                       "on Monday, his office said, and called the talks “constructive”.\n"
                       .encode("cp1252"), "page"),
        "hostile.md": (HOSTILE.encode(), "page"),
        "french.txt": (FRENCH.encode(), "unsupported language"),
        "plain.txt (saved again).txt": (STORY.encode(), "duplicate of"),
        "empty.txt": (b"", "empty"),
        "blank.txt": (b"   \n\t\n  ", "empty"),
        "binary.txt": (bytes(range(256)) * 4, "binary"),
        "report.docx": (b"PK\x03\x04 not really a docx", "unsupported format"),
        "scan.pdf": (b"%PDF-1.4 fake", "unsupported format"),
        "photo.png": (b"\x89PNG\r\n\x1a\n fake", "unsupported format"),
        "broken.md": (b"---\ntitle: [unclosed\n---\nSome text that is an article.\n",
                      "front matter"),
        "huge.txt": (("word " * 60_000).encode(), "too "),
    }
    expected = {}
    for name, (data, outcome) in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        expected[name] = outcome
    return expected


@pytest.fixture(scope="module")
def messy(tmp_path_factory) -> tuple[Path, dict[str, str], dict[str, bytes]]:
    root = tmp_path_factory.mktemp("messy")
    seeds = root / "input"
    expected = _fixture(seeds)
    project = make_project(root / "project", seeds)
    before = {str(p): p.read_bytes() for p in (project / "seeds").rglob("*") if p.is_file()}
    assert run_build(project) == 0
    return project, expected, before


def _sources(project: Path) -> dict[str, dict]:
    rows = json.loads((project / "site/data/sources.json").read_text(encoding="utf-8"))
    return {Path(r["path"]).relative_to("seeds").as_posix(): r for r in rows}


def test_every_readable_file_becomes_a_source_page_with_its_text(messy):
    project, expected, _ = messy
    sources = _sources(project)
    assert sorted(sources) == sorted(n for n, outcome in expected.items() if outcome == "page")
    text = {name: " ".join(s["text"] for s in row["sentences"]) for name, row in sources.items()}
    assert "Three rockets struck Camp Falcon" in text["plain.txt"]
    assert "Four rockets struck" in text["utf16.txt"]
    assert "café in Baghdad" in text["legacy.txt"] and "“constructive”" in text["legacy.txt"]
    assert "A drone struck a convoy" in text["bom-crlf.txt"]
    assert "\ufeff" not in text["bom-crlf.txt"] and "\r" not in text["bom-crlf.txt"]
    page = sources["saved page.html"]
    assert "Drones circled Harir Air Base" in text["saved page.html"]
    assert "Subscribe" not in text["saved page.html"] and "Cookie" not in text["saved page.html"]
    assert (page["title"], page["outlet"], page["url"], page["published"]) == (
        "Drones circle Harir Air Base", "Example Wire", "https://example.org/harir-drones",
        "2024-01-15")
    assert sources["notes/with spaces é.md"]["outlet"] == "Field Notes"
    for row in sources.values():
        assert (project / "site" / row["page"] / "index.html").is_file()


def test_every_bad_file_is_named_in_the_report_with_its_reason(messy):
    project, expected, _ = messy
    report = (project / "site" / "report" / "index.html").read_text(encoding="utf-8")
    for name, outcome in expected.items():
        if outcome != "page":
            assert name.split("/")[-1] in report, name
    content = (project / "content" / "report.md").read_text(encoding="utf-8")
    for name, outcome in expected.items():
        if outcome != "page":
            line = next(li for li in content.splitlines() if name.split("/")[-1] in li)
            assert outcome in line, (name, line)


def test_seeds_are_byte_identical_after_the_build(messy):
    project, _, before = messy
    after = {str(p): p.read_bytes() for p in (project / "seeds").rglob("*") if p.is_file()}
    assert after == before


def test_hostile_markup_is_shown_as_text(messy):
    project, _, _ = messy
    row = _sources(project)["hostile.md"]
    html = (project / "site" / row["page"] / "index.html").read_text(encoding="utf-8")
    body = html[html.index('id="s-1"'):]
    assert "<script>alert" not in body and "<img src=x" not in body
    assert 'href="javascript:' not in html
    shown = html_module.unescape(body)  # what the reader sees: the markup, as text
    assert "<script>alert('x')</script>" in shown and "[a link](javascript:alert(1))" in shown
    assert "{{ config.site_name }}" in shown and "{% raw %}" in shown


def test_strict_fails_on_bad_inputs_but_names_the_file(messy, capsys):
    project, _, _ = messy
    assert run_build(project, "--strict") == 1
    assert "briefgen: error: --strict:" in capsys.readouterr().err


def test_interrupted_build_leaves_the_previous_site(tmp_path):
    project = make_project(tmp_path / "p")
    assert run_build(project) == 0
    site = project / "site"
    before = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
              if p.is_file()}
    (project / "seeds" / "late.txt").write_text(STORY, encoding="utf-8")
    staging = project / ".site.building"
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefgen", "build", "-q", "-f", str(project / "mkdocs.yml")],
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while not staging.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert staging.exists(), "the build never reached the site stage"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    after = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
             if p.is_file()}
    assert after == before
    assert run_build(project) == 0  # the next build cleans up and succeeds
    assert not staging.exists()
    assert (site / "sources" / "late" / "index.html").is_file()
