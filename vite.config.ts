import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  // Every script, style and preload tag gets this placeholder as its nonce, and a csp-nonce meta
  // tag carries it; the server replaces it with a fresh nonce per answer (platform/http/edge.ts).
  html: { cspNonce: '__ARCHEEP_CSP_NONCE__' },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // .vite/manifest.json: which chunks and CSS each module needs, read by scripts/web-bundle-size.ts.
    manifest: true,
    // The entry is React, Mantine, the router, TanStack Query and i18next; test/web-bundle.test.ts
    // holds the first load to its budget, so Rollup's generic warning only repeats it.
    chunkSizeWarningLimit: 700,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
