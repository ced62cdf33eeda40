#!/usr/bin/env node
// Holds storekeep-server to server/openapi.yaml:
//  (a) the document is valid OpenAPI, and consistent with the contract's conventions
//      (every shop route documents 401 and 404, every body-taking route 400 and 413, 403 exactly
//      where some role lacks the route's permission);
//  (b) its (method, path template) pairs equal the lines `storekeep-server routes` prints
//      (path parameter names are ignored: /v1/shops/{shop_id}/products/{id} == .../{product_id});
//  (c) every response recorded by tests/server/tst_openapicontract.cpp (JSONL: method, pattern,
//      status, headers, body, request?) is documented for its operation and status and matches
//      the schema; a request the server accepted (2xx) matches the documented request body;
//      with --require-status-coverage, every documented status but 500 was recorded at least
//      once, so the document claims nothing the tests have not seen.
// Every problem is listed; the exit status is 1 when there is any.
//
//   node validate.mjs --spec server/openapi.yaml --server build/bin/storekeep-server \
//                     [--responses build/contract/responses.jsonl] [--coverage]

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import YAML from 'yaml';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const ROOT_ID = 'urn:storekeep:openapi';

// The contract's Roles section: which roles hold each permission (x-required-permission).
const ROLES = ['owner', 'staff', 'warehouse'];
const PERMISSIONS = {
  ReadCatalog: ['owner', 'staff', 'warehouse'],
  WriteCatalog: ['owner', 'staff'],
  ManageLocations: ['owner', 'staff'],
  ReadInventory: ['owner', 'staff', 'warehouse'],
  AdjustInventory: ['owner', 'staff', 'warehouse'],
  ReadCustomers: ['owner', 'staff'],
  WriteCustomers: ['owner', 'staff'],
  ReadOrders: ['owner', 'staff', 'warehouse'],
  WriteOrders: ['owner', 'staff'],
  FulfilOrders: ['owner', 'staff', 'warehouse'],
  ViewRevenue: ['owner'],
  ManageStaff: ['owner'],
  ManageApiTokens: ['owner'],
  ManageShop: ['owner'],
};

function parseArgs(argv) {
  const args = { coverage: false };
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--spec') args.spec = next();
    else if (a === '--server') args.server = next();
    else if (a === '--routes-file') args.routesFile = next();
    else if (a === '--responses') args.responses = next();
    else if (a === '--coverage') args.coverage = true;
    else if (a === '--require-status-coverage') args.requireStatusCoverage = true;
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument ${a}`);
  }
  if (!args.spec) usage('--spec is required');
  if (!args.server && !args.routesFile) usage('--server or --routes-file is required');
  return args;
}

function usage(message) {
  if (message) console.error(`validate.mjs: ${message}`);
  console.error('usage: node validate.mjs --spec openapi.yaml (--server storekeep-server | --routes-file FILE) '
    + '[--responses responses.jsonl] [--coverage] [--require-status-coverage]');
  process.exit(2);
}

// "/v1/shops/{shop_id}/products/{id}" → "/v1/shops/{}/products/{}"
export function normalisePath(path) {
  return path.replace(/\{[^}/]*\}/g, '{}');
}

const routeKey = (method, path) => `${method.toUpperCase()} ${normalisePath(path)}`;

// ---- loading ------------------------------------------------------------------------------

function loadSpec(file) {
  const text = readFileSync(file, 'utf8');
  const doc = YAML.parse(text, { uniqueKeys: true, strict: true });
  if (!doc || typeof doc !== 'object') throw new Error(`${file} is not a YAML mapping`);
  return doc;
}

function serverRoutes(args) {
  const text = args.routesFile
    ? readFileSync(args.routesFile, 'utf8')
    : execFileSync(args.server, ['routes'], { encoding: 'utf8' });
  const routes = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const m = /^([A-Z]+)\s+(\/\S*)$/.exec(trimmed);
    if (!m) throw new Error(`\`storekeep-server routes\` printed a line that is not "METHOD PATTERN": ${trimmed}`);
    routes.push({ method: m[1], path: m[2] });
  }
  return routes;
}

