import path from 'node:path';
import { build, type Plugin } from 'esbuild';

const packagesDir = path.resolve(import.meta.dirname, '../../..');

// Workspace packages from source (`@resilient-llm/policies/validation` is
// packages/policies/src/validation.ts), as the tests import them, so no build is needed.
const workspaceSources: Plugin = {
  name: 'workspace-sources',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^@resilient-llm\/[\w-]+(\/[\w-]+)?$/ }, ({ path: specifier }) => {
      const [, name, subpath = 'index'] = specifier.split('/');
      return { path: path.join(packagesDir, name!, 'src', `${subpath}.ts`) };
    });
  },
};

/** The browser bundle of `@resilient-llm/simulator/inject`, and every import esbuild met. */
export interface InjectBundle {
  readonly code: string;
  /** Every module specifier the bundled files import, `node:` ones included if any. */
  readonly imports: readonly string[];
}

/** Bundles the inject entry as esbuild does for a browser page: one ES module. */
export async function bundleInjectEntry(): Promise<InjectBundle> {
  const result = await build({
    entryPoints: [path.join(packagesDir, 'simulator', 'src', 'inject.ts')],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [workspaceSources],
  });
  const imports = Object.values(result.metafile.inputs).flatMap((input) =>
    input.imports.map((entry) => entry.original ?? entry.path),
  );
  return { code: result.outputFiles[0]!.text, imports };
}
