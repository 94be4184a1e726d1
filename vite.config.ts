import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // .vite/manifest.json: which chunks and CSS each module needs, read by scripts/web-bundle-size.ts.
    manifest: true,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
