import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const hier = (pad: string) => fileURLToPath(new URL(pad, import.meta.url));

/**
 * The web app: Preact + TypeScript, bundled into dist/web, which the api serves at `/`.
 * JSX through esbuild's automatic runtime (no plugin needed); the API's read-model types come in
 * through `import type` from libs/, which the bundle drops.
 */
export default defineConfig({
  root: hier('.'),
  base: '/',
  logLevel: 'warn',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: { outDir: hier('../../dist/web'), emptyOutDir: true, chunkSizeWarningLimit: 1024, sourcemap: false },
});
