"""expressions.js under Node, in one long-lived process for a whole test session (parity tests).

``NodeEvaluator.evaluate(expression, answers, path, today=..., choice=..., instances=...)`` returns
the browser evaluator's reply; :func:`tag` gives the Python value in the same tagged shape, so that
the two can be compared exactly (NaN, the infinities and -0 included). Node is required, not
optional: ``make test`` installs it (Debian's nodejs) and the tests fail, loudly, without it.
"""
from __future__ import annotations

import json
import math
import shutil
import subprocess
from pathlib import Path

from citydip.survey.xlsform.expressions import NodeSet, format_number

RUNNER = Path(__file__).with_name("js") / "evaluate_lines.js"
NODE = shutil.which("node") or shutil.which("nodejs")


class NodeEvaluator:
    def __init__(self):
        if NODE is None:
            raise RuntimeError("node is not installed: `make test` installs Debian's nodejs (as root)")
        self.process = subprocess.Popen([NODE, str(RUNNER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True, encoding="utf-8", bufsize=1)

    def request(self, payload):
        self.process.stdin.write(json.dumps(payload) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the Node evaluator stopped")
        return json.loads(line)

    def evaluate(self, expression, answers, path=None, today=None, choice=None, instances=None):
        return self.request({"expression": expression, "answers": answers, "path": path, "today": today,
                             "choice": choice, "instances": instances})

    def signatures(self):
        return self.request({"signatures": True})["signatures"]

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=10)


def number_text(number):
    """A number as JavaScript's String() would tag it (compared after float())."""
    if isinstance(number, float) and number == 0 and math.copysign(1, number) < 0:
        return "-0"
    if isinstance(number, float) and math.isnan(number):
        return "NaN"
    if isinstance(number, float) and math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    return repr(float(number))


def tag(value):
    """A Python value in the runner's tagged shape."""
    if isinstance(value, NodeSet):
        return {"t": "nodeset", "v": [tag(v) for v in value]}
    if isinstance(value, bool):
        return {"t": "boolean", "v": value}
    if isinstance(value, (int, float)):
        return {"t": "number", "v": number_text(value)}
    if isinstance(value, str):
        return {"t": "string", "v": value}
    if isinstance(value, list):
        return {"t": "list", "v": [tag(v) for v in value]}
    if value is None:
        return {"t": "string", "v": ""}
    return {"t": "object", "v": {k: tag(v) for k, v in value.items()}}


def same(python, node):
    """Whether two tagged values are the same value (numbers compared as floats, bit for bit)."""
    if python["t"] != node["t"]:
        return False
    if python["t"] == "number":
        a, b = _float(python["v"]), _float(node["v"])
        return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))
    if python["t"] in ("nodeset", "list"):
        return len(python["v"]) == len(node["v"]) and all(same(a, b) for a, b in zip(python["v"], node["v"]))
    if python["t"] == "object":
        return python["v"].keys() == node["v"].keys() and all(same(python["v"][k], node["v"][k]) for k in python["v"])
    return python["v"] == node["v"]


def _float(text):
    return {"-0": -0.0, "NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}.get(text) or float(text)


__all__ = ["NodeEvaluator", "format_number", "same", "tag"]
