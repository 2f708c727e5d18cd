"""Whether the public pages keep their cost as the site grows (issue 9, "Flat cost as
the site grows"): CPU per request on the demo data and on grown data in the same
run, each page's ratio grown/demo against the 25% bound, the dashboard's answer
time over 365 days (< 500 ms), and where the grown site spends its queries.

    .venv/bin/python bench/growth.py [--rounds 3] [--seconds 15] [--regrow]

The grown data is ``portal_bench_grown``: the demo content, then ``manage.py
bench_grow`` (100,000 articles over ten years in 30 categories, 5,000 comments on
the article measured here, 10 million page views of history), made once and kept
(``--regrow`` makes it again). The demo data it is compared with is
``portal_bench_shaped``: the demo content with the grown site's shape, i.e. the
same 30 categories, 30 comments on the measured article (a full first page, as
the grown article shows) and 80 articles of the same kind, so that the measured
category and tag show a full first page of 20 too; a ratio then shows what the
volume costs, not what a longer menu or a fuller page costs; ``--plain-demo``
compares with the plain demo content of bench/pages.py instead. Four servers run
side by side (demo and grown, warm and cold); each round loads every page on the
demo server and then on the grown one. See README.md.
"""

import argparse
import json
import subprocess

from common import (
    PY,
    ROOT,
    PageViewCounter,
    Server,
    admin_session,
    database_url,
    describe_machine,
    dump_json,
    environment,
    fetch,
    load_average,
    manage,
    measure,
    median,
    prepare_demo,
    shell,
    stop_servers_on_sigterm,
    time_dashboard,
)
from load import load_generator

BOUND = 1.25  # grown costs at most 25% more than demo
DASHBOARD_MS = 500
DATASETS = ["demo", "grown"]
# Cold: every page rendered anew (no page is kept in a single byte of memory for
# pages); the shared header, footer and side column stay kept, as between two
# changes of the site.
MODES = {"warm": {}, "cold": {"PAGE_CACHE_MAX_BYTES": "1"}}
# (name, mode, path on the demo data, path on the grown data): page 500 does not
# exist on the demo data, so it is compared with the demo's page 1.
PAGES = [
    ("reference", "warm", "{reference}", "{reference}"),
    ("article", "warm", "{article}", "{article}"),
    ("article", "cold", "{article}", "{article}"),
    ("category p1", "warm", "{category}", "{category}"),
    ("category p1", "cold", "{category}", "{category}"),
    ("category p500", "warm", "{category}", "{category}?page=500"),
    ("category p500", "cold", "{category}", "{category}?page=500"),
    ("tag", "warm", "{tag}", "{tag}"),
    ("tag", "cold", "{tag}", "{tag}"),
    ("home", "warm", "/", "/"),
    ("home", "cold", "/", "/"),
]

# The article measured is the demo's newest (the one bench_grow gave the comments
# to), looked up by slug among the demo's own rows (grown articles may share it).
PATHS = """
import json
from django.db.models import Count, Q
from django.test import Client
from comments.models import Comment
from news.models import Article, Tag
published = Article.objects.published()
slug = "SLUG"
if slug:
    article = published.filter(slug=slug).order_by("id").first()
else:
    article = published.order_by("-publish_at", "-id").first()
tag = (
    Tag.objects.annotate(
        n=Count("tagged_articles", filter=Q(tagged_articles__content_object__in=published))
    )
    .order_by("-n", "slug")
    .first()
)
path = article.get_absolute_url()
size = len(Client(HTTP_HOST="127.0.0.1").get(path, HTTP_USER_AGENT="bench").content)
print(json.dumps({
    "article": path,
    "slug": article.slug,
    "article_bytes": size,
    "comments": Comment.objects.visible().filter(article=article).count(),
    "articles": Article.objects.count(),
    "tag": tag.get_absolute_url(),
}))
"""
GROWN = "from portal.growth import already_grown; print(already_grown())"
# The grown site's categories and full first pages (the article's comments, the
# category's and the tag's articles: the demo's tag page had 9), without the volume.
SHAPE_ONLY = ["--articles", "80", "--comments", "30", "--history-days", "0"]


