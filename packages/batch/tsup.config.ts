import { defineConfig } from 'tsup';
import { packageBuildOptions } from '../../tsup.shared';

// One entry per subpath, so the generic batchers never load an SDK that is not installed.
export default defineConfig({
  ...packageBuildOptions,
  entry: ['src/index.ts', 'src/openai.ts', 'src/ai-sdk.ts'],
});
