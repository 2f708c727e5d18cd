"""Reading a NukeViet 4.x database (MySQL or MariaDB) with PyMySQL.

Table names follow NukeViet: ``<prefix>_config`` and ``<prefix>_counter`` for the
whole site, ``<prefix>_<lang>_modules`` and ``<prefix>_<lang>_comment`` per
language, ``<prefix>_<lang>_<module>_rows`` (and ``_cat``, ``_detail``, ``_tags``,
``_tags_id``, ``_topics``, ``_sources``) per news module. Columns that changed
across 4.x versions (``external_link``, ``files``, the category's ``status`` or
older ``inhome``, the tag's ``title``) are read when present.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

import pymysql
import pymysql.cursors
from django.utils.translation import gettext as _

NAME = re.compile(r"^[A-Za-z0-9_]{1,50}$")


class SourceError(Exception):
    """The old database cannot be read as asked: one line says why."""


@dataclass(frozen=True)
class DatabaseAddress:
    host: str
    port: int
    user: str
    password: str
    database: str
    unix_socket: str = ""

    @property
    def where(self):
        return self.unix_socket or f"{self.host}:{self.port}"

    def __str__(self):
        return f"{self.where}/{self.database}"


def parse_database_url(url):
    """``mysql://USER:PASS@HOST:PORT/DB`` (``?unix_socket=PATH`` optional)."""
    parts = urlsplit(url or "")
    if parts.scheme not in ("mysql", "mariadb", "mysql+pymysql"):
        raise SourceError(
            _("Địa chỉ cơ sở dữ liệu phải có dạng mysql://USER:PASS@HOST:PORT/DB.")
        )
    database = unquote(parts.path.lstrip("/"))
    if not database:
        raise SourceError(_("Địa chỉ cơ sở dữ liệu thiếu tên cơ sở dữ liệu (/DB)."))
    try:
        port = parts.port or 3306
    except ValueError:
        raise SourceError(_("Cổng trong địa chỉ cơ sở dữ liệu không hợp lệ.")) from None
    options = parse_qs(parts.query)
    return DatabaseAddress(
        host=parts.hostname or "127.0.0.1",
        port=port,
        user=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
        database=database,
        unix_socket=options.get("unix_socket", [""])[0],
    )


def connect(address, *, timeout=10):
    """A PyMySQL connection returning rows as dicts; SourceError if it fails."""
    try:
        return pymysql.connect(
            host=address.host,
            port=address.port,
            user=address.user,
            password=address.password,
            database=address.database,
            unix_socket=address.unix_socket or None,
            charset="utf8mb4",
            cursorclass=pymysql.cursors.DictCursor,
            connect_timeout=timeout,
        )
    except pymysql.err.OperationalError as error:
        code = error.args[0] if error.args else None
        if code in (1044, 1045, 1698):
            message = _(
                "Máy chủ %(where)s từ chối tài khoản '%(user)s' "
                "(sai tên đăng nhập hoặc mật khẩu)."
            )
        elif code == 1049:
            message = _("Máy chủ %(where)s không có cơ sở dữ liệu '%(database)s'.")
        else:
            message = _("Không kết nối được máy chủ cơ sở dữ liệu %(where)s.")
        raise SourceError(
            message
            % {
                "where": address.where,
                "user": address.user,
                "database": address.database,
            }
        ) from error


