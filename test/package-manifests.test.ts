import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// What a published manifest promises its users: dependencies between our packages that the
// next release satisfies, and peer ranges with an upper bound.
const repoRoot = path.resolve(import.meta.dirname, '..');

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const manifests: Manifest[] = readdirSync(path.join(repoRoot, 'packages'))
  .map((folder) => path.join(repoRoot, 'packages', folder, 'package.json'))
  .map((file) => JSON.parse(readFileSync(file, 'utf8')) as Manifest)
  .filter((manifest) => !manifest.private);
const versionOf = new Map(manifests.map((manifest) => [manifest.name, manifest.version]));

describe('published manifests', () => {
  it.each(manifests.map((manifest) => [manifest.name, manifest] as const))(
    '%s has a released version and depends on ours through workspace:^',
    (_, manifest) => {
      expect(manifest.version).not.toBe('0.0.0');
      for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
        if (!versionOf.has(name)) continue;
        // pnpm packs `workspace:^` as `^<version>`, which the sibling's release satisfies.
        expect({ name, range }).toEqual({ name, range: 'workspace:^' });
      }
    },
  );

  it.each(manifests.map((manifest) => [manifest.name, manifest] as const))(
    '%s bounds every peer range',
    (_, manifest) => {
      for (const [name, range] of Object.entries(manifest.peerDependencies ?? {})) {
        const unbounded = range.split('||').some((part) => /^\s*>=?[^<]*$/.test(part));
        expect({ name, range, unbounded }).toEqual({ name, range, unbounded: false });
      }
    },
  );
});
