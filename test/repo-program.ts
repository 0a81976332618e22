import path from 'node:path';
import ts from 'typescript';

/** The repository's root folder. */
export const repoRoot = path.resolve(import.meta.dirname, '..');

/** A TypeScript program over `rootNames` (absolute paths) with the repository's `tsconfig.json`, emitting nothing. */
export function createRepoProgram(rootNames: readonly string[]): ts.Program {
  const { config } = ts.readConfigFile(path.join(repoRoot, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, repoRoot);
  return ts.createProgram({ rootNames, options: { ...options, noEmit: true } });
}