class NukeVietSource:
    """One news module of a NukeViet site, read-only."""

    def __init__(self, connection, *, prefix, lang, module):
        for value in (prefix, lang, module):
            if not NAME.match(value or ""):
                raise SourceError(
                    _("'%(value)s' không phải là tên hợp lệ (chữ, số, dấu _).")
                    % {"value": value}
                )
        self.connection = connection
        self.prefix, self.lang, self.module = prefix, lang, module
        self.tables = self._existing_tables()
        self.comment_table = None

    # -- names and checks ------------------------------------------------------

    def table(self, name):
        """The full name of a news module table: ``rows`` → ``nv4_vi_news_rows``."""
        return f"{self.prefix}_{self.lang}_{self.module}_{name}"

    def _existing_tables(self):
        with self.connection.cursor() as cursor:
            cursor.execute("SHOW TABLES LIKE %s", [f"{self.prefix}\\_%"])
            return {next(iter(row.values())) for row in cursor.fetchall()}

    def check(self):
        """Raise SourceError (naming what is wrong) unless the prefix, language
        and module all have their tables. Returns the module's settings."""
        if f"{self.prefix}_config" not in self.tables:
            raise SourceError(
                _(
                    "Không có bảng %(table)s: tiền tố bảng '%(prefix)s' không đúng "
                    "với cơ sở dữ liệu này."
                )
                % {"table": f"{self.prefix}_config", "prefix": self.prefix}
            )
        modules = f"{self.prefix}_{self.lang}_modules"
        if modules not in self.tables:
            raise SourceError(
                _("Không có bảng %(table)s: trang cũ không có ngôn ngữ '%(lang)s'.")
                % {"table": modules, "lang": self.lang}
            )
        missing = [
            self.table(name)
            for name in ("cat", "rows", "detail")
            if self.table(name) not in self.tables
        ]
        if missing:
            raise SourceError(
                _(
                    "Không có bảng %(table)s: trang cũ không có module tin tức "
                    "'%(module)s' (có: %(found)s)."
                )
                % {
                    "table": missing[0],
                    "module": self.module,
                    "found": ", ".join(self.news_modules()) or "—",
                }
            )
        for name in (
            f"{self.prefix}_{self.lang}_comment",
            f"{self.prefix}_{self.lang}_comments",
        ):
            if name in self.tables:
                self.comment_table = name
                break
        return self.module_settings()

    def news_modules(self):
        """Data names of the news modules that have tables in this language."""
        pattern = re.compile(
            rf"^{re.escape(self.prefix)}_{re.escape(self.lang)}_(.+)_rows$"
        )
        return sorted(
            match[1] for name in self.tables if (match := pattern.match(name))
        )

    def module_settings(self):
        """The module's name in addresses, its upload folder, whether it was the
        home module and whether the site was multilingual."""
        row = self.one(
            f"SELECT title, module_upload FROM {self.prefix}_{self.lang}_modules "
            "WHERE module_data = %s ORDER BY weight LIMIT 1",
            [self.module],
        ) or {"title": self.module, "module_upload": self.module}
        home = self.config(self.lang, "global", "site_home_module")
        multilingual = self.config("sys", "global", "lang_multi")
        return {
            "module_name": row["title"],
            "module_upload": row["module_upload"] or row["title"],
            "is_home_module": home == row["title"],
            "multilingual": multilingual not in (None, "", "0"),
        }

    def config(self, lang, module, name):
        row = self.one(
            f"SELECT config_value FROM {self.prefix}_config "
            "WHERE lang = %s AND module = %s AND config_name = %s",
            [lang, module, name],
        )
        return row["config_value"] if row else None

    def has(self, name):
        return self.table(name) in self.tables

    # -- reading ---------------------------------------------------------------

    def one(self, sql, params=()):
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()

    def count(self, table, where="", params=()):
        row = self.one(f"SELECT COUNT(*) AS n FROM {table} {where}", params)
        return row["n"]

    def rows(self, sql, params=()):
        """Rows of ``sql`` one at a time, without holding them all in memory."""
        with self.connection.cursor(pymysql.cursors.SSDictCursor) as cursor:
            cursor.execute(sql, params)
            yield from cursor

    def categories(self):
        return self.rows(f"SELECT * FROM {self.table('cat')} ORDER BY catid")

    def sources(self):
        if not self.has("sources"):
            return {}
        return {
            row["sourceid"]: row
            for row in self.rows(f"SELECT * FROM {self.table('sources')}")
        }

    def topics(self):
        if not self.has("topics"):
            return iter(())
        return self.rows(f"SELECT * FROM {self.table('topics')} ORDER BY topicid")

    def tags(self):
        """Tags with the first keyword written for them (their display name in
        versions whose tag table has no title)."""
        if not (self.has("tags") and self.has("tags_id")):
            return iter(())
        return self.rows(
            f"SELECT t.*, (SELECT k.keyword FROM {self.table('tags_id')} k "
            f"WHERE k.tid = t.tid ORDER BY k.id LIMIT 1) AS first_keyword "
            f"FROM {self.table('tags')} t ORDER BY t.tid"
        )

    def article_tags(self):
        """``{article id: [tag ids]}``."""
        found = {}
        if self.has("tags_id"):
            for row in self.rows(
                f"SELECT id, tid FROM {self.table('tags_id')} ORDER BY id, tid"
            ):
                found.setdefault(row["id"], []).append(row["tid"])
        return found

    def articles(self):
        """Article rows with their detail row (``bodyhtml``, ``sourcetext``,
        ``files``) merged in. Where both tables have a column, the article's wins
        and the detail's is named ``d.<column>``: ``d.id`` is None when the
        detail row is missing."""
        return self.rows(
            f"SELECT r.*, d.* FROM {self.table('rows')} r "
            f"LEFT JOIN {self.table('detail')} d ON d.id = r.id ORDER BY r.id"
        )

    def comments(self, module_name):
        if self.comment_table is None:
            return iter(())
        return self.rows(
            f"SELECT * FROM {self.comment_table} WHERE module = %s ORDER BY cid",
            [module_name],
        )

    def counters(self):
        """The counter rows (``c_type``, ``c_val``, ``c_count``), if kept."""
        table = f"{self.prefix}_counter"
        if table not in self.tables:
            return []
        return list(self.rows(f"SELECT c_type, c_val, c_count FROM {table}"))
