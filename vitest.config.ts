import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const setupFile = fileURLToPath(new URL('./vitest.setup.ts', import.meta.url));
const packagesDir = fileURLToPath(new URL('./packages', import.meta.url));
const packageNames = readdirSync(packagesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// Tests import sibling packages from source, so no build is needed before testing.
const sourceAliases = packageNames.map((name) => ({
  find: new RegExp(`^@resilient-llm/${name}$`),
  replacement: `${packagesDir}/${name}/src/index.ts`,
}));

export default defineConfig({
  test: {
    projects: packageNames.map((name) => ({
      resolve: { alias: sourceAliases },
      test: {
        name,
        root: `${packagesDir}/${name}`,
        include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        typecheck: {
          enabled: true,
          include: ['src/**/*.test-d.ts', 'test/**/*.test-d.ts'],
          tsconfig: `${packagesDir}/${name}/tsconfig.json`,
        },
        setupFiles: [setupFile],
        restoreMocks: true,
        unstubGlobals: true,
      },
    })),
  },
});
