import type { Options } from 'tsup';

/**
 * Build options every package shares: ESM only, declarations from TypeScript 6, source maps
 * that point at the published sources' lines without embedding them (they made up more than
 * half of every tarball).
 */
export const packageBuildOptions: Options = {
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2023',
  treeshake: true,
  esbuildOptions(options) {
    options.sourcesContent = false;
  },
};
