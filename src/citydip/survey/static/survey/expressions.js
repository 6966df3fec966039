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
 * Every function declares its arity and argument kinds (SIGNATURES, the same table as
 * expression_functions.py); a call that breaks them is an ExpressionError when the expression is
 * parsed, and any failure inside a function at run time is an ExpressionError too.
 *
 * Use: CitydipExpressions.evaluate(expression, answers, path, {today: "YYYY-MM-DD", choice: {...},
 *                                   instances: {name: [row, ...]}})
 *      CitydipExpressions.evaluateBool(expression, answers, path, defaultValue)
 *      CitydipExpressions.references(expression) -> ["name", ...]
 *      CitydipExpressions.interpolate(label, answers, path) -> the label with ${name} filled in
 * A path is "name" or "repeat[i].name" (0-based), as on the server.
 */
(function (global) {
  "use strict";

  class ExpressionError extends Error {}
  const XML_SPACE = /[ \t\r\n]+/;  // XPath's whitespace, not Unicode's
  const MAX_INT = 2 ** 53;

  class NodeSet {
    constructor(items) { this.items = items || []; }
  }

  // -- tokens and parser (same grammar and precedence as expressions.lark) ---------------------
  // \w of Python's re is Unicode-aware: [\p{L}\p{N}_] here, so names such as ${größe} agree.
  const TOKEN = /\s*(?:(\$\{\s*[A-Za-z_][\p{L}\p{N}_.\-]*\s*\})|([0-9]+(?:\.[0-9]+)?)|('[^']*'|"[^"]*")|(!=|<=|>=|=|<|>|\+|-|\*|\(|\)|,|\.\.|\.|\/|\[|\])|([A-Za-z_][\p{L}\p{N}_\-]*(?::[A-Za-z_][\p{L}\p{N}_\-]*)?))/uy;
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
        // "0 div (1)": after an operand, or/and/div/mod are operators even before "(" (as lark's contextual lexer)
        const previous = tokens[tokens.length - 1];
        const afterOperand = previous && (previous.type !== "op" || [")", ".", "..", "]"].includes(previous.value));
        const isCall = /^\s*\(/.test(text.slice(TOKEN.lastIndex)) && !(word in KEYWORDS && afterOperand);
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
      if (token.type === "func" && token.value === "instance") return this.instance(token);
      if (token.type === "func") return this.call(token.value, token.start);
      if (token.type === "op" && token.value === "..") return { type: "current", parent: true };
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
    call(name, start) {
      this.next(); // "("
      const args = [];
      if (!this.isOp([")"])) {
        args.push(this.or());
        while (this.isOp([","])) { this.next(); args.push(this.or()); }
      }
      if (!this.isOp([")"])) this.fail();
      this.next();
      if (!(name in FUNCTIONS)) throw new ExpressionError("function not supported: " + name + "()");
      checkCall(name, args, start + 1);
      return { type: "call", name, args };
    }
    instance(token) {
      // instance('list')/root/item[condition]/column, as expressions.lark and check_instance
      this.next(); // "("
      const list = this.next();
      if (!list || list.type !== "string" || !this.isOp([")"])) this.fail();
      this.next();
      const steps = [];
      while (this.isOp(["/"])) {
        this.next();
        const name = this.next();
        if (!name || name.type !== "word") { this.i--; this.fail(); }
        let predicate = null;
        if (this.isOp(["["])) {
          this.next();
          predicate = this.or();
          if (!this.isOp(["]"])) this.fail();
          this.next();
        }
        steps.push({ name: name.value, predicate });
      }
      if (!steps.length) this.fail();
      const names = steps.map((step) => step.name);
      const shapeOk = (steps.length === 2 || steps.length === 3) && names[0] === "root" && names[1] === "item"
        && !steps[0].predicate && (steps.length === 2 || !steps[2].predicate);
      if (!shapeOk) throw new ExpressionError("an instance() path reads instance('list')/root/item[condition]/column");
      return { type: "instance", list: list.value, predicate: steps[1].predicate, column: steps.length > 2 ? steps[2].name : null };
    }
  }

  // (minimum count, maximum count or null, kinds; the last kind repeats), as expression_functions.py
  const SIGNATURES = {
    "selected": [2, 2, ["any", "any"]], "count-selected": [1, 1, ["any"]], "selected-at": [2, 2, ["any", "number"]],
    "string-length": [0, 1, ["any"]], "if": [3, 3, ["any", "any", "any"]], "coalesce": [2, null, ["any"]],
    "concat": [0, null, ["any"]], "join": [2, null, ["any"]], "regex": [2, 2, ["any", "any"]], "today": [0, 0, []],
    "now": [0, 0, []], "count": [1, 1, ["nodeset"]], "sum": [1, 1, ["nodeset"]], "min": [1, null, ["any"]],
    "max": [1, null, ["any"]], "position": [0, 1, ["nodeset"]], "not": [1, 1, ["any"]], "true": [0, 0, []],
    "false": [0, 0, []], "boolean": [1, 1, ["any"]], "boolean-from-string": [1, 1, ["any"]], "number": [1, 1, ["any"]],
    "string": [0, 1, ["any"]], "int": [1, 1, ["number"]], "round": [1, 2, ["number", "number"]],
    "floor": [1, 1, ["number"]], "ceiling": [1, 1, ["number"]], "abs": [1, 1, ["number"]],
    "contains": [2, 2, ["any", "any"]], "starts-with": [2, 2, ["any", "any"]], "ends-with": [2, 2, ["any", "any"]],
    "substr": [2, 3, ["any", "number", "number"]], "normalize-space": [0, 1, ["any"]], "date": [1, 1, ["any"]],
    "once": [1, 1, ["any"]], "indexed-repeat": [3, 3, ["ref", "ref", "number"]], "jr:itext": [1, 1, ["any"]],
    "jr:choice-name": [2, 2, ["any", "any"]],
  };
  const NODESET_NODES = ["ref", "instance", "current"];

  function checkCall(name, args, column) {
    const [low, high, kinds] = SIGNATURES[name];
    if (args.length < low || (high !== null && args.length > high)) {
      throw new ExpressionError(name + "() takes " + (low === high ? "exactly " + low : high === null ? "at least " + low : low + " to " + high)
        + " arguments, not " + args.length + " (character " + column + ")");
    }
    args.forEach((arg, i) => {
      const kind = kinds.length ? kinds[Math.min(i + 1, kinds.length) - 1] : "any";
      const wrong = (kind === "number" && arg.type === "string" && Number.isNaN(toNumber(arg.value)))
        || (kind === "nodeset" && !NODESET_NODES.includes(arg.type))
        || (kind === "ref" && arg.type !== "ref");
      if (wrong) throw new ExpressionError(name + "() expects " + kind + " as argument " + (i + 1) + " (character " + column + ")");
    });
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
  const DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})/;
  const isInstance = (v) => v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof NodeSet);
  const isRepeatList = (v) => Array.isArray(v) && v.every(isInstance);

  // XPath 1.0's string of a number: plain digits, never an exponent; the shortest digits that read
  // back as the number (toExponential(), as Python's repr), placed as format_number does.
  function formatNumber(n) {
    if (Number.isNaN(n)) return "NaN";
    if (!Number.isFinite(n)) return n > 0 ? "Infinity" : "-Infinity";
    if (n === 0) return "0";
    const [mantissa, exponent] = Math.abs(n).toExponential().split("e");
    const [whole, fraction = ""] = mantissa.split(".");
    return (n < 0 ? "-" : "") + plainDecimal(whole + fraction, whole.length + Number(exponent));
  }

  function plainDecimal(digits, point) {
    const stripped = digits.replace(/^0+/, "");
    point -= digits.length - stripped.length;
    digits = stripped.replace(/0+$/, "") || "0";
    if (point <= 0) return "0." + "0".repeat(-point) + digits;
    if (point >= digits.length) return digits + "0".repeat(point - digits.length);
    return digits.slice(0, point) + "." + digits.slice(point);
  }

  // Days since 1970-01-01 of a proleptic Gregorian date and back (H. Hinnant's algorithms), for
  // years 1..9999 as Python's datetime.date; Date.UTC would read years 0..99 as 1900..1999.
  function daysFromCivil(y, m, d) {
    y -= m <= 2 ? 1 : 0;
    const era = Math.floor(y / 400), yoe = y - era * 400;
    const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
    return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
  }
  function civilFromDays(z) {
    z += 719468;
    const era = Math.floor(z / 146097), doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153), d = doy - Math.floor((153 * mp + 2) / 5) + 1, m = mp < 10 ? mp + 3 : mp - 9;
    return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
  }
  const pad = (n, width) => String(n).padStart(width, "0");
  const FIRST_DAY = -719162, LAST_DAY = 2932896;  // 0001-01-01 and 9999-12-31

  function toInt(n) {
    if (Number.isNaN(n)) return 0;
    if (!Number.isFinite(n)) return n > 0 ? MAX_INT : -MAX_INT;
    return Math.max(-MAX_INT, Math.min(MAX_INT, Math.trunc(n)));
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
    const text = toString(value).replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
    const date = DATE.exec(text);
    if (date && (text.length === 10 || text[10] === "T")) {
      const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
      const days = daysFromCivil(y, m, d);
      if (y < 1 || m < 1 || m > 12 || d < 1 || civilFromDays(days)[2] !== d) return NaN;
      return days;
    }
    return /^-?([0-9]+(\.[0-9]*)?|\.[0-9]+)$/.test(text) ? parseFloat(text) : NaN;
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
    return toString(value).split(XML_SPACE).filter((s) => s !== "");
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
      this.instances = (options && options.instances) || {};
    }
    instance(node) {
      const rows = this.instances[node.list] || [];
      const found = [];
      rows.forEach((row, index) => {
        if (node.predicate) {
          const inner = new Context(this.answers, null, { today: this.today, choice: row, instances: this.instances });
          inner.steps = this.steps;
          const verdict = inner.run(node.predicate);
          if (typeof verdict === "number" ? index + 1 !== verdict : !toBool(verdict)) return;
        }
        found.push(node.column === null ? row : asValue(row[node.column]));
      });
      return new NodeSet(found);
    }
    itext(key) {
      for (const rows of Object.values(this.instances)) {
        for (const row of rows) if (row.itextId === key) return row.label === undefined ? "" : row.label;
      }
      return "";
    }
    call(name, fn, args) {
      try { return fn(this, ...args); }
      catch (error) {
        if (error instanceof ExpressionError) throw error;
        throw new ExpressionError(name + "() failed: " + error.message);
      }
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
        case "instance": return this.instance(node);
        case "call": {
          const fn = FUNCTIONS[node.name];
          return this.call(node.name, fn, fn.lazy ? node.args : node.args.map((arg) => this.run(arg)));
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
      return !numbers.length || numbers.some(Number.isNaN) ? NaN : numbers.reduce((a, b) => pick(a, b));
    };
  }
  const strings = (values) => values.flatMap((v) => (v instanceof NodeSet ? v.items.map(toString) : [toString(v)]));
  const trimXml = (text) => text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
  const floor = (n) => (Number.isFinite(n) ? Math.floor(n) : n);
  function lazy(fn) { fn.lazy = true; return fn; }

  const FUNCTIONS = {
    "selected": (ctx, value, choice) => asList(value).includes(trimXml(toString(choice))),
    "count-selected": (ctx, value) => asList(value).length,
    "selected-at": (ctx, value, index) => {
      const list = asList(value), i = toInt(toNumber(index));
      return i >= 0 && i < list.length ? list[i] : "";
    },
    "string-length": (ctx, value) => [...toString(value === undefined ? ctx.current() : value)].length,
    "if": lazy((ctx, c, a, b) => (toBool(ctx.run(c)) ? ctx.run(a) : ctx.run(b))),
    "coalesce": (ctx, ...values) => values.find((v) => toString(v) !== "") ?? "",
    "concat": (ctx, ...values) => strings(values).join(""),
    "join": (ctx, separator, ...values) => strings(values).join(toString(separator)),
    "regex": (ctx, value, pattern) => {
      let re;
      try { re = new RegExp(toString(pattern), "u"); } catch (e) { throw new ExpressionError("regex(): the pattern " + toString(pattern) + " is not a regular expression"); }
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
    "boolean-from-string": (ctx, value) => ["true", "1"].includes(trimXml(toString(value))),
    "number": (ctx, value) => toNumber(value),
    "string": (ctx, value) => toString(value === undefined ? ctx.current() : value),
    "int": (ctx, value) => { const n = toNumber(value); return Number.isFinite(n) ? Math.trunc(n) : n; },
    "round": (ctx, value, digits) => {
      const n = toNumber(value), p = digits === undefined ? 0 : toNumber(digits);
      if (Number.isNaN(p)) return NaN;
      if (!Number.isFinite(n)) return n;
      const places = Math.max(-400, Math.min(400, Math.trunc(p)));
      const factor = Number("1e" + places);  // correctly rounded, as Python's float("1e..")
      if (factor === 0 || !Number.isFinite(factor)) return Number.isFinite(factor) ? 0 : n;
      return floor(n * factor + 0.5) / factor;  // XPath rounds halves up
    },
    "floor": (ctx, value) => floor(toNumber(value)),
    "ceiling": (ctx, value) => { const n = toNumber(value); return Number.isFinite(n) ? Math.ceil(n) : n; },
    "abs": (ctx, value) => Math.abs(toNumber(value)),
    "contains": (ctx, text, part) => toString(text).includes(toString(part)),
    "starts-with": (ctx, text, part) => toString(text).startsWith(toString(part)),
    "ends-with": (ctx, text, part) => toString(text).endsWith(toString(part)),
    "substr": (ctx, value, start, end) => {
      const chars = Array.from(toString(value)), begin = toInt(toNumber(start));  // code points, as Python
      return (end === undefined ? chars.slice(begin) : chars.slice(begin, toInt(toNumber(end)))).join("");
    },
    "normalize-space": (ctx, value) => toString(value === undefined ? ctx.current() : value).split(XML_SPACE).filter(Boolean).join(" "),
    "date": (ctx, value) => {
      const n = toNumber(value);
      if (!Number.isFinite(n)) return "";
      const days = Math.floor(n);
      if (days < FIRST_DAY || days > LAST_DAY) return "";
      const [y, m, d] = civilFromDays(days);
      return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2);
    },
    "once": (ctx, value) => value,
    "indexed-repeat": lazy((ctx, field, repeat, index) => {
      const instances = ctx.lookup(repeat.name), i = toInt(toNumber(ctx.run(index))) - 1;
      if (!(instances instanceof NodeSet) || i < 0 || i >= instances.items.length) return "";
      const item = instances.items[i];
      const value = isInstance(item) ? item[field.name] : "";
      return value === undefined || value === null ? "" : value;
    }),
    "jr:itext": (ctx, value) => ctx.itext(toString(value)),
    "jr:choice-name": (ctx, value, list) => {
      const name = toString(value), row = (ctx.instances[toString(list)] || []).find((r) => r.name === name);
      return row && row.label !== undefined ? row.label : "";
    },
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

  const api = { evaluate, evaluateBool, interpolate, parse, references, toString, toNumber, toBool, NodeSet, ExpressionError, FUNCTIONS, SIGNATURES };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else global.CitydipExpressions = api;
})(typeof window !== "undefined" ? window : this);