def prepare_demo_data(args):
    """The baseline: the plain demo content, or the demo with the grown shape."""
    if args.plain_demo:
        url = database_url("portal_bench_pages")
        prepare_demo(environment(url))
        return url
    url = database_url("portal_bench_shaped")
    env = environment(url)
    prepare_demo(env)
    if shell(env, GROWN) != "True":
        manage(env, "bench_grow", *SHAPE_ONLY, capture=True)
    return url


def prepare_grown(args):
    url = database_url("portal_bench_grown", fresh=args.regrow)
    env = environment(url)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo", capture=True)
    if shell(env, GROWN) != "True":
        print("growing portal_bench_grown (manage.py bench_grow, a few minutes)...")
        manage(env, "bench_grow")
    return url


def page_paths(env, args, slug=""):
    found = json.loads(shell(env, PATHS.replace('"SLUG"', json.dumps(slug))))
    found["category"] = f"/tin-tuc/{args.category}/"
    found["reference"] = "/__bench/constant/"
    return found


def run_rounds(servers, paths, args, generate, counters):
    """``{(page, mode, dataset): [Run, ...]}``, each round loading every page on
    the demo server and then on the grown one."""
    runs = {}
    for round_ in range(1, args.rounds + 1):
        for page, mode, *templates in PAGES:
            for dataset, template in zip(DATASETS, templates, strict=True):
                path = template.format(**paths[dataset])
                run = measure(
                    servers[(dataset, mode)],
                    path,
                    seconds=args.seconds,
                    connections=args.connections,
                    generate=generate,
                    counter=counters[dataset],
                )
                runs.setdefault((page, mode, dataset), []).append(run)
                note = f"; processes ended: {run.gone}" if run.gone else ""
                print(
                    f"  round {round_} {dataset:5} {page:13} {mode:4} "
                    f"{run.cpu_ms:7.2f} ms CPU/req {run.load.rps:7.1f} req/s "
                    f"p99 {run.load.p99_ms:7.1f} ms  served {run.load.requests}, "
                    f"recorded {run.recorded}, errors {run.load.errors}{note}",
                    flush=True,
                )
    return runs


def summary(runs):
    print(f"\nCPU per request, median of the rounds; grown/demo ≤ {BOUND}")
    print(
        f"{'page':14} {'mode':5} {'demo':>9} {'grown':>9} {'grown/demo':>11} "
        f"{'p99 grown':>10}"
    )
    results = {}
    for page, mode, *_templates in PAGES:
        demo, grown = (runs[(page, mode, dataset)] for dataset in DATASETS)
        ratio = median(
            [g.cpu_ms / d.cpu_ms for d, g in zip(demo, grown, strict=True) if d.cpu_ms]
        )
        row = {
            "demo_cpu_ms": median([run.cpu_ms for run in demo]),
            "grown_cpu_ms": median([run.cpu_ms for run in grown]),
            "ratio": ratio,
            "grown_p99_ms": median([run.load.p99_ms for run in grown]),
        }
        results[f"{page} {mode}"] = row
        verdict = (
            "(control)"
            if page == "reference"
            else ("within" if ratio <= BOUND else "BEYOND the bound")
        )
        print(
            f"{page:14} {mode:5} {row['demo_cpu_ms']:6.2f} ms {row['grown_cpu_ms']:6.2f} "
            f"ms {ratio:11.2f} {row['grown_p99_ms']:7.0f} ms  {verdict}"
        )
    return results


def dashboards(servers, envs, requests):
    results = {}
    print(
        f"\nstatistics dashboard, 365 days (< {DASHBOARD_MS} ms), {requests} requests"
    )
    for dataset in DATASETS:
        timings = time_dashboard(
            servers[(dataset, "warm")], admin_session(envs[dataset]), requests
        )
        p95 = timings[max(0, round(0.95 * len(timings)) - 1)]
        results[dataset] = {"median_ms": median(timings), "p95_ms": p95}
        verdict = "met" if median(timings) < DASHBOARD_MS else "NOT met"
        print(
            f"  {dataset:5}: median {median(timings):.0f} ms, p95 {p95:.0f} ms, "
            f"max {timings[-1]:.0f} ms  {verdict}"
        )
    return results


