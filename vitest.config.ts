import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const setupFile = fileURLToPath(new URL('./vitest.setup.ts', import.meta.url));
const repoDir = fileURLToPath(new URL('.', import.meta.url));
const packagesDir = fileURLToPath(new URL('./packages', import.meta.url));
const packageNames = readdirSync(packagesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// Tests import sibling packages from source, so no build is needed before testing. A subpath
// export `@resilient-llm/<name>/<subpath>` is built from `src/<subpath>.ts`.
const sourceAliases = [
  ...packageNames.map((name) => ({
    find: new RegExp(`^@resilient-llm/${name}$`),
    replacement: `${packagesDir}/${name}/src/index.ts`,
  })),
  { find: /^@resilient-llm\/([\w-]+)\/([\w-]+)$/, replacement: `${packagesDir}/$1/src/$2.ts` },
];

export default defineConfig({
  test: {
    projects: [
      // Checks that span every package (the documented defaults against the applied ones).
      {
        resolve: { alias: sourceAliases },
        test: {
          name: 'repo',
          root: repoDir,
          include: ['test/**/*.test.ts'],
          setupFiles: [setupFile],
          restoreMocks: true,
          unstubGlobals: true,
        },
      },
      ...packageNames.map((name) => ({
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
    ],
  },
});
