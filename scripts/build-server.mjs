// Bundle the sync server (and the domain code it imports) into one ES module.
// Packages from node_modules stay external: they are installed beside it.
import { build } from 'esbuild';

await build({
  // main.mjs is the server; embedded-store.mjs lets the benchmarks start the same store on its own.
  entryPoints: { main: 'sync-server/src/main.ts', 'embedded-store': 'sync-server/src/store/embedded-store.ts' },
  outdir: 'dist/sync-server',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
});
console.log('built dist/sync-server/main.mjs and embedded-store.mjs');