function documentRoutes(doc) {
  const routes = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      if (item[method]) routes.push({ method: method.toUpperCase(), path, item, operation: item[method] });
    }
  }
  return routes;
}

// Follows local $refs ("#/components/responses/X") to the object.
function deref(doc, node, seen = new Set()) {
  if (!node || typeof node !== 'object' || typeof node.$ref !== 'string') return node;
  const ref = node.$ref;
  if (!ref.startsWith('#/')) throw new Error(`non-local $ref ${ref}`);
  if (seen.has(ref)) throw new Error(`$ref cycle at ${ref}`);
  seen.add(ref);
  let target = doc;
  for (const raw of ref.slice(2).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    target = target?.[part];
  }
  if (target === undefined) throw new Error(`$ref ${ref} does not resolve`);
  return deref(doc, target, seen);
}

// ---- (a) the document ---------------------------------------------------------------------

async function checkDocument(doc, problems) {
  const validator = new Validator();
  const result = await validator.validate(doc);
  if (!result.valid) {
    problems.push(`server/openapi.yaml is not a valid OpenAPI ${doc.openapi} document:\n`
      + JSON.stringify(result.errors, null, 2));
    return false;
  }
  // Every $ref anywhere must resolve.
  const walk = (node, where) => {
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, `${where}[${i}]`));
    else if (node && typeof node === 'object') {
      if (typeof node.$ref === 'string') {
        try { deref(doc, node); } catch (e) { problems.push(`${where}: ${e.message}`); }
      }
      for (const [k, v] of Object.entries(node)) if (k !== '$ref') walk(v, `${where}.${k}`);
    }
  };
  walk(doc, '$');

  for (const { method, path, item, operation } of documentRoutes(doc)) {
    const where = `${method} ${path}`;
    const statuses = Object.keys(operation.responses ?? {});
    const permission = operation['x-required-permission'];
    if (!permission) {
      problems.push(`${where}: no x-required-permission`);
      continue;
    }
    const params = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) => deref(doc, p));
    for (const name of [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1])) {
      if (!params.some((p) => p.in === 'path' && p.name === name)) problems.push(`${where}: path parameter {${name}} is not declared`);
    }
    const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
    const isShopRoute = path.startsWith('/v1/shops/{');
    if (!isPublic && !statuses.includes('401')) problems.push(`${where}: a bearer route must document 401`);
    if (isShopRoute && !statuses.includes('404')) problems.push(`${where}: a shop route must document 404 (not a member)`);
    if (operation.requestBody) {
      for (const s of ['400', '413']) {
        if (!statuses.includes(s)) problems.push(`${where}: a route with a body must document ${s}`);
      }
    }
    if (PERMISSIONS[permission]) {
      const someRoleLacks = PERMISSIONS[permission].length < ROLES.length;
      if (someRoleLacks && !statuses.includes('403')) {
        problems.push(`${where}: ${permission} is not held by every role, so 403 must be documented`);
      }
      if (!someRoleLacks && statuses.includes('403')) {
        problems.push(`${where}: every role holds ${permission}, so 403 can never happen and must not be documented`);
      }
    } else if (!['none', 'signed-in user'].includes(permission)) {
      problems.push(`${where}: unknown x-required-permission "${permission}"`);
    }
    if (!statuses.some((s) => /^2\d\d$/.test(s))) problems.push(`${where}: no success response`);
  }
  return true;
}

// ---- (b) routes -----------------------------------------------------------------------------

function checkRoutes(doc, routes, problems) {
  const documented = new Map(documentRoutes(doc).map((r) => [routeKey(r.method, r.path), r]));
  const served = new Map(routes.map((r) => [routeKey(r.method, r.path), r]));
  if (served.size !== routes.length) problems.push('`storekeep-server routes` lists a route twice');
  const missingInDoc = [...served.keys()].filter((k) => !documented.has(k)).sort();
  const missingInServer = [...documented.keys()].filter((k) => !served.has(k)).sort();
  for (const k of missingInDoc) {
    problems.push(`route served but not in server/openapi.yaml: ${served.get(k).method} ${served.get(k).path}`);
  }
  for (const k of missingInServer) {
    problems.push(`route in server/openapi.yaml but not served: ${documented.get(k).method} ${documented.get(k).path}`);
  }
  console.log(`routes: ${served.size} served, ${documented.size} documented, `
    + `${missingInDoc.length} undocumented, ${missingInServer.length} not served`);
}

