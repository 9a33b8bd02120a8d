#!/usr/bin/env node
// Control Tower gate: runs the AWS Control Tower proactive controls (the cfn-guard rules that
// @cdklabs/cdk-validator-cfnguard ships under rules/control-tower/) over synthesized CloudFormation templates, with the
// cfn-guard binary that package ships.
//
//   node controltower.js <dir-or-template.json>... [--json]
//
// Every `*.template.json` in a directory tree (or each file named) is one configuration, named after the file. A
// control applies to a template when the template holds a resource of a type the control evaluates (its metadata's
// EvaluatedResourceTypes); only those are run. Each applicable control ends as
//   passed         cfn-guard found it compliant,
//   failed         cfn-guard found it not compliant (each failing resource is listed),
//   not applicable cfn-guard skipped it (the control's own conditions select none of the template's resources).
// Controls that evaluate no resource type of the template are not run and not counted.
//
// One line per failing control and resource is printed as
//
//   <configuration> <control> <resource> <type>: <control's title>
//
// then one summary line per configuration; the process exits 1 when any control failed (2 on a usage or run error).
// With --json the result is one JSON document instead (see `report` below).
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { templatesFrom, configurationName } = require('./templates');

const PACKAGE = '@cdklabs/cdk-validator-cfnguard';
// cfn-guard's exit codes: 0 every rule passed or was skipped, 19 some rule failed; anything else is an error.
const GUARD_PASS = 0;
const GUARD_FAIL = 19;

function usage(message) {
  process.stderr.write(`${message}\nusage: node controltower.js <directory-or-template.json>... [--json]\n`);
  process.exit(2);
}

function packageRoot() {
  return path.dirname(require.resolve(`${PACKAGE}/package.json`));
}

function guardBinary(root) {
  const platform = { linux: 'ubuntu', darwin: 'macos' }[process.platform];
  const architecture = { x64: 'x86_64', arm64: 'aarch64' }[process.arch];
  if (!platform || !architecture) usage(`${PACKAGE} ships cfn-guard for Linux and macOS on x64 and arm64, not ${process.platform}/${process.arch}`);
  return path.join(root, 'bin', platform, architecture, 'cfn-guard');
}

// The primary rules of a Control Tower guard file: `rule <name> when is_cfn_template(...)` (and its hook twin).
const PRIMARY_RULE = /^rule\s+([A-Za-z0-9_]+)\s+when\s+is_cfn_(?:template|hook)\b/gm;

// Every control of the package: its id, title, fix, the resource types it evaluates, its guard file and the names of
// its primary rules (what cfn-guard reports it as).
function loadControls(root) {
  const rulesRoot = path.join(root, 'rules', 'control-tower');
  const controls = [];
  for (const service of fs.readdirSync(path.join(rulesRoot, 'cfn-guard')).sort()) {
    for (const file of fs.readdirSync(path.join(rulesRoot, 'cfn-guard', service)).sort()) {
      if (!file.endsWith('.guard')) continue;
      const base = file.slice(0, -'.guard'.length);
      const guardFile = path.join(rulesRoot, 'cfn-guard', service, file);
      const metadataFile = path.join(rulesRoot, 'metadata', service, `${base}.metadata.json`);
      if (!fs.existsSync(metadataFile)) usage(`${guardFile} has no metadata file ${metadataFile}`);
      const metadata = JSON.parse(fs.readFileSync(metadataFile, 'utf8'));
      const ruleNames = [...new Set([...fs.readFileSync(guardFile, 'utf8').matchAll(PRIMARY_RULE)].map((m) => m[1]))];
      if (ruleNames.length !== 1) usage(`${guardFile}: expected one primary rule name, found [${ruleNames.join(', ')}]`);
      controls.push({
        id: metadata.Id,
        title: metadata.DisplayName,
        fix: metadata.RemediationMessage,
        severity: metadata.Severity,
        types: metadata.EvaluatedResourceTypes,
        guardFile,
        ruleName: ruleNames[0],
      });
    }
  }
  return controls;
}

// Controls that share a primary rule name cannot run in one cfn-guard process (its report names rules, not files):
// split them into batches of distinct names. The Control Tower rules that apply to one stack rarely collide, so this is
// one batch in practice.
function batches(controls) {
  const result = [];
  for (const control of controls) {
    let batch = result.find((b) => !b.some((c) => c.ruleName === control.ruleName));
    if (!batch) result.push(batch = []);
    batch.push(control);
  }
  return result;
}

// Every `/Resources/<logical id>` a failing check points at, wherever cfn-guard nests it. cfn-guard writes each place
// it looked as `{ path, value }`, where `value` is the template's own content there: read the path, not the content.
function failingResources(node, found = new Set()) {
  if (Array.isArray(node)) {
    for (const item of node) failingResources(item, found);
  } else if (node && typeof node === 'object') {
    if (typeof node.path === 'string' && 'value' in node) {
      const match = /^\/Resources\/([^/]+)/.exec(node.path);
      if (match) found.add(match[1]);
      return found;
    }
    for (const value of Object.values(node)) failingResources(value, found);
  }
  return found;
}

