"""Extension points of the article admin.

Apps that attach to articles (ratings, stats, comments) add list columns and
change-page panels here from their own ``admin.py``, so ``news`` never imports
them. A column is an ordinary ``@admin.display`` function taking the article; an
annotation adds what the column reads to the changelist queryset in the same
query (no query per row). A panel renders a template under the article's form
with the context its function returns.
"""

columns = []
annotations = []
panels = []


def add_column(column, *, annotate=None):
    """Show ``column(article)`` in the article changelist."""
    columns.append(column)
    if annotate is not None:
        annotations.append(annotate)
    return column


def add_panel(template_name, get_context):
    """Render ``template_name`` on the article change page with
    ``get_context(request, article)``."""
    panels.append((template_name, get_context))