// ---- (c) recorded responses -------------------------------------------------------------------

function rewriteRefs(node) {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) {
      out[k] = `${ROOT_ID}#/$defs/${v.slice('#/components/schemas/'.length)}`;
    } else {
      out[k] = rewriteRefs(v);
    }
  }
  return out;
}

function makeAjv(doc) {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictTypes: false,   // allOf branches that only add properties are fine
    strictRequired: false, // oneOf: [{required: [a]}, {required: [b]}]
    allowUnionTypes: true,
  });
  addFormats(ajv);
  ajv.addVocabulary(['example', 'discriminator', 'xml', 'externalDocs']);
  ajv.addSchema({ $id: ROOT_ID, $defs: rewriteRefs(doc.components?.schemas ?? {}) });
  const cache = new Map();
  return (schema) => {
    const key = JSON.stringify(schema);
    if (!cache.has(key)) cache.set(key, ajv.compile(rewriteRefs(schema)));
    return cache.get(key);
  };
}

function formatErrors(errors) {
  return (errors ?? []).slice(0, 8).map((e) => `    ${e.instancePath || '/'} ${e.message}`
    + (e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : '')).join('\n');
}

function summarise(body) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function checkResponses(doc, file, routes, problems, showCoverage, requireStatusCoverage) {
  const compile = makeAjv(doc);
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  if (lines.length === 0) {
    problems.push(`${file} holds no recorded responses`);
    return;
  }
  const operations = new Map(documentRoutes(doc).map((r) => [routeKey(r.method, r.path), r]));
  const pathsByShape = new Map(Object.keys(doc.paths ?? {}).map((p) => [normalisePath(p), p]));
  const unrouted = doc['x-storekeep-unrouted-responses']?.responses ?? {};
  const coverage = new Map(); // route key → Set of statuses
  let checked = 0;

  const checkAgainst = (where, response, record) => {
    response = deref(doc, response);
    const headers = record.headers ?? {};
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      const h = deref(doc, header);
      if (h.required && record.headers && headers[name.toLowerCase()] === undefined) {
        problems.push(`${where}: required header ${name} is missing`);
      }
    }
    const media = response.content?.['application/json'];
    const body = record.body ?? '';
    if (!media) {
      if (body !== '') problems.push(`${where}: documented without a body, but the server sent ${summarise(body)}`);
      return;
    }
    let json;
    try {
      json = typeof body === 'string' ? JSON.parse(body) : body;
    } catch {
      problems.push(`${where}: the body is not JSON: ${summarise(body)}`);
      return;
    }
    const validate = compile(media.schema ?? {});
    if (!validate(json)) {
      problems.push(`${where}: the body does not match the documented schema:\n${formatErrors(validate.errors)}\n`
        + `    body: ${summarise(json)}`);
    }
  };

  lines.forEach((line, index) => {
    let record;
    try {
      record = JSON.parse(line);
    } catch {
      problems.push(`${file}:${index + 1}: not JSON`);
      return;
    }
    const status = String(record.status);
    const where = `${record.method} ${record.pattern} → ${status} (${file}:${index + 1}${record.label ? `, ${record.label}` : ''})`;
    const key = routeKey(record.method, record.pattern);
    const route = operations.get(key);
    ++checked;
    if (!route) {
      const path = pathsByShape.get(normalisePath(record.pattern));
      const expected = path ? '405' : '404';
      if (status !== expected || !unrouted[expected]) {
        problems.push(`${where}: no such operation in server/openapi.yaml, and the answer is not the documented `
          + `unrouted ${expected}`);
        return;
      }
      checkAgainst(where, unrouted[expected], record);
      return;
    }
    if (!coverage.has(key)) coverage.set(key, new Set());
    coverage.get(key).add(status);
    const response = route.operation.responses?.[status];
    if (!response) {
      problems.push(`${where}: status ${status} is not documented for this operation `
        + `(documented: ${Object.keys(route.operation.responses ?? {}).join(', ')}); body: ${summarise(record.body ?? '')}`);
      return;
    }
    checkAgainst(where, response, record);
    // A request the server accepted must match the documented request body.
    const requestSchema = deref(doc, route.operation.requestBody)?.content?.['application/json']?.schema;
    if (/^2/.test(status) && requestSchema && record.request !== undefined && !record.request_invalid) {
      const validate = compile(requestSchema);
      if (!validate(record.request)) {
        problems.push(`${where}: the server accepted a request that the documented request body refuses:\n`
          + `${formatErrors(validate.errors)}\n    request: ${summarise(record.request)}`);
      }
    }
  });

  // Every route must have been exercised, and every documented status is reported.
  const missing = [];
  const lines2 = [];
  for (const r of routes) {
    const key = routeKey(r.method, r.path);
    const seen = coverage.get(key);
    const documented = Object.keys(operations.get(key)?.operation.responses ?? {});
    if (!seen) missing.push(`${r.method} ${r.path}`);
    // 500 is documented everywhere and must never be provoked.
    const covered = documented.filter((s) => seen?.has(s));
    const uncovered = documented.filter((s) => s !== '500' && !seen?.has(s));
    if (seen && requireStatusCoverage && uncovered.length) {
      problems.push(`${r.method} ${r.path}: documented status(es) ${uncovered.join(', ')} never recorded; `
        + 'exercise them in tst_openapicontract or drop them from the document');
    }
    lines2.push(`  ${`${r.method} ${r.path}`.padEnd(52)} covered ${covered.join(',') || '-'}`
      + (uncovered.length ? `   not exercised ${uncovered.join(',')}` : ''));
  }
  for (const m of missing) problems.push(`no recorded response for route ${m}`);
  console.log(`responses: ${checked} recorded responses checked against the document`);
  if (showCoverage) console.log(`coverage per route (documented statuses):\n${lines2.join('\n')}`);
}

