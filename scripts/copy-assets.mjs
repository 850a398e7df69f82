// Copies the non-TypeScript files the program reads at run time (CSS, client JS, model files)
// from src/ to dist/, next to the compiled modules that load them.
import { cpSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ASSET = /\.(css|js|json|svg|txt)$/;
const SKIP = /(^|\/)(testdata)(\/|$)/;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (SKIP.test(relative('src', path))) continue;
    if (statSync(path).isDirectory()) walk(path);
    else if (ASSET.test(name)) cpSync(path, join('dist', relative('src', path)));
  }
}

walk('src');
