import { defineConfig } from 'tsup';
import { packageBuildOptions } from '../../tsup.shared';

// One entry per subpath: the application API, the toolkit of adapter authors, and
// the helpers only sibling packages use.
export default defineConfig({
  ...packageBuildOptions,
  entry: ['src/index.ts', 'src/binding.ts', 'src/internal.ts'],
});
