#!/usr/bin/env node
// Compliance gate: runs the cdk-nag AwsSolutions and Serverless packs over synthesized CloudFormation templates.
//
//   node nag.js <dir-or-template.json>... [--json]
//
// Every `*.template.json` in a directory tree (or each file named) is one configuration, named after the file
// (`defaults.template.json` -> `defaults`). Each is loaded with CfnInclude into its own Stack and every resource is
// checked by both packs. Unsuppressed errors and warnings are printed one per line as
//
//   <configuration> <rule> <resource> <message>
//
// and the process exits 1 when there is any (2 on a usage or load error). Suppressions are honoured only per
// resource, from the resource's own `Metadata.cdk_nag.rules_to_suppress` (what `NagSuppressions.addResourceSuppressions`
// writes), and each needs a reason; they are listed with that reason but do not fail the run. A template-level
// `Metadata.cdk_nag` (a stack-wide suppression) is itself reported as a finding: it would hide defaults.
// With --json the result is printed as one JSON document instead (see `report` below).
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { App, Stack, CfnResource } = require('aws-cdk-lib');
const { CfnInclude } = require('aws-cdk-lib/cloudformation-include');
const { Runtime, RuntimeFamily } = require('aws-cdk-lib/aws-lambda');
const { AwsSolutionsChecks, ServerlessChecks, NagMessageLevel } = require('cdk-nag');
const { templatesFrom, configurationName } = require('./templates');

// Serverless-LambdaLatestVersion compares a function's runtime with the newest one aws-cdk-lib knows in that family.
// aws-cdk-lib 2.160.0 predates these managed runtimes, so without them the rule would flag the newest runtime and
// accept an older one. Constructing a Runtime registers it in Runtime.ALL; that makes the check stricter, not looser.
const RUNTIMES_NEWER_THAN_AWS_CDK_LIB = [
  ['dotnet10', RuntimeFamily.DOTNET_CORE],
  ['python3.13', RuntimeFamily.PYTHON],
];
for (const [name, family] of RUNTIMES_NEWER_THAN_AWS_CDK_LIB) {
  if (!Runtime.ALL.some((r) => r.name === name)) new Runtime(name, family);
}


function usage(message) {
  process.stderr.write(`${message}\nusage: node nag.js <directory-or-template.json>... [--json]\n`);
  process.exit(2);
}

function cdkPathOf(resource) {
  const metadata = resource.cfnOptions.metadata || {};
  return metadata['aws:cdk:path'] || '';
}

// Collects what the packs report through cdk-nag's logger interface.
class CollectingLogger {
  constructor(configuration) {
    this.configuration = configuration;
    this.findings = [];
    this.suppressed = [];
  }

  entry(data, extra) {
    return {
      configuration: this.configuration,
      rule: data.findingId && data.findingId !== data.ruleId ? `${data.ruleId}[${data.findingId}]` : data.ruleId,
      resource: data.resource.node.id,
      path: cdkPathOf(data.resource),
      level: data.ruleLevel === NagMessageLevel.ERROR ? 'error' : 'warning',
      message: data.ruleInfo,
      ...extra,
    };
  }

  onCompliance() {}
  onNotApplicable() {}
  onNonCompliance(data) { this.findings.push(this.entry(data)); }
  // cdk-nag prefixes the reason with "[finding] " for granular suppressions, and "[] " for a suppressed rule error.
  onSuppressed(data) { this.suppressed.push(this.entry(data, { reason: data.suppressionReason.replace(/^\[\] /, '') })); }
  onError(data) {
    this.findings.push(this.entry(data, { level: 'error', message: `the rule could not be evaluated: ${data.errorMessage}` }));
  }
  onSuppressedError(data) {
    this.suppressed.push(this.entry(data, { reason: data.errorSuppressionReason.replace(/^\[\] /, ''), message: `the rule could not be evaluated: ${data.errorMessage}` }));
  }
}

function checkTemplate(file) {
  const configuration = configurationName(file);
  const template = JSON.parse(fs.readFileSync(file, 'utf8'));
  const logger = new CollectingLogger(configuration);

  if (template.Metadata && template.Metadata.cdk_nag) {
    logger.findings.push({
      configuration, rule: 'StackWideSuppression', resource: '(template)', path: '', level: 'error',
      message: 'Metadata.cdk_nag at template level suppresses rules for every resource; suppress per resource with a reason instead.',
    });
  }

  const stack = new Stack(new App({ outdir: scratchOutdir() }), configuration);
  new CfnInclude(stack, 'Template', { templateFile: file });

  const packs = [
    new AwsSolutionsChecks({ reports: false, additionalLoggers: [logger] }),
    new ServerlessChecks({ reports: false, additionalLoggers: [logger] }),
  ];
  for (const node of stack.node.findAll()) {
    if (!(node instanceof CfnResource)) continue;
    for (const pack of packs) {
      try {
        pack.visit(node);
      } catch (error) {
        // cdk-nag throws before evaluating any rule when a resource's suppressions are malformed (e.g. no reason).
        logger.findings.push({
          configuration, rule: `${pack.readPackName}-InvalidSuppression`, resource: node.node.id, path: cdkPathOf(node),
          level: 'error', message: error.message.split('\n')[0],
        });
      }
    }
  }
  return logger;
}

// The stacks are never synthesized, but an App without an outdir still creates a cdk.outXXXXXX folder in the temp
// folder: one folder for the whole run, removed when it ends.
let scratch;
function scratchOutdir() {
  if (!scratch) {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'swa-nag-'));
    process.on('exit', () => fs.rmSync(scratch, { recursive: true, force: true }));
  }
  return scratch;
}

function oneLine(text) {
  return String(text).replace(/\s+/g, ' ').trim();
}

function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const inputs = args.filter((a) => a !== '--json');
  if (inputs.length === 0) usage('no templates given');

  const report = { configurations: [], findings: [], suppressed: [] };
  for (const file of templatesFrom(inputs, usage)) {
    let result;
    try {
      result = checkTemplate(file);
    } catch (error) {
      process.stderr.write(`${configurationName(file)}: cannot load ${file}: ${error.message}\n`);
      process.exit(2);
    }
    report.configurations.push(result.configuration);
    report.findings.push(...result.findings);
    report.suppressed.push(...result.suppressed);
  }

  if (json) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } else {
    for (const f of report.findings) {
      process.stdout.write(`${f.configuration} ${f.rule} ${f.resource} ${f.level}: ${oneLine(f.message)}${f.path ? ` (${f.path})` : ''}\n`);
    }
    for (const s of report.suppressed) {
      process.stdout.write(`suppressed: ${s.configuration} ${s.rule} ${s.resource} reason: ${oneLine(s.reason)}\n`);
    }
    process.stdout.write(`${report.findings.length} unsuppressed finding(s), ${report.suppressed.length} suppressed, ` +
      `${report.configurations.length} configuration(s): ${report.configurations.join(', ')}\n`);
  }
  // exitCode, not exit(): exit() would cut off a large report still being written to a pipe (stdout is async there).
  process.exitCode = report.findings.length > 0 ? 1 : 0;
}

main();
