import type { Options } from 'tsup';

/** Build options every package shares: ESM only, declarations from TypeScript 6. */
export const packageBuildOptions: Options = {
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2023',
  treeshake: true,
};
