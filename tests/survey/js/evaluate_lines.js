// One long-lived Node process for the parity tests: reads one JSON request a line on stdin
// ({expression, answers, path, today, choice, instances}), evaluates it with expressions.js and
// writes one JSON line: {ok: true, value, string} or {ok: false, error, expressionError}.
// Values are tagged so that Python can compare them exactly (NaN, Infinity, -0 included).
"use strict";
const path = require("path");
const readline = require("readline");
const E = require(path.resolve(__dirname, "../../../src/citydip/survey/static/survey/expressions.js"));

function tag(value) {
  if (value instanceof E.NodeSet) return { t: "nodeset", v: value.items.map(tag) };
  if (typeof value === "number") return { t: "number", v: Object.is(value, -0) ? "-0" : String(value) };
  if (typeof value === "boolean") return { t: "boolean", v: value };
  if (typeof value === "string") return { t: "string", v: value };
  if (Array.isArray(value)) return { t: "list", v: value.map(tag) };
  if (value === null || value === undefined) return { t: "string", v: "" };
  return { t: "object", v: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tag(v)])) };
}

const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const request = JSON.parse(line);
  let reply;
  if (request.signatures) {
    reply = { ok: true, signatures: E.SIGNATURES };
  } else {
    try {
      const value = E.evaluate(request.expression, request.answers, request.path,
        { today: request.today, choice: request.choice, instances: request.instances });
      reply = { ok: true, value: tag(value), string: E.toString(value) };
    } catch (error) {
      reply = { ok: false, error: String(error && error.message), expressionError: error instanceof E.ExpressionError };
    }
  }
  process.stdout.write(JSON.stringify(reply) + "\n");
});
