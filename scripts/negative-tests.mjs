#!/usr/bin/env node
// Negative tests generated from the merged OpenAPI document: for every operation, requests that
// must be refused (bad path ids, wrong query types, malformed JSON, wrong content type, missing
// required fields, wrong types, too-long strings, out-of-range numbers, bad enum values), sent
// through the gateway to the running suite. Passes when no answer is 5xx, every 4xx is
// application/problem+json, and a refusal of one field's value names that field.
//
//   node scripts/negative-tests.mjs [BASE_URL]      (default http://127.0.0.1:8080)
//
// Environment: TOKEN (a city-admin token, so that validation is reached rather than 403), TOKENS
// (more tokens of other roles, tried when one is refused), REPORT (file for the summary as JSON). Needs Node.js 18 or newer (global fetch); no packages.

const BASE = (process.argv[2] || process.env.BASE || "http://127.0.0.1:8080").replace(/\/+$/, "");
const TOKEN = process.env.TOKEN || "";
// More tokens (space-separated), tried in turn when a role is refused (403), so that requests
// reach the validation of operations that city-admin may not call (e.g. a school's draft).
const TOKENS = [TOKEN, ...(process.env.TOKENS || "").split(/\s+/)].filter((t) => t);
const PROBLEM = "application/problem+json";
const TIMEOUT_MS = 10_000;

const doc = await (await fetch(`${BASE}/openapi/merged.json`)).json();
const schemas = (doc.components && doc.components.schemas) || {};

function resolve(schema, depth = 0) {
  if (!schema || depth > 20) return schema || {};
  if (schema.$ref) {
    const name = schema.$ref.replace("#/components/schemas/", "");
    return resolve(schemas[name], depth + 1);
  }
  if (schema.allOf && schema.allOf.length === 1 && !schema.properties) {
    return resolve(schema.allOf[0], depth + 1);
  }
  return schema;
}

function typeOf(schema) {
  const s = resolve(schema);
  if (Array.isArray(s.type)) return s.type.find((t) => t !== "null") || "string";
  return s.type || (s.properties ? "object" : s.enum ? "string" : undefined);
}

// A plausible valid value: the example when there is one, else something of the right shape.
function sample(schema, depth = 0) {
  const s = resolve(schema);
  if (s.example !== undefined && s.example !== "null") return s.example;
  if (s.enum && s.enum.length) return s.enum[0];
  switch (typeOf(s)) {
    case "integer":
      return s.minimum !== undefined ? s.minimum : 1;
    case "number":
      return s.minimum !== undefined ? s.minimum : 1;
    case "boolean":
      return false;
    case "array":
      return depth > 4 ? [] : [sample(s.items, depth + 1)];
    case "object": {
      const out = {};
      for (const [k, v] of Object.entries(s.properties || {})) {
        if (depth < 5) out[k] = sample(v, depth + 1);
      }
      return out;
    }
    default:
      if (s.format === "date") return "2026-06-30";
      if (s.format === "date-time") return "2026-06-30T08:00:00+08:00";
      return "x";
  }
}

// Values that break the schema of one field, each with what it tests.
function invalidValues(schema) {
  const s = resolve(schema);
  const out = [];
  const t = typeOf(s);
  if (t === "integer" || t === "number") {
    out.push(["wrong type", "not-a-number"]);
    if (s.maximum !== undefined) out.push(["above maximum", s.maximum + 1]);
    if (s.minimum !== undefined) out.push(["below minimum", s.minimum - 1]);
  } else if (t === "boolean") {
    out.push(["wrong type", "not-a-boolean"]);
  } else if (t === "array") {
    out.push(["wrong type", { not: "an array" }]);
  } else if (t === "object") {
    out.push(["wrong type", ["not", "an", "object"]]);
  } else if (t === "string") {
    out.push(["wrong type", { not: "a string" }]);
    if (s.enum) out.push(["bad enum", "NOT_A_VALUE"]);
    if (s.maxLength !== undefined && s.maxLength < 100_000) {
      out.push(["too long", "x".repeat(s.maxLength + 1)]);
    }
    if (s.format === "date") out.push(["bad date", "2026-13-45"]);
  }
  return out;
}

function paramValue(p) {
  const s = resolve(p.schema);
  if (p.example !== undefined) return String(p.example);
  return String(sample(s));
}

const results = [];
const byStatus = {};
const failures = [];

