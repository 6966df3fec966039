/*
 * citydip expressions: the browser's evaluator of the XLSForm/XPath subset that
 * src/citydip/survey/xlsform/expressions.py (the server side, authoritative) evaluates with lark.
 * Both must give the values in tests/fixtures/survey/expression_vectors.json; a headless
 * Chromium test (tests/survey/test_expressions_browser.py) runs every vector here.
 *
 * Why hand-written: the well-kept JavaScript XPath libraries of the ODK world
 * (openrosa-xpath-evaluator 3.x by Enketo, @getodk/xpath 0.x, both Apache-2.0) evaluate full
 * XPath 1.0 against an XML DOM instance. Using one would mean mirroring the JSON answers into an
 * XForm instance and rewriting ${name} into absolute paths (pyxform's job) in the browser, with
 * @getodk/xpath also bundling its own dependencies, so the browser would run different semantics
 * from the server. This file implements only the subset citydip supports, with the server's
 * value rules, in a few hundred lines without eval, and without any network access.
 *
 * Use: CitydipExpressions.evaluate(expression, answers, path, {today: "YYYY-MM-DD", choice: {...}})
 *      CitydipExpressions.evaluateBool(expression, answers, path, defaultValue)
 *      CitydipExpressions.references(expression) -> ["name", ...]
 *      CitydipExpressions.interpolate(label, answers, path) -> the label with ${name} filled in
 * A path is "name" or "repeat[i].name" (0-based), as on the server.
 */
