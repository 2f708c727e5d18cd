"""Article lists paged without OFFSET: page 500 costs what page 1 costs.

``OFFSET 9980`` makes PostgreSQL walk and throw away 9,980 rows, and the
paginator's ``COUNT(*)`` walks them all on every page. Here one query per list
finds where each page starts (every 20th ``(publish_at, id)`` key, and the count
with it); it is kept until the site's content changes or the next scheduled
moment comes (``portal.pagecache`` versions), and each page then reads its rows
from its first key on, along the index.
"""

from array import array
from datetime import UTC, datetime, timedelta

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.utils.functional import cached_property

from portal import pagecache

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)


class KeysetPaginator(Paginator):
    """A ``Paginator`` of articles newest first (``-publish_at, -id``) whose pages
    start at remembered keys. ``list_key`` names the list (``category:7``)."""

    def __init__(self, object_list, per_page, *, list_key):
        super().__init__(object_list, per_page)
        self.list_key = list_key

    @cached_property
    def starts(self):
        """Each page's first key, as two arrays (``publish_at`` in microseconds
        since the epoch, ``id``), and the count. Arrays, because the cache
        unpickles what it keeps on every read: a list of 1,300 (datetime, id)
        pairs (a 26,000-article tag) took 1.3 ms, two arrays a few µs."""
        key = pagecache.versioned_key(
            f"news:page-keys:{self.list_key}:{self.per_page}:"
            f"{pagecache.versions.horizon}",
            (pagecache.SITE,),
        )
        found = cache.get(key)
        if found is None:
            found = self.read_starts()
            cache.set(key, found, 300)
        return found

    def read_starts(self):
        keys = self.object_list.order_by().values("publish_at", "id")
        sql, params = keys.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT publish_at, id, total FROM (SELECT publish_at, id, "
                "row_number() OVER (ORDER BY publish_at DESC, id DESC) AS n, "
                f"count(*) OVER () AS total FROM ({sql}) AS keys) AS numbered "
                "WHERE n %% %s = 1 ORDER BY n",
                [*params, self.per_page],
            )
            rows = cursor.fetchall()
        moments = array("q", ((at - EPOCH) // MICROSECOND for at, _pk, _n in rows))
        ids = array("q", (pk for _at, pk, _n in rows))
        return moments, ids, rows[0][2] if rows else 0

    @cached_property
    def count(self):
        return self.starts[2]

    def page(self, number):
        number = self.validate_number(number)
        if not self.count:
            return self._get_page([], number, self)
        moments, ids, _count = self.starts
        at = EPOCH + timedelta(microseconds=moments[number - 1])
        pk = ids[number - 1]
        return self._get_page(
            list(
                self.object_list.keyed("<=", at, pk).order_by("-publish_at", "-id")[
                    : self.per_page
                ]
            ),
            number,
            self,
        )