// Every request and response schema must compile (Ajv strict mode catches typos in keywords).
function compileAll(doc, problems) {
  const compile = makeAjv(doc);
  let count = 0;
  const tryCompile = (where, schema) => {
    try {
      compile(schema);
      ++count;
    } catch (e) {
      problems.push(`${where}: the schema does not compile: ${e.message}`);
    }
  };
  for (const name of Object.keys(doc.components?.schemas ?? {})) {
    tryCompile(`components.schemas.${name}`, { $ref: `#/components/schemas/${name}` });
  }
  for (const { method, path, operation } of documentRoutes(doc)) {
    const request = deref(doc, operation.requestBody)?.content?.['application/json']?.schema;
    if (request) tryCompile(`${method} ${path} request`, request);
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      const schema = deref(doc, response).content?.['application/json']?.schema;
      if (schema) tryCompile(`${method} ${path} ${status}`, schema);
    }
  }
  console.log(`schemas: ${count} compiled`);
}

// ---- main -----------------------------------------------------------------------------------

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const problems = [];
  const doc = loadSpec(args.spec);
  const valid = await checkDocument(doc, problems);
  const routes = serverRoutes(args);
  checkRoutes(doc, routes, problems);
  if (valid) compileAll(doc, problems);
  if (valid && args.responses) {
    checkResponses(doc, args.responses, routes, problems, args.coverage, args.requireStatusCoverage);
  }
  if (problems.length) {
    console.error(`\n${problems.length} contract problem(s):`);
    for (const p of problems) console.error(`- ${p}`);
    process.exit(1);
  }
  console.log('contract: OK');
}

main().catch((e) => {
  console.error(`validate.mjs: ${e.stack ?? e}`);
  process.exit(1);
});
