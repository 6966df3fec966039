"""The two REFI-QDA XML schemas (MIT, see schema/README.md) and validation against them with xmlschema."""
import re
from functools import lru_cache
from pathlib import Path

import xmlschema

from citydip.core.errors import CitydipError

SCHEMA_DIR = Path(__file__).parent / "schema"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
PROJECT_NS = "urn:QDA-XML:project:1.0"
SCHEMA_FILES = {"codebook": "Codebook-mrt2019.xsd", "project": "Project-mrt2019.xsd"}


@lru_cache(maxsize=2)
def schema(kind):
    return xmlschema.XMLSchema(str(SCHEMA_DIR / SCHEMA_FILES[kind]))


def validation_errors(xml_text, kind):
    """Every schema violation of ``xml_text`` as ``(line or None, message)``; empty when it is valid.

    A DOCTYPE is refused before parsing: REFI-QDA files never need one, and its entities could expand
    without bound (the "billion laughs" attack) or reach out to other files."""
    declaration = re.search(r"<!(DOCTYPE|ENTITY)", xml_text, re.IGNORECASE)
    if declaration:
        line = xml_text.count("\n", 0, declaration.start()) + 1
        return [(line, "a DOCTYPE or ENTITY declaration is not allowed in a REFI-QDA file")]
    try:
        errors = list(schema(kind).iter_errors(xml_text))
    except xmlschema.XMLSchemaException as error:  # not even well-formed XML
        return [(None, str(error).splitlines()[0])]
    except Exception as error:  # ElementTree.ParseError and friends
        return [(getattr(error, "position", (None,))[0], str(error))]
    found = []
    for error in errors:
        line = getattr(getattr(error, "elem", None), "sourceline", None)
        found.append((line, f"{error.reason} (at {error.path})"))
    return found


def check_valid(xml_text, kind, file_name):
    """Raise QDA-E020 naming the file and line of the first schema violation."""
    errors = validation_errors(xml_text, kind)
    if errors:
        line, message = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise CitydipError("QDA-E020", f"not a valid REFI-QDA {kind} file: {message}{more}", file=file_name,
                           line=line)
