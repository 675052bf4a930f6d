// Checks a report the way the programs that read it would, for tests/tool/ (run by the Rust tests):
//
//   node validate.mjs har REPORT.har REPORT.json
//     the HAR against HAR 1.2's JSON Schema (har-schema, with ajv), then the rules of the HAR 1.2 text that
//     the schema does not spell out (an entry's time is the sum of its known timings; send, wait and
//     receive are never -1; a body's size is its length), then that it holds every exchange of the JSON
//     report, in order, with the same request and answer;
//   node validate.mjs json REPORT.json SCHEMA.json
//     the JSON report against its published schema (report.schema.json), every property known.
//
// Prints what is wrong and exits 1, or prints one line and exits 0.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
const [, , kind, file, other] = process.argv;
const problems = [];
const read = (path) => JSON.parse(readFileSync(path, 'utf8'));

function ajvFor(draft6) {
  // har-schema uses keywords of its own ("optional", "min"), hence strict: false; the rules "min" meant are
  // checked below by hand.
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
  addFormats(ajv);
  if (draft6) ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
  return ajv;
}

function schemaErrors(validate, data) {
  if (validate(data)) return;
  for (const error of validate.errors.slice(0, 20)) {
    problems.push(`${error.instancePath || '/'}: ${error.message} ${JSON.stringify(error.params)}`);
  }
}

function checkHar(har, report) {
  const ajv = ajvFor(true);
  const schemas = require('har-schema');
  for (const [name, schema] of Object.entries(schemas)) {
    if (name !== 'har') ajv.addSchema(schema);
  }
  schemaErrors(ajv.compile(schemas.har), har);
  const entries = har.log.entries;
  if (har.log.version !== '1.2') problems.push(`log.version is ${har.log.version}, not 1.2`);
  if (!har.log.creator.name.startsWith('cognito-idp-conformance')) problems.push('log.creator is not the tool');
  if (entries.length !== report.exchanges.length) {
    problems.push(`${entries.length} entries for ${report.exchanges.length} exchanges`);
  }
  entries.forEach((entry, i) => {
    const where = `entries[${i}]`;
    const t = entry.timings;
    for (const phase of ['send', 'wait', 'receive']) {
      if (!(t[phase] >= 0)) problems.push(`${where}.timings.${phase} is ${t[phase]}: HAR 1.2 wants a value, not -1`);
    }
    for (const phase of ['blocked', 'dns', 'connect', 'ssl']) {
      if (t[phase] !== undefined && !(t[phase] >= -1)) problems.push(`${where}.timings.${phase} is ${t[phase]}`);
    }
    const sum = ['blocked', 'dns', 'connect', 'send', 'wait', 'receive']
      .map((p) => t[p]).filter((v) => v !== undefined && v !== -1).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - entry.time) > 1e-6) problems.push(`${where}.time ${entry.time} is not the sum of its timings ${sum}`);
    if (Number.isNaN(Date.parse(entry.startedDateTime))) problems.push(`${where}.startedDateTime is not a date`);
    const exchange = report.exchanges[i];
    if (!exchange) return;
    if (entry.request.url !== exchange.request.url || entry.request.method !== exchange.request.method) {
      problems.push(`${where}.request is not exchange ${i}'s`);
    }
    if (entry.request.bodySize !== exchange.request.body.size) problems.push(`${where}.request.bodySize`);
    if (exchange.request.body.size > 0 && entry.request.postData.text !== exchange.request.body.text) {
      problems.push(`${where}.request.postData.text is not the body sent`);
    }
    const response = entry.response;
    if (exchange.response) {
      if (response.status !== exchange.response.status) problems.push(`${where}.response.status`);
      if (response.content.size !== exchange.response.body.size) problems.push(`${where}.response.content.size`);
      if (exchange.response.body.size > 0 && response.content.text !== exchange.response.body.text) {
        problems.push(`${where}.response.content.text is not the body received`);
      }
      if (response.headers.length !== exchange.response.headers.length) problems.push(`${where}.response.headers`);
    } else if (response.status !== 0 || typeof response._error !== 'string') {
      problems.push(`${where}: an exchange without an answer is status 0 with _error`);
    }
    if (!entry.comment || !entry.comment.startsWith(exchange.probe)) problems.push(`${where}.comment does not name its probe`);
  });
  return `${entries.length} entries`;
}

function checkReport(report, schema) {
  // Every object closed, so that a field the schema does not document fails.
  const close = (node) => {
    if (Array.isArray(node)) { node.forEach(close); return; }
    if (node === null || typeof node !== 'object') return;
    if (node.type === 'object' && node.properties && node.additionalProperties === undefined) node.additionalProperties = false;
    Object.values(node).forEach(close);
  };
  close(schema);
  const ajv = ajvFor(false);
  // schemars names Rust's number types as formats; they are ranges, checked here as such.
  for (const name of ['uint', 'uint8', 'uint16', 'uint32', 'uint64', 'int32', 'int64']) {
    ajv.addFormat(name, { type: 'number', validate: (n) => Number.isInteger(n) && (!name.startsWith('u') || n >= 0) });
  }
  ajv.addFormat('double', { type: 'number', validate: (n) => Number.isFinite(n) });
  schemaErrors(ajv.compile(schema), report);
  return `${report.expectations.length} expectations, ${report.exchanges.length} exchanges`;
}

let what;
if (kind === 'har') what = checkHar(read(file), read(other));
else if (kind === 'json') what = checkReport(read(file), read(other));
else {
  console.error('usage: node validate.mjs har REPORT.har REPORT.json | json REPORT.json SCHEMA.json');
  process.exit(2);
}
if (problems.length > 0) {
  console.error(`${file} is not valid (${problems.length} problems):\n${problems.slice(0, 40).join('\n')}`);
  process.exit(1);
}
console.log(`${file}: valid ${kind} (${what})`);
