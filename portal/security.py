"""The Content-Security-Policy header: one policy for the public site, one for the
admin, and one for the pages that hold the rich-text editor (docs/deploy.md)."""

from functools import wraps

from csp.middleware import CSPMiddleware
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with ``CONTENT_SECURITY_POLICY_ADMIN`` in place of
    the site's policy under ``CONTENT_SECURITY_POLICY_ADMIN_PREFIXES``, unless the
    view chose a policy itself (``with_editor_policy``).

    Public pages carry no nonce: they are the same for every reader (and may be
    kept rendered), so they hold no inline script or style at all.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(
                settings.CONTENT_SECURITY_POLICY_ADMIN_PREFIXES
            )
        ):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN
        return parts


def with_editor_policy(response):
    """Give ``response`` the rich-text editor's policy: CKEditor 4 writes inline
    event handlers and styles into its toolbar and dialogs."""
    response._csp_config = settings.CONTENT_SECURITY_POLICY_EDITOR
    return response


def editor_policy(view):
    """View decorator: the response gets the rich-text editor's policy."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return with_editor_policy(view(request, *args, **kwargs))

    return wrapped
