"""Small helpers for answering requests, shared by the apps."""


def wants_json(request):
    """Whether a fetch() call asked for JSON (``Accept``) rather than a page; a
    plain form post prefers HTML."""
    preferred = request.get_preferred_type(["text/html", "application/json"])
    return preferred == "application/json"
