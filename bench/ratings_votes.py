"""Votes per second and latency of ``POST /danh-gia/<id>/`` against a running site.

Run against ``make serve`` (gunicorn, DEBUG off) with the guest limits raised, so
every vote from this one address is accepted::

    RATINGS_GUEST_VOTES_PER_ARTICLE=100000 RATINGS_GUEST_VOTES_PER_IP=100000 make serve
    .venv/bin/python bench/ratings_votes.py http://127.0.0.1:8000 /tin-tuc/.../bai-12.html

Each vote comes from a new guest (no voter cookie), as many readers at once would.
At the end the article's line must read exactly the votes sent before plus the
ones posted: the benchmark fails otherwise.
"""

import argparse
import http.client
import json
import random
import re
import statistics
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

LINE = re.compile(r"Tổng số điểm của bài viết là: ([\d.]+) trong ([\d.]+) đánh giá")


def request(base, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection(base.hostname, base.port, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read().decode()
    finally:
        connection.close()


def read_line(base, path):
    status, headers, html = request(base, "GET", path)
    assert status == 200, status
    total, count = (int(n.replace(".", "")) for n in LINE.search(html).groups())
    csrf = next(
        v.split(";")[0].split("=", 1)[1]
        for k, v in headers
        if k.lower() == "set-cookie" and v.startswith("csrftoken=")
    )
    pk = re.search(r'action="/danh-gia/(\d+)/"', html).group(1)
    return total, count, csrf, pk


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", help="e.g. http://127.0.0.1:8000")
    parser.add_argument("article_path", help="the article's address on the site")
    parser.add_argument("--votes", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=10)
    args = parser.parse_args()
    base = urllib.parse.urlsplit(args.site)
    total_before, count_before, csrf, pk = read_line(base, args.article_path)
    rng = random.Random(1)
    scores = [rng.randint(1, 5) for _ in range(args.votes)]

    def vote(score):
        started = time.perf_counter()
        status, _headers, body = request(
            base,
            "POST",
            f"/danh-gia/{pk}/",
            body=urllib.parse.urlencode({"score": score}),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
                "X-CSRFToken": csrf,
                "Cookie": f"csrftoken={csrf}",
                "Referer": args.site,
            },
        )
        assert status == 200, (status, body)
        assert json.loads(body)["ok"]
        return time.perf_counter() - started

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
        latencies = sorted(pool.map(vote, scores))
    elapsed = time.perf_counter() - started
    total, count, _csrf, _pk = read_line(base, args.article_path)
    p95 = latencies[int(len(latencies) * 0.95) - 1]
    print(
        f"{args.votes} votes, {args.concurrency} at a time: {args.votes / elapsed:.0f} "
        f"votes/s, median {statistics.median(latencies) * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms"
    )
    assert (total, count) == (total_before + sum(scores), count_before + args.votes), (
        "totals are not exact",
        (total, count),
    )
    print(f"exact: {count} votes, {total} points")


if __name__ == "__main__":
    main()