def explain(env, paths, plans):
    arguments = [
        PY,
        str(ROOT / "bench" / "explain.py"),
        *(["--plans"] if plans else []),
    ]
    subprocess.run([*arguments, *paths], cwd=ROOT, env=env, check=True)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=15, help="per page and run")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--warmup", type=int, default=3, help="seconds per page")
    parser.add_argument(
        "--port", type=int, default=8103, help="the first of four ports in a row"
    )
    parser.add_argument("--load", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument("--category", default="hoat-dong", help="a category's slug")
    parser.add_argument("--dashboard-requests", type=int, default=20)
    parser.add_argument("--regrow", action="store_true", help="grow the data again")
    parser.add_argument(
        "--plain-demo",
        action="store_true",
        help="compare with the plain demo content (9 categories, no comments)",
    )
    parser.add_argument(
        "--skip-load", action="store_true", help="dashboard and plans only"
    )
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()
    stop_servers_on_sigterm()

    generator_name, generate = load_generator(args.load)
    print("preparing the demo and the grown databases...", flush=True)
    urls = {"demo": prepare_demo_data(args), "grown": prepare_grown(args)}
    envs = {dataset: environment(url) for dataset, url in urls.items()}
    paths = {"demo": page_paths(envs["demo"], args)}
    paths["grown"] = page_paths(envs["grown"], args, slug=paths["demo"]["slug"])
    reference_bytes = paths["demo"]["article_bytes"]
    print(
        describe_machine(generator_name, args.workers, args.connections, args.seconds)
    )
    for dataset in DATASETS:
        found = paths[dataset]
        print(
            f"{dataset}: {found['articles']:,} articles; article {found['article']} "
            f"({found['article_bytes']:,} bytes, {found['comments']:,} comments); "
            f"tag {found['tag']}; category {found['category']}"
        )

    servers, counters, results = {}, {}, {}
    try:
        port = args.port
        for dataset in DATASETS:
            counters[dataset] = PageViewCounter(urls[dataset])
            for mode, extra in MODES.items():
                servers[(dataset, mode)] = Server(
                    f"{dataset}-{mode}",
                    port=port,
                    env=environment(
                        urls[dataset], BENCH_REFERENCE_BYTES=reference_bytes, **extra
                    ),
                    workers=args.workers,
                ).start()
                port += 1
        if not args.skip_load:
            for _page, mode, *templates in PAGES:  # every page answers; warm up
                for dataset, template in zip(DATASETS, templates, strict=True):
                    server = servers[(dataset, mode)]
                    path = template.format(**paths[dataset])
                    status, _body = fetch(server.url + path)
                    if status != 200:
                        raise SystemExit(f"{dataset} {path} answered {status}")
                    generate(
                        server.url,
                        path,
                        seconds=args.warmup,
                        connections=args.connections,
                    )
                    server.wait_idle()
            runs = run_rounds(servers, paths, args, generate, counters)
            results["pages"] = summary(runs)
            print(f"at the end of the load: {load_average()}")
        results["dashboard"] = dashboards(servers, envs, args.dashboard_requests)
    finally:
        for server in servers.values():
            server.stop()
        for counter in counters.values():
            counter.close()

    grown = paths["grown"]
    print("\nqueries of the grown site's pages (second request; caches filled):")
    explain(envs["grown"], [grown["article"], "/", grown["category"]], plans=False)
    print("\nquery plans of the list queries on the grown data:")
    explain(envs["grown"], [f"{grown['category']}?page=500", grown["tag"]], plans=True)
    if args.json:
        dump_json(args.json, {"paths": paths, **results})


if __name__ == "__main__":
    main()
