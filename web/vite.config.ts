import { defineConfig } from 'vite';

// The page is served by `parley serve` from dist/ (docs/serve.md, "The web page"); `npm run dev`
// proxies /api to a parley serve on port 8080.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 600 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
