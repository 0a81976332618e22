import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEntryExports } from './package-surfaces/read-entry-exports';

// Each README lists the names of each entry point between `<!-- exports: <entry> -->` and
// `<!-- /exports -->`, after a line giving their count; the lists must be what the code exports.
const readmes = ['packages/core/README.md', 'packages/policies/README.md'];
const repoRoot = path.resolve(import.meta.dirname, '..');

interface ListedEntry {
  readonly readme: string;
  readonly entry: string;
  readonly count: number;
  readonly names: string[];
}

function listedEntries(readme: string): ListedEntry[] {
  const text = readFileSync(path.join(repoRoot, readme), 'utf8');
  const blocks = [
    ...text.matchAll(/\((\d+) names\):?\n+<!-- exports: (\S+) -->\n([\s\S]*?)<!-- \/exports -->/g),
  ];
  return blocks.map(([, count, entry, list]) => ({
    readme,
    entry: entry!,
    count: Number(count),
    names: [...list!.matchAll(/`(\w+)`/g)].map(([, name]) => name!).sort(),
  }));
}

const listed = readmes.flatMap(listedEntries);

describe('package surfaces', () => {
  it('each README lists the root export and every subpath of its package', () => {
    expect(listed.map(({ entry }) => entry)).toEqual([
      'packages/core/src/index.ts',
      'packages/core/src/binding.ts',
      'packages/core/src/internal.ts',
      'packages/policies/src/index.ts',
      'packages/policies/src/validation.ts',
      'packages/policies/src/internal.ts',
    ]);
  });

  // Building the program that reads both packages takes some seconds.
  it('the README lists are the real exports, counted, each with JSDoc', { timeout: 60_000 }, () => {
    const exports = readEntryExports(listed.map(({ entry }) => entry));
    for (const { readme, entry, count, names } of listed) {
      const real = exports.get(entry)!;
      expect({ readme, entry, names }).toEqual({
        readme,
        entry,
        names: real.map(({ name }) => name),
      });
      expect({ entry, count }).toEqual({ entry, count: real.length });
      expect({ entry, undocumented: real.filter((e) => !e.documented).map((e) => e.name) }).toEqual(
        { entry, undocumented: [] },
      );
    }
  });
});
