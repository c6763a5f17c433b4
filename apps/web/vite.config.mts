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
    // The entry with the public screens, a vendor chunk the role areas share, one chunk per area
    // screen and per non-Polish catalogue; served brotli-compressed (scripts/precompress.mjs).
    chunkSizeWarningLimit: 500,
    rolldownOptions: {
      output: {
        // The libraries every screen needs in one named chunk, cached across app releases. Left to
        // itself the bundler put React Router, i18next and React in a chunk it named after the first
        // module in it ("jsx-runtime", 156 kB), which read like a development JSX runtime.
        codeSplitting: {
          groups: [{ name: 'vendor', test: /node_modules[\\/](react|react-dom|scheduler|react-router|i18next|react-i18next|use-sync-external-store)[\\/]/ }],
        },
      },
      onLog(level, log, handler) {
        // React Router marks its modules "use client" for server components; irrelevant in a browser bundle.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        // How long plugins took: depends on the machine's load, says nothing about the bundle.
        if (log.code === 'PLUGIN_TIMINGS') return;
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
