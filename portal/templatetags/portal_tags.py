from django import template
from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html

from portal import pagecache
from portal.models import Banner

register = template.Library()


def all_banners():
    """Every banner, cached until one changes (the table is a handful of rows)."""
    key = pagecache.versioned_key("portal:banners", ("banners",))
    banners = cache.get(key)
    if banners is None:
        banners = list(Banner.objects.all())
        cache.set(key, banners, 300)
    return banners


def visible_banners(request):
    """Every banner shown now, for all positions; visibility is decided per
    request, so a banner still appears and disappears at its own times."""
    if request is not None and hasattr(request, "_visible_banners"):
        return request._visible_banners
    now = timezone.now()
    banners = [banner for banner in all_banners() if banner.is_visible(now)]
    if request is not None:
        request._visible_banners = banners
    return banners


@register.inclusion_tag("includes/banners.html", takes_context=True)
def banners(context, position):
    """The banners of one position (side, header, footer) as a list of image links."""
    return {
        "position": position,
        "banners": [
            banner
            for banner in visible_banners(context.get("request"))
            if banner.position == position
        ],
    }


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The address of page ``number`` of the list being shown: the request's other
    parameters kept, and no ``page`` for page 1 (the list's own address)."""
    request = context["request"]
    params = request.GET.copy()
    params.pop("page", None)
    if number != 1:
        params["page"] = number
    return f"?{params.urlencode()}" if params else request.path


@register.simple_tag(takes_context=True)
def page_links(context, page_obj, on_each_side=1, on_ends=1):
    """The numbered links of a page bar, with ``None`` numbers where pages are
    left out: 1 … 4 5 6 … 20."""
    paginator = page_obj.paginator
    return [
        {
            "number": number,
            "url": page_url(context, number),
            "current": number == page_obj.number,
        }
        if number != paginator.ELLIPSIS
        else {"number": None}
        for number in paginator.get_elided_page_range(
            page_obj.number, on_each_side=on_each_side, on_ends=on_ends
        )
    ]


@register.filter
def tel_href(phone):
    """``tel:`` address of a phone number as people write it (``0200 3 812 345``)."""
    digits = "".join(ch for ch in str(phone) if ch.isdigit() or ch == "+")
    return f"tel:{digits}" if digits else ""


@register.simple_tag(takes_context=True)
def keepalive(context):
    """The keep-alive banner and its script, for signed-in staff only.

    Readers without a session cookie are answered without touching the session,
    so their pages stay free of ``Vary: Cookie`` and of session queries.
    """
    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return ""
    user = request.user
    if not (user.is_authenticated and user.is_staff):
        return ""
    warning = min(settings.SESSION_WARNING_SECONDS, settings.SESSION_IDLE_TIMEOUT)
    return render_to_string(
        "includes/keepalive.html",
        {
            "timeout": settings.SESSION_IDLE_TIMEOUT,
            "warning": warning,
            "seconds_html": format_html(
                '<span class="keepalive-seconds" aria-live="off">{}</span>', warning
            ),
        },
        request=request,
    )


@register.simple_tag(takes_context=True)
def hole(context, name, *args):
    """A per-request value (``portal.pagecache`` holes): the language switcher's
    return address, a reader's own vote... Kept pages carry a marker instead."""
    return pagecache.hole(context["request"], name, ":".join(map(str, args)))


@register.tag
def kept(parser, token):
    """``{% kept "name" scope ... %}...{% endkept %}``: a block that many pages
    show alike, rendered once per language while the scopes keep their versions
    (``portal.pagecache.kept_block``). Its content must read only site-wide
    context (the site record, the menu, the request's language), never the page's
    own."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% kept %} needs a name.")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, bits[1].strip("\"'"), [b.strip("\"'") for b in bits[2:]])


class KeptNode(template.Node):
    def __init__(self, nodelist, name, scopes):
        self.nodelist, self.name, self.scopes = nodelist, name, tuple(scopes)

    def render(self, context):
        request = context.get("request")
        if request is None or not settings.PAGE_CACHE:
            return self.nodelist.render(context)

        def render_marked():
            with context.push(csrf_token=pagecache.hole(request, "csrf")):
                return self.nodelist.render(context)

        return pagecache.kept_block(request, self.name, self.scopes, render_marked)
