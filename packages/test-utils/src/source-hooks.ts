// Lets a child Node process run the workspace's TypeScript sources as they are, without a
// build: `@resilient-llm/<name>` resolves to `packages/<name>/src/index.ts` and
// `@resilient-llm/<name>/<subpath>` to `packages/<name>/src/<subpath>.ts` (as the test aliases
// do), and the sources' extensionless relative imports to their `.ts` files. Load it with
// `--import`.
import { registerHooks } from 'node:module';

const packagesUrl = new URL('../../', import.meta.url);

registerHooks({
  resolve(specifier, context, nextResolve) {
    const workspacePackage = /^@resilient-llm\/([\w-]+)(?:\/([\w-]+))?$/.exec(specifier);
    if (workspacePackage) {
      const [, name, subpath = 'index'] = workspacePackage;
      return nextResolve(new URL(`${name}/src/${subpath}.ts`, packagesUrl).href, context);
    }
    const fromSource = context.parentURL?.endsWith('.ts') && /^\.\.?\//.test(specifier);
    if (fromSource && !specifier.endsWith('.ts')) {
      for (const candidate of [`${specifier}.ts`, `${specifier}/index.ts`]) {
        try {
          return nextResolve(candidate, context);
        } catch {
          // Not this one; try the next candidate, then the specifier as written.
        }
      }
    }
    return nextResolve(specifier, context);
  },
});
