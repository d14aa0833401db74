// Bundle the sync server (and the domain code it imports) into one ES module.
// Packages from node_modules stay external: they are installed beside it.
import { build } from 'esbuild';

await build({
  entryPoints: ['sync-server/src/main.ts'],
  outfile: 'dist/sync-server/main.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
});
console.log('built dist/sync-server/main.mjs');
