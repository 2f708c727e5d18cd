"""What each public page costs against a constant page of the same size, served by
the same server through the same middleware in the same run (issue 9's "share of a
constant page"); warm, cold (each page rendered anew, the shared blocks kept) and
with nothing kept (PAGE_CACHE=0).

    .venv/bin/python bench/pages.py [--rounds 3] [--seconds 15] [--workers 2]
        [--pages article,home,category,tag,photos,search]
        [--modes warm,cold,nothing]

Servers run with ``make serve``'s settings on the database ``portal_bench_pages``
(demo content, 90 days of history) of the embedded PostgreSQL or of the server
BENCH_DATABASE_URL names: development data is untouched. See README.md.
"""

import argparse
import functools
import json
from urllib.parse import urlencode

from common import (
    PageViewCounter,
    Server,
    database_url,
    describe_machine,
    dump_json,
    environment,
    fetch,
    load_average,
    measure,
    median,
    prepare_demo,
    shell,
    stop_servers_on_sigterm,
)
from load import load_generator

PAGES = ["article", "home", "category", "tag", "photos", "search"]
EXEMPT = {"search"}  # reported, but the targets do not apply (issue 9)
MODES = {
    "warm": {},  # the page cache as the code configures it
    # Every page rendered for every request, its shared header, footer and side
    # column kept (a page no reader has asked for since the last change): no page
    # is kept when the memory for pages is a single byte.
    "cold": {"PAGE_CACHE_MAX_BYTES": "1"},
    # Nothing kept at all, the shared blocks rendered on every page too.
    "nothing": {"PAGE_CACHE": "0"},
}
TARGETS = {"article": 0.70, "home": 0.60, "category": 0.60, "tag": 0.60, "photos": 0.60}

PATHS = """
import json
from django.db.models import Count, Q
from django.test import Client
from news.models import Article, Tag
article = Article.objects.published().order_by("-publish_at", "-id").first()
tag = (
    Tag.objects.annotate(
        n=Count("tagged_articles", filter=Q(tagged_articles__content_object__in=Article.objects.published()))
    )
    .order_by("-n", "slug")
    .first()
)
path = article.get_absolute_url()
size = len(Client(HTTP_HOST="127.0.0.1").get(path, HTTP_USER_AGENT="bench").content)
print(json.dumps({"article": path, "article_bytes": size, "tag": tag.get_absolute_url()}))
"""


def page_paths(env, args):
    """The path of each page, and the article page's size in bytes."""
    found = json.loads(shell(env, PATHS))
    paths = {
        "reference": "/__bench/constant/",
        "article": args.article or found["article"],
        "home": "/",
        "category": f"/tin-tuc/{args.category}/",
        "tag": f"/the/{args.tag}/" if args.tag else found["tag"],
        "photos": "/thu-vien-anh/",
        "search": f"/tim-kiem/?{urlencode({'q': args.search})}",
    }
    return paths, found["article_bytes"]


def check_pages(server, paths):
    """Every page answers 200 before anything is measured; returns their sizes."""
    sizes = {}
    for name, path in paths.items():
        status, body = fetch(server.url + path)
        if status != 200:
            raise SystemExit(f"{name} page {path} answered {status} on {server.name}")
        sizes[name] = len(body)
    return sizes


def run_rounds(servers, paths, args, generate, counter):
    """Each round loads every page on every server in turn; returns
    ``{(mode, page): [Run, ...]}``."""
    runs = {}
    for round_ in range(1, args.rounds + 1):
        for mode, server in servers.items():
            for page, path in paths.items():
                run = measure(
                    server,
                    path,
                    seconds=args.seconds,
                    connections=args.connections,
                    generate=generate,
                    counter=counter,
                )
                runs.setdefault((mode, page), []).append(run)
                note = (
                    f"; processes ended during the run: {run.gone}" if run.gone else ""
                )
                print(
                    f"  round {round_} {mode:4} {page:9} {run.cpu_ms:7.2f} ms CPU/req "
                    f"{run.load.rps:8.1f} req/s  p99 {run.load.p99_ms:7.1f} ms  "
                    f"served {run.load.requests}, recorded {run.recorded}, "
                    f"errors {run.load.errors}{note}",
                    flush=True,
                )
    return runs


