import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';

/**
 * Serve the built client: hashed bundles cached for a year, the shell, the
 * service worker and its manifest always revalidated (so a new version is
 * found), and `index.html` for the app's own routes.
 */
export function staticClient(clientDir: string): Router {
  const router = Router();
  const index = join(clientDir, 'index.html');
  if (!existsSync(index)) {
    router.get('/', (_req, res) => {
      res.status(503).type('text/plain').send('The client is not built: run "npm run build" (npm start does it for you).');
    });
    return router;
  }
  router.use(
    express.static(clientDir, {
      index: false,
      setHeaders(res, path) {
        const hashed = /-[A-Z0-9]{8,}\.(js|css)$/.test(path);
        res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  router.get('/{*path}', (req, res, next) => {
    if (req.path.startsWith('/api/') || req.path.startsWith('/sync/') || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
