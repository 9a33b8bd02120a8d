'use strict';
// The templates a checker run covers: every `*.template.json` in a directory tree (a cdk.out with stages is covered)
// or each file named, each one configuration named after its file (`defaults.template.json` -> `defaults`).

const fs = require('fs');
const path = require('path');

const TEMPLATE_SUFFIX = '.template.json';

// Absolute paths, sorted per directory; `fail(message)` is called for an input that is missing or holds no template.
function templatesFrom(args, fail) {
  const files = [];
  for (const arg of args) {
    if (!fs.existsSync(arg)) fail(`not found: ${arg}`);
    if (fs.statSync(arg).isDirectory()) {
      const found = fs.readdirSync(arg, { recursive: true }).filter((f) => f.endsWith(TEMPLATE_SUFFIX)).sort();
      if (found.length === 0) fail(`no *${TEMPLATE_SUFFIX} files in ${arg}`);
      files.push(...found.map((f) => path.resolve(arg, f)));
    } else {
      files.push(path.resolve(arg));
    }
  }
  return files;
}

function configurationName(file) {
  const base = path.basename(file);
  return base.endsWith(TEMPLATE_SUFFIX) ? base.slice(0, -TEMPLATE_SUFFIX.length) : path.basename(file, '.json');
}

module.exports = { templatesFrom, configurationName };
