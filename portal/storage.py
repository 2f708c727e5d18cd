"""Where uploaded media lives when it is not in MEDIA_ROOT."""

from urllib.parse import urlsplit


def s3_public_origin(options):
    """The scheme and host that media URLs of an S3 storage start with, for the
    Content-Security-Policy (``options`` are the S3Storage OPTIONS in settings)."""
    protocol = options.get("url_protocol") or "https:"
    if options.get("custom_domain"):
        return f"{protocol}//{options['custom_domain'].split('/', 1)[0]}"
    endpoint = options.get("endpoint_url")
    if endpoint:
        parts = urlsplit(endpoint)
        if options.get("addressing_style") == "virtual":
            return f"{parts.scheme}://{options['bucket_name']}.{parts.netloc}"
        return f"{parts.scheme}://{parts.netloc}"
    region = options.get("region_name")
    host = f"s3.{region}.amazonaws.com" if region else "s3.amazonaws.com"
    return f"https://{host}"
