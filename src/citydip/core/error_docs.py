"""docs/errors.md, generated from the code (run by cog: ``make cli-docs``; checked by ``make lint``).

Every error code written in citydip's source (``CitydipError("FRAME-E003", "message", ...)``, and
Django system checks ``id="CD-E001"``) is listed with the module that raises it and its message, as
the source spells it (``…`` where the message inserts a value). A new code therefore reaches the page
the next time it is regenerated, and a stale page fails ``cog --check``.
"""
import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
CODE_PREFIXES = {
    "CORE": "core: users, backups, privacy, settings", "CD": "system checks (`citydip init`, `manage.py check`)",
    "FRAME": "frame: the sampling frame", "GAZ": "gazetteer: places of the partner country",
    "PART": "partnerships: the register and its imports", "SURVEY": "survey: questionnaires, waves, answers",
    "EXPORT": "survey exports", "FIELD": "fieldwork: contacts, invitations, reminders, bounces",
    "MAP": "maps", "ANALYSIS": "analysis", "QDA": "qda: interviews, coding, reliability",
    "DEPOSIT": "reports: the deposit package",
}


def is_code(value):
    if not isinstance(value, str):
        return False
    head, _, tail = value.partition("-E")
    return head.isupper() and head.isalpha() and len(tail) == 3 and tail.isdigit()


def text_of(node):
    """A message argument as the source spells it: string, f-string (values as …), or concatenation."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "…" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = text_of(node.left), text_of(node.right)
        return None if left is None or right is None else left + right
    return None


def codes_in(path):
    """(code, message) for each code constant in a call (``CitydipError(code, message)``, ``id=code``),
    a tuple (``(code, message, field)``) or a dict (``{code: message}``) of the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            values = [*node.args, *(k.value for k in node.keywords if k.arg in ("id", "message"))]
            first_text = next((text_of(k.value) for k in node.keywords if k.arg in ("message",)), None)
            sequence = values
        elif isinstance(node, ast.Tuple):
            sequence, first_text = node.elts, None
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                if isinstance(key, ast.Constant) and is_code(key.value):
                    yield key.value, text_of(value)
            continue
        else:
            continue
        for i, item in enumerate(sequence):
            if isinstance(item, ast.Constant) and is_code(item.value):
                following = sequence[i + 1] if i + 1 < len(sequence) else None
                message = text_of(following) if following is not None else None
                if message is None and isinstance(node, ast.Call) and node.args and node.args[0] is not item:
                    message = text_of(node.args[0])  # Django checks: Error("message", id="CD-E001")
                yield item.value, message or first_text


def collect():
    """{code: {"modules": set, "messages": list}} over the package's source (migrations left out)."""
    found = defaultdict(lambda: {"modules": set(), "messages": []})
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        for code, message in codes_in(path):
            found[code]["modules"].add(module.removeprefix("citydip."))
            if message and message not in found[code]["messages"]:
                found[code]["messages"].append(message)
    return found


def cell(text):
    return " ".join(text.split()).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def markdown():
    found = collect()
    by_prefix = defaultdict(list)
    for code in sorted(found):
        by_prefix[code.split("-E")[0]].append(code)
    out = []
    for prefix in sorted(by_prefix, key=lambda p: (list(CODE_PREFIXES).index(p) if p in CODE_PREFIXES else 99, p)):
        out.append(f"## {prefix}: {CODE_PREFIXES.get(prefix, prefix.lower())}\n")
        out.append("| code | raised in | message |\n|---|---|---|")
        for code in by_prefix[prefix]:
            entry = found[code]
            messages = " / ".join(cell(m) for m in entry["messages"]) or "(message built at run time)"
            modules = ", ".join(f"`{m}`" for m in sorted(entry["modules"]))
            out.append(f"| {code} | {modules} | {messages} |")
        out.append("")
    return "\n".join(out)