(function (global) {
  "use strict";

  class ExpressionError extends Error {}

  class NodeSet {
    constructor(items) { this.items = items || []; }
  }

  // -- tokens and parser (same grammar and precedence as expressions.lark) ---------------------
  // \w of Python's re is Unicode-aware: [\p{L}\p{N}_] here, so names such as ${größe} agree.
  const TOKEN = /\s*(?:(\$\{\s*[A-Za-z_][\p{L}\p{N}_.\-]*\s*\})|(\d+(?:\.\d+)?)|('[^']*'|"[^"]*")|(!=|<=|>=|=|<|>|\+|-|\*|\(|\)|,|\.\.|\.)|([A-Za-z_][\p{L}\p{N}_\-]*(?::[A-Za-z_][\p{L}\p{N}_\-]*)?))/uy;
  const KEYWORDS = { or: "or", and: "and", div: "mul", mod: "mul" };

  function tokenize(text) {
    const tokens = [];
    TOKEN.lastIndex = 0;
    let position = 0;
    while (position < text.length) {
      if (/^\s*$/.test(text.slice(position))) break;
      TOKEN.lastIndex = position;
      const m = TOKEN.exec(text);
      if (!m) throw new ExpressionError("cannot read the expression near “" + text.slice(position).trim().slice(0, 15) + "”");
      const [, ref, number, string, op, word] = m;
      const start = m.index + m[0].length - (ref || number || string || op || word).length;
      if (ref) tokens.push({ type: "ref", value: ref.slice(2, -1).trim() });
      else if (number) tokens.push({ type: "number", value: parseFloat(number) });
      else if (string) tokens.push({ type: "string", value: string.slice(1, -1) });
      else if (op) tokens.push({ type: "op", value: op });
      else {
        const isCall = /^\s*\(/.test(text.slice(TOKEN.lastIndex));
        tokens.push({ type: isCall ? "func" : "word", value: word });
      }
      tokens[tokens.length - 1].start = start;
      position = TOKEN.lastIndex;
    }
    return tokens;
  }

  class Parser {
    constructor(text) { this.text = text; this.tokens = tokenize(text); this.i = 0; }
    peek() { return this.tokens[this.i]; }
    next() { return this.tokens[this.i++]; }
    fail() {
      const token = this.peek();
      const near = token ? this.text.slice(token.start).slice(0, 15) : "end";
      throw new ExpressionError("cannot read the expression near “" + near + "”");
    }
    isOp(values) { const t = this.peek(); return t && t.type === "op" && values.includes(t.value); }
    isKeyword(kind) { const t = this.peek(); return t && t.type === "word" && KEYWORDS[t.value] === kind; }
    parse() {
      const tree = this.or();
      if (this.i < this.tokens.length) this.fail();
      return tree;
    }
    or() {
      let left = this.and();
      while (this.isKeyword("or")) { this.next(); left = { type: "or", left, right: this.and() }; }
      return left;
    }
    and() {
      let left = this.eq();
      while (this.isKeyword("and")) { this.next(); left = { type: "and", left, right: this.eq() }; }
      return left;
    }
    eq() {
      let left = this.rel();
      while (this.isOp(["=", "!="])) { const op = this.next().value; left = { type: "compare", op, left, right: this.rel() }; }
      return left;
    }
    rel() {
      let left = this.add();
      while (this.isOp(["<", "<=", ">", ">="])) { const op = this.next().value; left = { type: "compare", op, left, right: this.add() }; }
      return left;
    }
    add() {
      let left = this.mul();
      while (this.isOp(["+", "-"])) { const op = this.next().value; left = { type: "arith", op, left, right: this.mul() }; }
      return left;
    }
    mul() {
      let left = this.unary();
      while (this.isOp(["*"]) || this.isKeyword("mul")) { const op = this.next().value; left = { type: "arith", op, left, right: this.unary() }; }
      return left;
    }
    unary() {
      if (this.isOp(["-"])) { this.next(); return { type: "neg", operand: this.unary() }; }
      return this.primary();
    }
    primary() {
      const token = this.next();
      if (!token) { this.i--; this.fail(); }
      if (token.type === "number" || token.type === "string") return { type: token.type, value: token.value };
      if (token.type === "ref") return { type: "ref", name: token.value };
      if (token.type === "word" && !token.value.includes(":")) return { type: "name", name: token.value };
      if (token.type === "func") return this.call(token.value);
      if (token.type === "op" && token.value === "..") return { type: "current" };
      if (token.type === "op" && token.value === ".") return { type: "current" };
      if (token.type === "op" && token.value === "(") {
        const inner = this.or();
        if (!this.isOp([")"])) this.fail();
        this.next();
        return inner;
      }
      this.i--;
      return this.fail();
    }
    call(name) {
      this.next(); // "("
      const args = [];
      if (!this.isOp([")"])) {
        args.push(this.or());
        while (this.isOp([","])) { this.next(); args.push(this.or()); }
      }
      if (!this.isOp([")"])) this.fail();
      this.next();
      if (!(name in FUNCTIONS)) throw new ExpressionError("function not supported: " + name + "()");
      return { type: "call", name, args };
    }
  }

  const cache = new Map();
  function parse(expression) {
    if (!cache.has(expression)) cache.set(expression, new Parser(expression).parse());
    return cache.get(expression);
  }

  function references(expression) {
    const found = [];
    (function walk(node) {
      if (!node || typeof node !== "object") return;
      if (node.type === "ref") found.push(node.name);
      ["left", "right", "operand"].forEach((key) => walk(node[key]));
      (node.args || []).forEach(walk);
    })(parse(expression));
    return found;
  }

  // -- conversions (as in expressions.py) ----------------------------------------------------
  const DATE = /^(\d{4})-(\d{2})-(\d{2})/;
  const isInstance = (v) => v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof NodeSet);
  const isRepeatList = (v) => Array.isArray(v) && v.every(isInstance);

  function formatNumber(n) {
    if (Number.isNaN(n)) return "NaN";
    if (!Number.isFinite(n)) return n > 0 ? "Infinity" : "-Infinity";
    return String(n);
  }

  function toString(value) {
    if (value instanceof NodeSet) return value.items.length ? toString(value.items[0]) : "";
    if (value === null || value === undefined) return "";
    if (typeof value === "boolean") return value ? "true" : "false";
    if (typeof value === "number") return formatNumber(value);
    if (isInstance(value)) return Object.values(value).map(toString).join("");
    if (Array.isArray(value)) return isRepeatList(value) && value.length ? value.map(toString).join("") : value.map(toString).join(" ");
    return String(value);
  }

  function toNumber(value) {
    if (typeof value === "boolean") return value ? 1 : 0;
    if (typeof value === "number") return value;
    if (value instanceof NodeSet) return value.items.length ? toNumber(value.items[0]) : NaN;
    const text = toString(value).trim();
    const date = DATE.exec(text);
    if (date && (text.length === 10 || text[10] === "T")) {
      const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
      const time = Date.UTC(y, m - 1, d);
      const check = new Date(time);
      if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return NaN;
      return time / 86400000;
    }
    return /^-?(\d+(\.\d*)?|\.\d+)$/.test(text) ? parseFloat(text) : NaN;
  }

  function toBool(value) {
    if (typeof value === "boolean") return value;
    if (typeof value === "number") return !(value === 0 || Number.isNaN(value));
    if (value instanceof NodeSet) return value.items.length > 0;
    return toString(value) !== "";
  }

  function asList(value) {
    if (value instanceof NodeSet) value = value.items.length ? value.items[0] : "";
    if (Array.isArray(value)) return value.map(toString);
    return toString(value).split(/\s+/).filter((s) => s !== "");
  }

  function compare(op, left, right) {
    if (left instanceof NodeSet) return left.items.some((item) => compare(op, item, right));
    if (right instanceof NodeSet) return right.items.some((item) => compare(op, left, item));
    if (op === "=" || op === "!=") {
      let equal;
      if (typeof left === "boolean" || typeof right === "boolean") equal = toBool(left) === toBool(right);
      else if (typeof left === "number" || typeof right === "number") equal = toNumber(left) === toNumber(right);
      else equal = toString(left) === toString(right);
      return op === "=" ? equal : !equal;
    }
    const a = toNumber(left), b = toNumber(right);
    return { "<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b }[op];
  }

  function arith(op, a, b) {
    if (op === "+") return a + b;
    if (op === "-") return a - b;
    if (op === "*") return a * b;
    if (op === "div") return a / b;
    if (b === 0 || !Number.isFinite(a) || Number.isNaN(b)) return NaN;
    return a % b; // truncating remainder, as Python's math.fmod
  }

  // -- context: answers and the place of evaluation ------------------------------------------
  function parsePath(path) {
    if (!path) return [];
    return path.split(".").map((part) => {
      const m = /^([A-Za-z_][\p{L}\p{N}_\-]*)(?:\[(\d+)\])?$/u.exec(part);
      if (!m) throw new Error("not a field path: " + path);
      return [m[1], m[2] === undefined ? null : Number(m[2])];
    });
  }

  function asValue(value) {
    if (isRepeatList(value)) return new NodeSet(value);
    return value === null || value === undefined ? "" : value;
  }

  function collect(data, name, found) {
    for (const [key, value] of Object.entries(data)) {
      if (key === name) {
        if (isRepeatList(value)) found.push(...value); else found.push(value);
      } else if (Array.isArray(value)) {
        value.forEach((item) => { if (isInstance(item)) collect(item, name, found); });
      }
    }
  }

  class Context {
    constructor(answers, path, options) {
      this.answers = answers || {};
      this.steps = parsePath(path);
      this.today = (options && options.today) || localToday();
      this.choice = (options && options.choice) || {};
    }
    scopes() {
      const scopes = [[null, this.answers]];
      let current = this.answers;
      for (const [name, index] of this.steps) {
        if (index === null || !isInstance(current)) break;
        const instances = current[name];
        if (!Array.isArray(instances) || index >= instances.length || !isInstance(instances[index])) {
          scopes.push([[], {}]);
          break;
        }
        current = instances[index];
        scopes.push([instances, current]);
      }
      return scopes;
    }
    lookup(name) {
      const scopes = this.scopes();
      for (let i = scopes.length - 1; i >= 0; i--) {
        const [instances, scope] = scopes[i];
        if (Object.prototype.hasOwnProperty.call(scope, name)) return asValue(scope[name]);
        if (instances && instances.some((item) => isInstance(item) && name in item)) return "";
      }
      const found = [];
      collect(this.answers, name, found);
      return found.length ? new NodeSet(found) : "";
    }
    current() {
      let value = this.answers;
      for (const [name, index] of this.steps) {
        value = isInstance(value) && name in value ? value[name] : "";
        if (index !== null) value = Array.isArray(value) && index < value.length ? value[index] : {};
      }
      return asValue(value);
    }
    position() {
      const indices = this.steps.filter(([, index]) => index !== null).map(([, index]) => index);
      return indices.length ? indices[indices.length - 1] + 1 : 1;
    }
    run(node) {
      switch (node.type) {
        case "number": case "string": return node.value;
        case "ref": return this.lookup(node.name);
        case "name": { const v = this.choice[node.name]; return v === undefined || v === null ? "" : v; }
        case "current": return this.current();
        case "or": return toBool(this.run(node.left)) || toBool(this.run(node.right));
        case "and": return toBool(this.run(node.left)) && toBool(this.run(node.right));
        case "compare": return compare(node.op, this.run(node.left), this.run(node.right));
        case "arith": return arith(node.op, toNumber(this.run(node.left)), toNumber(this.run(node.right)));
        case "neg": return -toNumber(this.run(node.operand));
        case "call": {
          const fn = FUNCTIONS[node.name];
          return fn.lazy ? fn(this, ...node.args) : fn(this, ...node.args.map((arg) => this.run(arg)));
        }
      }
      throw new ExpressionError("unknown node " + node.type);
    }
  }

  function localToday() {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  // -- functions (as in expression_functions.py) ----------------------------------------------
  const items = (value) => (value instanceof NodeSet ? value.items : [value]);
  function extreme(pick) {
    return (ctx, ...values) => {
      const numbers = values.flatMap(items).map(toNumber);
      return !numbers.length || numbers.some(Number.isNaN) ? NaN : pick(...numbers);
    };
  }
  function lazy(fn) { fn.lazy = true; return fn; }

  const FUNCTIONS = {
    "selected": (ctx, value, choice) => asList(value).includes(toString(choice).trim()),
    "count-selected": (ctx, value) => asList(value).length,
    "selected-at": (ctx, value, index) => {
      const list = asList(value), i = toNumber(index);
      return !Number.isNaN(i) && Math.trunc(i) >= 0 && Math.trunc(i) < list.length ? list[Math.trunc(i)] : "";
    },
    "string-length": (ctx, value) => [...toString(value === undefined ? ctx.current() : value)].length,
    "if": lazy((ctx, c, a, b) => (toBool(ctx.run(c)) ? ctx.run(a) : ctx.run(b))),
    "coalesce": (ctx, ...values) => values.find((v) => toString(v) !== "") ?? "",
    "concat": (ctx, ...values) => values.map((v) => (v instanceof NodeSet ? v.items.map(toString).join("") : toString(v))).join(""),
    "regex": (ctx, value, pattern) => {
      let re;
      try { re = new RegExp(toString(pattern), "u"); } catch (e) { throw new ExpressionError("regex(): bad pattern " + toString(pattern)); }
      return re.test(toString(value));
    },
    "today": (ctx) => ctx.today,
    "now": () => new Date().toISOString().slice(0, 19),
    "count": (ctx, value) => (value instanceof NodeSet ? value.items.length : value === "" || value === null ? 0 : 1),
    "sum": (ctx, value) => items(value).reduce((total, v) => total + toNumber(v), 0),
    "min": extreme(Math.min),
    "max": extreme(Math.max),
    "position": (ctx) => ctx.position(),
    "not": (ctx, value) => !toBool(value),
    "true": () => true,
    "false": () => false,
    "boolean": (ctx, value) => toBool(value),
    "number": (ctx, value) => toNumber(value),
    "string": (ctx, value) => toString(value),
    "int": (ctx, value) => { const n = toNumber(value); return Number.isFinite(n) ? Math.trunc(n) : n; },
    "round": (ctx, value, digits) => {
      const n = toNumber(value), places = digits === undefined ? 0 : Math.trunc(toNumber(digits) || 0);
      if (!Number.isFinite(n)) return n;
      const factor = Math.pow(10, places);
      return Math.floor(n * factor + 0.5) / factor;
    },
    "contains": (ctx, text, part) => toString(text).includes(toString(part)),
    "starts-with": (ctx, text, part) => toString(text).startsWith(toString(part)),
    "ends-with": (ctx, text, part) => toString(text).endsWith(toString(part)),
    "substr": (ctx, value, start, end) => {
      const text = toString(value), begin = Math.trunc(toNumber(start));
      return end === undefined ? text.slice(begin) : text.slice(begin, Math.trunc(toNumber(end)));
    },
    "normalize-space": (ctx, value) => toString(value).split(/\s+/).filter(Boolean).join(" "),
    "date": (ctx, value) => {
      const n = toNumber(value);
      return Number.isNaN(n) ? "" : new Date(Math.floor(n) * 86400000).toISOString().slice(0, 10);
    },
    "once": (ctx, value) => value,
    "indexed-repeat": lazy((ctx, field, repeat, index) => {
      if (field.type !== "ref" || repeat.type !== "ref") throw new ExpressionError("indexed-repeat() takes ${field}, ${repeat}, index");
      const instances = ctx.lookup(repeat.name), i = Math.trunc(toNumber(ctx.run(index))) - 1;
      if (!(instances instanceof NodeSet) || i < 0 || i >= instances.items.length) return "";
      const value = instances.items[i][field.name];
      return value === undefined || value === null ? "" : value;
    }),
  };

  function evaluate(expression, answers, path, options) {
    if (expression === null || expression === undefined || String(expression).trim() === "") return "";
    return new Context(answers, path, options).run(parse(String(expression)));
  }

  function evaluateBool(expression, answers, path, defaultValue, options) {
    if (expression === null || expression === undefined || String(expression).trim() === "") {
      return defaultValue === undefined ? true : defaultValue;
    }
    return toBool(evaluate(expression, answers, path, options));
  }

  // A label or hint with each ${name} replaced by that answer as text (as on the server).
  function interpolate(text, answers, path, options) {
    if (!text || text.indexOf("${") < 0) return text;
    return text.replace(/\$\{\s*([A-Za-z_][\p{L}\p{N}_.\-]*)\s*\}/gu, (match, name) => {
      try { return toString(evaluate("${" + name + "}", answers, path, options)); } catch (e) { return ""; }
    });
  }

  const api = { evaluate, evaluateBool, interpolate, parse, references, toString, toNumber, toBool, NodeSet, ExpressionError, FUNCTIONS };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else global.CitydipExpressions = api;
})(typeof window !== "undefined" ? window : this);
