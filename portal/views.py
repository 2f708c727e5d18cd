from django.http import HttpResponseNotFound, HttpResponseServerError
from django.template import loader
from django.views.generic import TemplateView


def page_not_found(request, exception=None):
    """The 404 page in the site layout (the menu and blocks still work)."""
    return HttpResponseNotFound(loader.render_to_string("404.html", request=request))


def server_error(request):
    """The 500 page: a bare template that needs no database."""
    return HttpResponseServerError(loader.render_to_string("500.html"))


class ContactView(TemplateView):
    """``Liên hệ``: the address, phone and email from the site settings."""

    template_name = "portal/contact.html"
