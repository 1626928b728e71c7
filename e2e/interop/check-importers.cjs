// Runs the CSV files Two Hats' Linear and Jira profiles wrote (e2e/interop/*-export.csv,
// kept equal to the export by tests/interop_export.rs) through Linear's own open-source
// importer, `@linear/import`, and checks that what it parses equals what Two Hats holds
// (e2e/interop/*-expected.json, written from the model, not from the CSV).
//
// The package publishes only its CLI: one bundle, dist/cli.cjs, whose last section
// (`src/cli.ts`) prompts for an API key and uploads to Linear. Everything above it is
// the importers themselves, so this loads the bundle's own code up to that section and
// calls the importer classes' `import()`, which only reads the file (csvtojson plus the
// importer's mapping) and returns `{ issues, labels, users, statuses }`: no network, no
// key, no copy of Linear's code here.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const assert = require('assert/strict');
const { createRequire } = require('module');

function importerClasses() {
  const pkg = path.dirname(require.resolve('@linear/import/package.json'));
  const bundle = path.join(pkg, 'dist', 'cli.cjs');
  const source = fs.readFileSync(bundle, 'utf8');
  const cli = source.indexOf('//#region src/cli.ts');
  assert.ok(cli > 0, `${bundle}: no "src/cli.ts" section; the bundle's layout changed`);
  const body = `${source.slice(0, cli)}\nmodule.exports = { LinearCsvImporter, JiraCsvImporter };`;
  const module = { exports: {} };
  const wrapped = vm.runInThisContext(`(function (require, module, exports) {${body}\n})`, {
    filename: bundle,
  });
  wrapped(createRequire(bundle), module, module.exports);
  return module.exports;
}

const here = (name) => path.join(__dirname, name);
const expected = (name) => JSON.parse(fs.readFileSync(here(name), 'utf8'));

async function checkLinear({ LinearCsvImporter }) {
  const want = expected('linear-expected.json');
  const { issues } = await new LinearCsvImporter(here('linear-export.csv')).import();
  assert.equal(issues.length, want.length, 'one issue per feature and item');
  issues.forEach((got, n) => {
    const w = want[n];
    const at = `Linear row ${n + 2} (${w.title})`;
    assert.equal(got.title, w.title, `${at}: title`);
    assert.equal(got.description, w.description, `${at}: description`);
    assert.equal(got.estimate ?? null, w.estimate, `${at}: estimate`);
    assert.equal(got.priority, w.priority, `${at}: priority`);
    assert.equal(got.status, w.status, `${at}: status`);
    assert.deepEqual(got.labels, w.labels, `${at}: labels`);
  });
  return issues.length;
}

// Linear's Jira reader reads Jira's *export* (Issue key, `Custom field (Story point
// estimate)`), not the importer's columns Two Hats writes: it finds no estimate, and
// keeps the `'` that protects a formula-like title, as a spreadsheet shows it.
async function checkJira({ JiraCsvImporter }) {
  const want = expected('jira-expected.json');
  const { issues } = await new JiraCsvImporter(here('jira-export.csv'), 'example').import();
  assert.equal(issues.length, want.length, 'one issue per epic and item');
  issues.forEach((got, n) => {
    const w = want[n];
    const at = `Jira row ${n + 2} (${w.title})`;
    const formula = /^[=+@\t\r]|^-(?!\s)(?!\d+(\.\d+)?$)/.test(w.title);
    assert.equal(got.title, formula ? `'${w.title}` : w.title, `${at}: title`);
    assert.deepEqual(got.labels, [`Type: ${w.type}`], `${at}: type`);
    assert.equal(got.priority, w.priority, `${at}: priority`);
    assert.equal(got.status, w.status, `${at}: status`);
    assert.equal(got.estimate, undefined, `${at}: estimate (the reader wants the export's column)`);
    for (const text of w.texts.filter((t) => t.trim() !== '')) {
      assert.ok(got.description.includes(text.trim()), `${at}: description has ${JSON.stringify(text)}:\n${got.description}`);
    }
  });
  return issues.length;
}

(async () => {
  const classes = importerClasses();
  const linear = await checkLinear(classes);
  const jira = await checkJira(classes);
  const version = require('@linear/import/package.json').version;
  console.log(`@linear/import ${version}: Linear CSV ${linear} issues and Jira CSV ${jira} issues read back as exported`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