function runGuard(guard, batch, templates) {
  const args = ['validate'];
  for (const control of batch) args.push('--rules', control.guardFile);
  for (const template of templates) args.push('--data', template.file);
  args.push('--output-format', 'json', '--structured', '--show-summary', 'none');
  const run = spawnSync(guard, args, { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  if (run.error) throw new Error(`cannot run ${guard}: ${run.error.message}`);
  if (run.status !== GUARD_PASS && run.status !== GUARD_FAIL) {
    throw new Error(`cfn-guard exited ${run.status}:\n${run.stderr}${run.stdout.slice(0, 2000)}`);
  }
  return JSON.parse(run.stdout);
}

function check(files) {
  const root = packageRoot();
  const guard = guardBinary(root);
  const controls = loadControls(root);

  const templates = files.map((file) => {
    const template = JSON.parse(fs.readFileSync(file, 'utf8'));
    const resources = template.Resources || {};
    const types = new Set(Object.values(resources).map((r) => r.Type));
    return {
      file,
      configuration: configurationName(file),
      resources,
      applicable: controls.filter((c) => c.types.some((t) => types.has(t))),
    };
  });

  const results = new Map(templates.map((t) => [t.file, { passed: [], failed: [], notApplicable: [] }]));
  const failures = [];
  const applicable = [...new Set(templates.flatMap((t) => t.applicable))];
  for (const batch of batches(applicable)) {
    const targets = templates.filter((t) => t.applicable.some((c) => batch.includes(c)));
    for (const report of runGuard(guard, batch, targets)) {
      const template = templates.find((t) => t.file === path.resolve(report.name));
      if (!template) throw new Error(`cfn-guard reported on ${report.name}, which was not checked`);
      const result = results.get(template.file);
      const notCompliant = new Map((report.not_compliant || []).map((n) => [n.Rule.name, n]));
      const compliant = new Set(report.compliant || []);
      for (const control of batch.filter((c) => template.applicable.includes(c))) {
        if (notCompliant.has(control.ruleName)) {
          result.failed.push(control.id);
          const resources = [...failingResources(notCompliant.get(control.ruleName).Rule.checks)].sort();
          for (const resource of resources.length > 0 ? resources : ['(template)']) {
            const definition = template.resources[resource];
            failures.push({
              configuration: template.configuration,
              control: control.id,
              resource,
              type: definition ? definition.Type : '',
              path: (definition && definition.Metadata && definition.Metadata['aws:cdk:path']) || '',
              title: control.title,
              fix: control.fix,
            });
          }
        } else if (compliant.has(control.ruleName)) {
          result.passed.push(control.id);
        } else {
          result.notApplicable.push(control.id);
        }
      }
    }
  }

  const byId = (a, b) => a.localeCompare(b, 'en', { numeric: true });
  return {
    guardVersion: guardVersion(root),
    package: `${PACKAGE}@${require(`${PACKAGE}/package.json`).version}`,
    controls: controls.length,
    configurations: templates.map((t) => {
      const r = results.get(t.file);
      return {
        configuration: t.configuration,
        template: t.file,
        applicable: t.applicable.map((c) => c.id).sort(byId),
        passed: r.passed.sort(byId),
        failed: r.failed.sort(byId),
        notApplicable: r.notApplicable.sort(byId),
      };
    }),
    failures: failures.sort((a, b) => a.configuration.localeCompare(b.configuration) || byId(a.control, b.control) || a.resource.localeCompare(b.resource)),
  };
}

function guardVersion(root) {
  const file = path.join(root, 'guard-version.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).version : 'unknown';
}

function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const inputs = args.filter((a) => a !== '--json');
  if (inputs.length === 0) usage('no templates given');

  let report;
  try {
    report = check(templatesFrom(inputs, usage));
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }

  if (json) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } else {
    for (const f of report.failures) {
      process.stdout.write(`${f.configuration} ${f.control} ${f.resource} ${f.type}: ${f.title}${f.path ? ` (${f.path})` : ''}\n`);
    }
    for (const c of report.configurations) {
      process.stdout.write(`${c.configuration}: ${c.applicable.length} applicable, ${c.passed.length} passed, ` +
        `${c.failed.length} failed${c.failed.length ? ` (${c.failed.join(', ')})` : ''}, ${c.notApplicable.length} not applicable\n`);
    }
    process.stdout.write(`${report.failures.length} failing resource(s) in ${report.configurations.filter((c) => c.failed.length).length} ` +
      `of ${report.configurations.length} configuration(s); ${report.package}, cfn-guard ${report.guardVersion}, ${report.controls} controls\n`);
  }
  process.exitCode = report.failures.length > 0 ? 1 : 0;
}

main();
