"""One error type for everything a user did wrong, with a stable code and a location.

``CitydipError("FRAME-E003", "population is not a number: 'abc'", file="frame.csv", line=12,
field="population")`` renders as ``[frame.csv · line 12 · population] population is not a number:
'abc' (FRAME-E003)``. Commands print that one line and exit 1; web views show it; the API returns it
in the JSON error shape of :func:`as_json`. Codes are listed in docs/errors.md (checked by a test).
"""

LOCATION_FIELDS = ("file", "sheet", "line", "row", "column", "field")


class CitydipError(Exception):
    def __init__(self, code, message, **location):
        self.code = code
        self.message = message
        self.location = {k: v for k, v in location.items() if v not in (None, "")}
        unknown = set(self.location) - set(LOCATION_FIELDS)
        if unknown:
            raise TypeError(f"unknown location fields: {sorted(unknown)}")
        super().__init__(str(self))

    def where(self):
        parts = []
        for key in LOCATION_FIELDS:
            if key in self.location:
                value = self.location[key]
                parts.append(str(value) if key in ("file", "field", "sheet") else f"{key} {value}")
        return " · ".join(parts)

    def __str__(self):
        where = self.where()
        prefix = f"[{where}] " if where else ""
        return f"{prefix}{self.message} ({self.code})"

    def as_json(self):
        return {"ok": False, "error": self.message, "code": self.code, "location": self.location}

    def __reduce__(self):
        """Picklable with its code and location (an error raised in a forked task, core/parallel.py)."""
        return _rebuild, (self.__class__, self.code, self.message, self.location)


class CitydipErrors(CitydipError):
    """Several errors found in one pass (e.g. every bad row of a file), reported together."""

    def __init__(self, errors):
        self.errors = list(errors)
        first = self.errors[0]
        super().__init__(first.code, first.message, **first.location)

    def __str__(self):
        return "\n".join(str(e) for e in self.errors)

    def __reduce__(self):
        return self.__class__, (self.errors,)

    def as_json(self):
        data = self.errors[0].as_json()
        data["errors"] = [e.as_json() for e in self.errors]
        return data


def _rebuild(cls, code, message, location):
    return cls(code, message, **location)
