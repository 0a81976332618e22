import { defineConfig } from 'tsup';
import { packageBuildOptions } from '../../tsup.shared';

// src/cli.ts starts with `#!/usr/bin/env node`, which esbuild keeps at the top of dist/cli.js.
export default defineConfig({
  ...packageBuildOptions,
  entry: ['src/index.ts', 'src/inject.ts', 'src/cli.ts'],
  removeNodeProtocol: false,
});
