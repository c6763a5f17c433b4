// Vite config of the web app. `npm run build` builds it into dist/web (served by the API at `/`);
// `npm run web:dev` serves it with live reload and forwards /api to an API on 127.0.0.1:3000.
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  publicDir: 'public',
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // One bundle for now: ~450 kB minified, ~140 kB gzipped (React DOM and React Router are most of it).
    chunkSizeWarningLimit: 500,
    rolldownOptions: {
      onLog(level, log, handler) {
        // React Router marks its modules "use client" for server components; irrelevant in a browser bundle.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target: process.env.API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