def summary(runs, modes, pages, sizes, connections):
    """One table per mode: medians over rounds, and each round's ratio of the
    reference's CPU per request to the page's, medianed."""
    results = {}
    for mode in modes:
        print(f"\n{mode}: median of the rounds")
        print(
            f"{'page':10} {'bytes':>7} {'CPU/request':>12} {'req/s':>8} {'p99':>9} "
            f"{'ratio':>6}  {'served → recorded':22} target"
        )
        reference = runs[(mode, "reference")]
        for page in pages:
            page_runs = runs[(mode, page)]
            ratios = [
                ref.cpu_ms / run.cpu_ms
                for ref, run in zip(reference, page_runs, strict=True)
                if run.cpu_ms
            ]
            served = sum(run.load.requests for run in page_runs)
            recorded = sum(run.recorded for run in page_runs)
            errors = sum(run.load.errors for run in page_runs)
            # Requests still queued when a load stopped (at most `connections` per
            # run) and requests the load generator gave up on are served and
            # counted, but not completed for the load generator.
            exact = 0 <= recorded - served <= connections * len(page_runs) + errors
            target = TARGETS.get(page) if mode == "warm" else None
            ratio = median(ratios)
            row = {
                "bytes": sizes[page],
                "cpu_ms": median([r.cpu_ms for r in page_runs]),
                "rps": median([r.load.rps for r in page_runs]),
                "p99_ms": median([r.load.p99_ms for r in page_runs]),
                "ratio": ratio,
                "ratios": ratios,
                "served": served,
                "recorded": recorded,
                "errors": errors,
            }
            results.setdefault(mode, {})[page] = row
            verdict = ""
            if target is not None:
                verdict = f"≥ {target:.2f}: {'met' if ratio >= target else 'NOT met'}"
            elif page in EXEMPT:
                verdict = "exempt"
            counts = f"{served} → {recorded}{'' if exact else ' MISMATCH'}"
            if errors:
                verdict = f"{verdict}; {errors} errors"
            print(
                f"{page:10} {row['bytes']:>7} {row['cpu_ms']:9.2f} ms {row['rps']:8.1f} "
                f"{row['p99_ms']:6.0f} ms {ratio:6.3f}  {counts:22} {verdict}".rstrip()
            )
    return results


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=15, help="per page and run")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--warmup", type=int, default=3, help="seconds per page")
    parser.add_argument(
        "--pages",
        default="article,home,category,tag,photos",
        help=f"comma-separated, of {','.join(PAGES)} (the reference always runs)",
    )
    parser.add_argument(
        "--modes", default="warm,cold,nothing", help="of warm, cold, nothing"
    )
    parser.add_argument(
        "--port", type=int, default=8103, help="warm server; the others next"
    )
    parser.add_argument("--load", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument("--article", help="the article's path (default: newest)")
    parser.add_argument("--category", default="hoat-dong", help="a category's slug")
    parser.add_argument("--tag", help="a tag's slug (default: the most used)")
    parser.add_argument("--search", default="mặt trận", help="the search words")
    parser.add_argument(
        "--reference-bytes",
        type=int,
        help="the reference page's size (default: the article page's)",
    )
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()
    stop_servers_on_sigterm()
    pages = [p.strip() for p in args.pages.split(",") if p.strip()]
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    unknown = set(pages) - set(PAGES) | set(modes) - set(MODES)
    if unknown:
        parser.error(f"unknown page or mode: {', '.join(sorted(unknown))}")

    generator_name, generate = load_generator(args.load)
    generate = functools.partial(generate, threads=args.threads)
    url = database_url("portal_bench_pages")
    env = environment(url)
    print("preparing portal_bench_pages (migrate, demo content, static files)...")
    prepare_demo(env)
    all_paths, article_bytes = page_paths(env, args)
    paths = {name: all_paths[name] for name in ["reference", *pages]}
    reference_bytes = args.reference_bytes or article_bytes
    print(
        describe_machine(generator_name, args.workers, args.connections, args.seconds)
    )
    print(f"reference page {reference_bytes} bytes; pages: {paths}", flush=True)

    servers = {}
    counter = PageViewCounter(url)
    try:
        for offset, mode in enumerate(modes):
            servers[mode] = Server(
                mode,
                port=args.port + offset,
                env=environment(
                    url, BENCH_REFERENCE_BYTES=reference_bytes, **MODES[mode]
                ),
                workers=args.workers,
            ).start()
        sizes = {}
        for server in servers.values():
            sizes = check_pages(server, paths)
            for path in paths.values():  # warm up: workers, connections, caches
                generate(
                    server.url, path, seconds=args.warmup, connections=args.connections
                )
            server.wait_idle()
        runs = run_rounds(servers, paths, args, generate, counter)
    finally:
        for server in servers.values():
            server.stop()
        counter.close()
    results = summary(runs, modes, ["reference", *pages], sizes, args.connections)
    print(f"\nat the end: {load_average()}")
    if args.json:
        dump_json(args.json, {"paths": paths, "results": results})


if __name__ == "__main__":
    main()