async function send(op, label, { path, query = {}, headers = {}, body, field }) {
  const url = new URL(BASE + path);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  let status;
  let contentType = "";
  let text = "";
  const tokens = TOKENS.length ? TOKENS : [""];
  let waited = 0;
  for (let attempt = 0; attempt < tokens.length; attempt++) {
    const token = tokens[attempt];
    const h = { Accept: "application/json", ...headers };
    if (token) h.Authorization = `Bearer ${token}`;
    try {
      const res = await fetch(url, {
        method: op.method.toUpperCase(),
        headers: h,
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: "manual",
      });
      status = res.status;
      contentType = res.headers.get("content-type") || "";
      text = await res.text();
      if (status === 429 && waited < 120) {
        // The gateway's rate limit: wait as told and send the same request again.
        const seconds = Math.min(60, Number(res.headers.get("retry-after") || "5"));
        waited += seconds;
        await new Promise((r) => setTimeout(r, seconds * 1000));
        attempt--;
        continue;
      }
    } catch (e) {
      status = "error";
      text = String(e);
    }
    if (status !== 403) break;
  }
  byStatus[status] = (byStatus[status] || 0) + 1;
  const problems = [];
  if (status === "error") problems.push(`no answer: ${text}`);
  else if (status >= 500) problems.push(`server error ${status}`);
  else if (status >= 400) {
    if (!contentType.startsWith(PROBLEM)) problems.push(`${status} is ${contentType || "no content type"}, not ${PROBLEM}`);
    if (field && (status === 400 || status === 422)) {
      const leaf = field.split(".").pop();
      if (!text.includes(leaf)) problems.push(`${status} does not name the field ${field}`);
    }
  } else if (field || label.startsWith("body:") || label.startsWith("query:") || label.startsWith("path:")) {
    problems.push(`accepted with ${status}`);
  }
  const r = { op: `${op.method.toUpperCase()} ${op.path}`, case: label, status };
  results.push(r);
  if (problems.length) failures.push({ ...r, problems, answer: text.slice(0, 300) });
}

const ops = [];
for (const [path, item] of Object.entries(doc.paths || {})) {
  for (const method of ["get", "post", "put", "patch", "delete"]) {
    if (item[method]) ops.push({ path, method, spec: item[method], shared: item.parameters || [] });
  }
}

for (const op of ops) {
  const params = [...op.shared, ...(op.spec.parameters || [])];
  const pathParams = params.filter((p) => p.in === "path");
  const queryParams = params.filter((p) => p.in === "query");
  const fill = (overrides = {}) =>
    op.path.replace(/\{([^}]+)\}/g, (_, name) => {
      if (name in overrides) return encodeURIComponent(overrides[name]);
      const p = pathParams.find((x) => x.name === name);
      return encodeURIComponent(p ? paramValue(p) : "1");
    });
  const requiredQuery = {};
  for (const q of queryParams.filter((q) => q.required)) requiredQuery[q.name] = paramValue(q);
  // Any required header (e.g. If-Match) gets a syntactically valid value so the body is reached.
  const headers = {};
  for (const hp of params.filter((p) => p.in === "header" && p.required)) headers[hp.name] = paramValue(hp);

  // Path ids of the wrong shape.
  for (const p of pathParams) {
    const t = typeOf(p.schema);
    const bad = t === "integer" || t === "number" ? "not-a-number" : "%00bad%22id";
    await send(op, `path:${p.name}`, { path: fill({ [p.name]: bad }), query: requiredQuery, headers });
  }
  // Query parameters of the wrong type or value.
  for (const q of queryParams) {
    for (const [what, value] of invalidValues(q.schema)) {
      if (typeof value === "object") continue; // a query string is text; type errors below
      await send(op, `query:${q.name} ${what}`, {
        path: fill(),
        query: { ...requiredQuery, [q.name]: String(value) },
        headers,
        field: q.name,
      });
    }
  }
  const json = op.spec.requestBody && op.spec.requestBody.content && op.spec.requestBody.content["application/json"];
  if (!json) continue;
  const bodySchema = resolve(json.schema);
  const jsonHeaders = { ...headers, "Content-Type": "application/json" };
  await send(op, "body: malformed JSON", { path: fill(), query: requiredQuery, headers: jsonHeaders, body: '{"a":' });
  await send(op, "body: wrong content type", {
    path: fill(),
    query: requiredQuery,
    headers: { ...headers, "Content-Type": "text/plain" },
    body: "plain text",
  });
  if (typeOf(bodySchema) !== "object") continue;
  const valid = sample(bodySchema);
  for (const name of bodySchema.required || []) {
    const body = { ...valid };
    delete body[name];
    await send(op, `body: missing ${name}`, { path: fill(), query: requiredQuery, headers: jsonHeaders, body: JSON.stringify(body), field: name });
  }
  for (const [name, propSchema] of Object.entries(bodySchema.properties || {})) {
    for (const [what, value] of invalidValues(propSchema)) {
      const body = { ...valid, [name]: value };
      await send(op, `body: ${name} ${what}`, { path: fill(), query: requiredQuery, headers: jsonHeaders, body: JSON.stringify(body), field: name });
    }
  }
  await send(op, "body: unknown field", {
    path: fill(),
    query: requiredQuery,
    headers: jsonHeaders,
    body: JSON.stringify({ ...valid, noSuchField: 1 }),
    field: "noSuchField",
  });
}

const summary = { base: BASE, operations: ops.length, requests: results.length, byStatus, failures: failures.length };
console.log(`Negative tests: ${results.length} requests over ${ops.length} operations; by status ${JSON.stringify(byStatus)}`);
for (const f of failures.slice(0, 60)) {
  console.log(`FAIL ${f.op} [${f.case}] → ${f.status}: ${f.problems.join("; ")}\n     ${f.answer.replace(/\s+/g, " ")}`);
}
if (failures.length > 60) console.log(`… and ${failures.length - 60} more`);
if (process.env.REPORT) {
  const fs = await import("node:fs");
  fs.writeFileSync(process.env.REPORT, JSON.stringify({ ...summary, failureList: failures }, null, 2));
}
process.exit(failures.length ? 1 : 0);
