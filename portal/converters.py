class IdConverter:
    """A positive database id that fits PostgreSQL's bigint (longer ids are 404)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)
