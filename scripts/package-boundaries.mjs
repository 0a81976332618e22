// The package boundary check: no file of a package (sources, tests, test helpers) reaches
// into another package by a relative path, be it that package's src/, src/testing/ or test/.
// Files shared by the whole workspace (tsup.shared.ts at the root) are not another package.
// Packages meet through their names (`@resilient-llm/core`), and test helpers shared by
// several packages live in packages/test-utils (`@resilient-llm/test-utils/<helper>`).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const importedPath =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bvi\.mock\(\s*)['"](\.{1,2}\/[^'"]*)['"]/g;

/**
 * Every relative import in `packagesDir` that reaches into another package than the one of the
 * file holding it, as `file -> specifier (into <package>/<folder>/)` lines, paths relative to
 * `root`.
 */
export function crossPackageImports(root, packagesDir) {
  const problems = [];
  for (const name of readdirSync(packagesDir)) {
    const packageDir = path.join(packagesDir, name);
    for (const file of typeScriptFiles(packageDir)) {
      const source = readFileSync(file, 'utf8');
      for (const [, specifier] of source.matchAll(importedPath)) {
        const target = path.resolve(path.dirname(file), specifier);
        const [other, ...rest] = path.relative(packagesDir, target).split(path.sep);
        if (other === name || other === '..' || rest.length === 0) continue;
        problems.push(
          `${path.relative(root, file)} -> ${specifier} (into ${describe(other, rest)})`,
        );
      }
    }
  }
  return problems;
}

/** The folder of `other` an import reaches: `core/src/testing/`, `cache/test/`, `core/src/`. */
function describe(other, [folder, subfolder]) {
  const inTesting = folder === 'src' && subfolder === 'testing';
  return `${other}/${inTesting ? 'src/testing' : folder}/`;
}

function* typeScriptFiles(directory) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) yield* typeScriptFiles(full);
    else if (/\.(c|m)?tsx?$/.test(entry.name)) yield full;
  }
}
