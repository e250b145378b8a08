"""Command line: parse options, call a library function, print a short report. Nothing else."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from timeline import __version__
from timeline.ingest import InputError
from timeline.models import SkippedInput

DEFAULT_INPUT = Path("seeds")
DEFAULT_OUTPUT = Path("reports")


def iso_date(value: str) -> dt.date:
    """argparse type for YYYY-MM-DD dates."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def report_skipped(skipped: list[SkippedInput]) -> None:
    """One line per skipped input on stderr, then a summary."""
    for item in skipped:
        print(f"error: {item.path}: {item.reason}", file=sys.stderr)
    if skipped:
        print(f"skipped {len(skipped)} input(s)", file=sys.stderr)


def command_extract(args: argparse.Namespace) -> int:
    """`timeline extract`: files and folders in, events JSON and HTML timeline out.

    Documents are processed on all cores (`--workers`), or on Dask (`--engine dask`); with
    `--format jsonl` each document's events are streamed to events.stream.jsonl as it is done.
    No cache unless `--cache DIR` is given (`--no-cache` wins over it).
    """
    from contextlib import nullcontext

    from timeline.outputs import EventStreamWriter, write_outputs
    from timeline.parallel import default_workers, run_with_report
    from timeline.settings import Settings

    if args.workers is not None and args.workers < 1:
        print("error: --workers must be at least 1", file=sys.stderr)
        return 2
    if args.scheduler and args.engine != "dask":
        print("error: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    workers = args.workers or default_workers()
    settings = Settings(
        dct=args.dct,
        dates_file=args.dates,
        html_mode="cdn" if args.cdn else "inline",
        workers=workers,
    )
    paths = args.paths or [DEFAULT_INPUT]
    stream = EventStreamWriter(args.out) if "jsonl" in (args.format or []) else nullcontext()
    with stream as sink:
        report = run_with_report(
            paths,
            settings,
            workers=workers,
            engine=args.engine,
            scheduler=args.scheduler,
            cache_dir=None if args.no_cache else args.cache,
            progress=not args.quiet,
            sink=sink,
        )
    result = report.result
    report_skipped(result.skipped)
    if not result.documents:
        print("error: no document could be processed", file=sys.stderr)
        return 1
    written = write_outputs(result, args.out, formats=args.format, plotlyjs=settings.html_mode)
    if isinstance(stream, EventStreamWriter):
        written.append(stream.path)
    cached = f" ({report.stats.cached} from cache)" if report.stats.cached else ""
    print(
        f"{len(result.documents)} document(s){cached}, {len(result.events)} event(s), "
        f"{len(result.undated)} undated -> {', '.join(str(p) for p in written)}"
    )
    return 0


def command_render(args: argparse.Namespace) -> int:
    """`timeline render`: an events JSON in, an HTML timeline (or a static image) out."""
    from timeline.export import load_result
    from timeline.fileio import write_text_atomic
    from timeline.render import render_html, write_image

    result = load_result(args.events)
    if args.output is not None:
        html_text = render_html(result, plotlyjs="cdn" if args.cdn else "inline")
        write_text_atomic(args.output, html_text)
        print(f"wrote {args.output}")
    if args.image is not None:
        write_image(result, args.image)
        print(f"wrote {args.image}")
    if args.output is None and args.image is None:
        print("error: give -o FILE.html and/or --image FILE.png|svg", file=sys.stderr)
        return 2
    return 0


def command_export(args: argparse.Namespace) -> int:
    """`timeline export`: convert a saved events JSON to another format."""
    from timeline.export import load_result, serialize
    from timeline.fileio import write_bytes_atomic

    data = serialize(load_result(args.events), args.to)
    if args.output is None:
        sys.stdout.buffer.write(data)
    else:
        write_bytes_atomic(args.output, data)
        print(f"wrote {args.output}", file=sys.stderr)
    return 0


def command_schema(args: argparse.Namespace) -> int:
    """`timeline schema`: print the JSON Schema of the events file."""
    from timeline.schema import schema_text

    sys.stdout.write(schema_text())
    return 0


def command_validate(args: argparse.Namespace) -> int:
    """`timeline validate`: check an events JSON; print each problem; exit 1 when invalid."""
    from timeline.schema import validate_events_file

    problems = validate_events_file(args.events)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{args.events}: invalid ({len(problems)} problem(s))", file=sys.stderr)
        return 1
    print(f"{args.events}: valid")
    return 0


def command_tag(args: argparse.Namespace) -> int:
    """`timeline tag`: temporal expressions of text or TimeML files, as JSON or TimeML."""
    from timeline.fileio import write_text_atomic
    from timeline.temporal.timeml import tag_file

    status = 0
    for path in args.files:
        try:
            tagged = tag_file(path, args.dct, args.format)
        except InputError as error:
            print(f"error: {error}", file=sys.stderr)
            status = 1
            continue
        if args.out is None:
            sys.stdout.write(tagged)
        else:
            suffix = ".tml" if args.format == "timeml" else ".json"
            write_text_atomic(args.out / (path.stem + suffix), tagged)
    return status


def command_eval(args: argparse.Namespace) -> int:
    """`timeline eval timeml|semeval DIR`: score the tool on an annotated corpus."""
    if args.corpus == "timeml":
        from timeline.temporal.evaluation import evaluate_timeml_dir

        scores = evaluate_timeml_dir(args.directory)
        print(scores.report())
        if args.all_errors:
            print("\n" + scores.errors_by_rule())
    else:
        from timeline.events.evaluation import evaluate_semeval_dir

        print(evaluate_semeval_dir(args.directory).report())
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    from timeline.export import EXPORT_FORMATS

    parser = argparse.ArgumentParser(
        prog="timeline", description="Turn news articles into a verified timeline of events."
    )
    parser.add_argument("--version", action="version", version=f"timeline {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="extract a timeline from articles")
    extract.add_argument("paths", nargs="*", type=Path, help="files or folders (default: seeds)")
    extract.add_argument("--out", type=Path, default=DEFAULT_OUTPUT, help="output folder")
    extract.add_argument("--dates", type=Path, help="publication dates/metadata file (JSON or CSV)")
    extract.add_argument("--dct", type=iso_date, help="one publication date for all inputs")
    extract.add_argument(
        "--format",
        action="append",
        choices=EXPORT_FORMATS,
        help="extra output format(s) besides events.json and timeline.html (repeatable)",
    )
    extract.add_argument("--cdn", action="store_true", help="link plotly.js from a CDN")
    extract.add_argument("--workers", type=int, default=None, help="processes (default: cores)")
    extract.add_argument("--engine", choices=("local", "dask"), default="local")
    extract.add_argument("--scheduler", help="Dask scheduler address (with --engine dask)")
    extract.add_argument("--cache", type=Path, default=None, help="per-document cache folder")
    extract.add_argument("--no-cache", action="store_true", help="do not read or write a cache")
    extract.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    extract.set_defaults(handler=command_extract)

    render = commands.add_parser("render", help="render an events JSON as HTML or an image")
    render.add_argument("events", type=Path)
    render.add_argument("-o", "--output", type=Path, help="HTML file to write")
    render.add_argument("--image", type=Path, help="static image to write (.png or .svg)")
    render.add_argument("--cdn", action="store_true", help="link plotly.js from a CDN")
    render.set_defaults(handler=command_render)

    export = commands.add_parser("export", help="convert an events JSON to another format")
    export.add_argument("events", type=Path)
    export.add_argument("--to", required=True, choices=EXPORT_FORMATS)
    export.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    export.set_defaults(handler=command_export)

    schema = commands.add_parser("schema", help="print the events JSON Schema")
    schema.set_defaults(handler=command_schema)

    validate = commands.add_parser("validate", help="validate an events JSON file")
    validate.add_argument("events", type=Path)
    validate.set_defaults(handler=command_validate)

    tag = commands.add_parser("tag", help="tag temporal expressions in text or TimeML files")
    tag.add_argument("files", nargs="+", type=Path)
    tag.add_argument("--dct", type=iso_date, help="reference date for plain text")
    tag.add_argument("--format", choices=("json", "timeml"), default="json")
    tag.add_argument(
        "--out", type=Path, help="write one file per input into this folder (for the scorer)"
    )
    tag.set_defaults(handler=command_tag)

    evaluate = commands.add_parser("eval", help="evaluate on an annotated corpus")
    evaluate.add_argument("corpus", choices=("timeml", "semeval"))
    evaluate.add_argument("directory", type=Path)
    evaluate.add_argument(
        "--all-errors",
        action="store_true",
        help="timeml: also list every wrong value and false positive by rule, and every miss",
    )
    evaluate.set_defaults(handler=command_eval)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `timeline` command."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: stop quietly, as other command-line tools do.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
