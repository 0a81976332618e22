import { defineConfig } from 'tsup';
import { packageBuildOptions } from '../../tsup.shared';

// One entry per subpath: the application API, the validation toolkit for adapter and store authors, and
// the helpers only sibling packages use.
export default defineConfig({
  ...packageBuildOptions,
  entry: ['src/index.ts', 'src/validation.ts', 'src/internal.ts'],
});
