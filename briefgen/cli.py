"""Command line: `briefgen build` and `briefgen serve`.

Thin on purpose: read the settings, call the pipeline, turn a BriefgenError into a
one-line reason and a non-zero exit code.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefgen import __version__
from briefgen.config import OPTIONS, Option, Settings, load_settings
from briefgen.errors import BriefgenError
from briefgen.pipeline import BuildSummary, build
from briefgen.progress import Progress, terminal_progress

WATCH_INTERVAL_SECONDS = 1.0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except BriefgenError as exc:
        print(f"briefgen: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # a folder that cannot be written, a full disk: one line
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"briefgen: error: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("briefgen: interrupted; the previous site/ is untouched", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefgen",
        description="Turn the news articles in seeds/ into a cross-referenced briefing site.",
        epilog=_settings_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"briefgen {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build_cmd = commands.add_parser(
        "build", help="build the briefing: seeds/ → content/ → site/",
        description="Read seeds/, parse, resolve entities and events, write content/ "
                    "and build site/ with MkDocs.",
    )
    _common_options(build_cmd)
    build_cmd.add_argument("--strict", action="store_true",
                           help="fail when an input file is skipped or MkDocs warns")
    build_cmd.set_defaults(run=_run_build)

    suggest_cmd = commands.add_parser(
        "suggest", help="print the last build's suggested merges as curation YAML",
        description="Print the pairs of entities the last build found probably the same, "
                    "and the pages probably not entities, as YAML for seeds/curation.yml. "
                    "Check each before pasting it.",
    )
    _config_file_option(suggest_cmd)
    suggest_cmd.add_argument("--min-score", type=float, default=0.0,
                             help="only suggestions at least this confident, 0 to 1 "
                                  "(default: %(default)s)")
    suggest_cmd.set_defaults(run=_run_suggest)

    serve_cmd = commands.add_parser(
        "serve", help="build, serve site/ locally and rebuild when seeds/ changes",
        description="Build once, serve site/ over HTTP, and rebuild whenever a file in "
                    "seeds/, templates/ or mkdocs.yml changes. Stop with Ctrl+C.",
    )
    _common_options(serve_cmd)
    serve_cmd.add_argument("--port", type=int, default=8000,
                           help="HTTP port (default %(default)s)")
    serve_cmd.add_argument("--host", default="127.0.0.1", help="address (default %(default)s)")
    serve_cmd.set_defaults(run=_run_serve)
    return parser


def _common_options(parser: argparse.ArgumentParser) -> None:
    _config_file_option(parser)
    for option in OPTIONS.values():
        if option.metavar:
            parser.add_argument(
                option.flag, dest=option.name, metavar=option.metavar, type=_typed(option),
                help=f"{_plain(option.doc)}; overrides extra.briefgen.{option.name} "
                     f"(default: {option.shown_default()})")
    parser.add_argument("-q", "--quiet", action="store_true", help="print errors only")


def _config_file_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"),
                        help="the site's mkdocs.yml (default: ./%(default)s)")


def _settings_help() -> str:
    """Every setting, its doc and its default, for the end of `briefgen --help`."""
    lines = ["Settings, each optional, live in mkdocs.yml under extra.briefgen:"]
    for option in OPTIONS.values():
        text = f"{_plain(option.doc)} (default: {option.shown_default()})"
        lines += textwrap.wrap(text, width=88, initial_indent=f"  {option.name:<18} ",
                               subsequent_indent=" " * 21, break_on_hyphens=False)
    return "\n".join(lines)


def _plain(doc: str) -> str:
    return doc.replace("`", "")


def _typed(option: Option) -> Callable[[str], Any]:
    """What was typed for the option, as a value for its check (load_settings checks it,
    naming the flag): text it cannot be is a usage error, as argparse reports them."""
    def convert(text: str) -> Any:
        try:
            return option.from_text(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
    return convert


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings(args.config_file, **{
        name: getattr(args, name) for name, option in OPTIONS.items() if option.metavar})


def _run_build(args: argparse.Namespace) -> int:
    summary = build(_settings(args), strict=args.strict, progress=_progress(args))
    _report(summary, args.quiet)
    return 0


def _progress(args: argparse.Namespace) -> Progress:
    return terminal_progress(False if args.quiet else None)


def _report(summary: BuildSummary, quiet: bool) -> None:
    if quiet:
        return
    for problem in summary.problems:
        print(f"  {problem.severity}: {problem.path}: {problem.reason}", file=sys.stderr)
    print(f"briefgen: built {summary.line()}")


def _run_suggest(args: argparse.Namespace) -> int:
    settings = load_settings(args.config_file)
    path = settings.docs_dir / "data" / "suggestions.json"
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BriefgenError(f"no suggestions in {path}; run briefgen build first") from exc
    print(curation_yaml([r for r in rows if float(r.get("score", 0)) >= args.min_score]))
    return 0


def curation_yaml(rows: list[dict]) -> str:
    """The suggestions as a curation file: one commented line each, most confident
    first, under the section it belongs to."""
    lines = ["# Suggested by `briefgen suggest` from the last build. Check each against its",
             "# evidence (see the build report) before pasting it into seeds/curation.yml."]
    for action in ("merge", "ignore"):
        chosen = [r for r in rows if r.get("action") == action]
        if chosen:
            lines.append(f"{action}:")
            lines += [f"  {r['curation']}  # {float(r['score']):.2f} {r['why']}" for r in chosen]
    if len(lines) == 2:
        lines.append("# Nothing to suggest.")
    return "\n".join(lines)


def _run_serve(args: argparse.Namespace) -> int:
    settings = _settings(args)
    _report(build(settings, progress=_progress(args)), args.quiet)
    server = http.server.ThreadingHTTPServer((args.host, args.port),
                                             site_handler(settings.site_dir))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"briefgen: serving http://{args.host}:{args.port}/ — watching {settings.seeds_dir}")
    watched = [settings.seeds_dir, settings.root / "templates", settings.config_file]
    snapshot = _snapshot(watched)
    try:
        while True:
            time.sleep(WATCH_INTERVAL_SECONDS)
            current = _snapshot(watched)
            if current != snapshot:
                snapshot = current
                try:
                    _report(build(_settings(args), progress=_progress(args)), args.quiet)
                except Exception as exc:  # noqa: BLE001 - a failed rebuild never stops serving
                    reason = exc if isinstance(exc, BriefgenError) else repr(exc)
                    print(f"briefgen: error: {reason} (still serving the previous site)",
                          file=sys.stderr)
    finally:
        server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site without a log line per request: the terminal is for the build."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


def site_handler(site_dir: Path) -> functools.partial:
    return functools.partial(_QuietHandler, directory=str(site_dir))


def _snapshot(paths: list[Path]) -> tuple:
    """(path, mtime, size) of every watched file: cheap, and needs no extra library."""
    files = []
    for root in paths:
        candidates = root.rglob("*") if root.is_dir() else [root]
        for path in candidates:
            if path.is_file():
                stat = path.stat()
                files.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(files))
