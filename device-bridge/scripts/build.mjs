#!/usr/bin/env node
// Builds @prossima/device-bridge for plain Node and other bundlers:
//   dist/index.js      one ES module (esbuild bundle of src/index.ts, no dependencies)
//   dist/types/*.d.ts  declarations emitted by tsc from the same sources
// Workspace TypeScript (client, tests, typecheck) keeps reading src/ through
// the root tsconfig paths and the Vitest alias; only consumers that resolve
// the package through node_modules use dist/.
//
// Usage: node device-bridge/scripts/build.mjs [--js-only]
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(packageDir, 'src/index.ts');
const dist = join(packageDir, 'dist');
const typesDir = join(dist, 'types');
const jsOnly = process.argv.includes('--js-only');

rmSync(dist, { recursive: true, force: true });

await build({
  entryPoints: [entry],
  outfile: join(dist, 'index.js'),
  bundle: true,
  // Neutral: no Node built-ins, no browser globals assumed; the code needs only DataView and TextDecoder.
  platform: 'neutral',
  format: 'esm',
  target: 'es2022',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});

if (!jsOnly) emitDeclarations();
console.log(`built ${relative(process.cwd(), join(dist, 'index.js'))}${jsOnly ? '' : ` and ${relative(process.cwd(), typesDir)}/`}`);

function emitDeclarations() {
  const options = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    skipLibCheck: true,
    isolatedModules: true,
    declaration: true,
    emitDeclarationOnly: true,
    rootDir: join(packageDir, 'src'),
    outDir: typesDir,
  };
  const program = ts.createProgram([entry], options);
  const result = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
  if (diagnostics.length > 0) {
    const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\n' };
    console.error(ts.formatDiagnostics(diagnostics, host));
    process.exit(1);
  }
  // tsc keeps the sources' extensionless relative imports ('./errors'); Node-style
  // resolution (moduleResolution node16/nodenext) needs './errors.js' in an ES module.
  for (const file of filesUnder(typesDir)) {
    const text = readFileSync(file, 'utf8');
    const fixed = text.replace(/((?:from|import)\s*\(?\s*)(['"])(\.{1,2}\/[^'"]*?)(?<!\.js)\2/g, '$1$2$3.js$2');
    if (fixed !== text) writeFileSync(file, fixed);
  }
}

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
