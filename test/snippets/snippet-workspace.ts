import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { CodeBlock } from './markdown-blocks.ts';

/** A block written out as a module of its own. */
export interface SnippetFile {
  readonly block: CodeBlock;
  /** The module's absolute path. */
  readonly path: string;
}

/**
 * Creates `folder` afresh (inside the repository, ignored by git) as a small project of its
 * own: a `node_modules` linking every package the workspace installs, the published
 * `@resilient-llm/*` packages (their built `dist`, as an application gets them) among them, a
 * `package.json` making its modules ESM, and one module per block. Returns the modules in
 * the order of `blocks`.
 */
export function writeSnippetWorkspace(
  root: string,
  folder: string,
  blocks: readonly CodeBlock[],
): SnippetFile[] {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(path.join(folder, 'node_modules'), { recursive: true });
  writeFileSync(path.join(folder, '.gitignore'), '*\n');
  writeFileSync(
    path.join(folder, 'package.json'),
    `${JSON.stringify({ name: 'readme-snippets', private: true, type: 'module' }, null, 2)}\n`,
  );
  linkInstalledPackages(root, path.join(folder, 'node_modules'));
  return blocks.map((block) => {
    const file = path.join(folder, moduleName(block));
    writeFileSync(file, `${block.code}\n`);
    return { block, path: file };
  });
}

/** `packages/core/README.md` line 19 → `packages-core-README-L19.ts`. */
function moduleName({ file, line, lang, language }: CodeBlock): string {
  const stem = file.replace(/\.md$/, '').replace(/[^\w-]+/g, '-');
  const extension = language === 'javascript' ? 'mjs' : lang === 'tsx' ? 'tsx' : 'ts';
  return `${stem}-L${line}.${extension}`;
}

// Where the packages an application would install live: every workspace package's own
// dependencies (the SDKs, zod, redis, ...) and the published workspace packages themselves.
function linkInstalledPackages(root: string, nodeModules: string): void {
  const linked = new Set<string>();
  const link = (name: string, target: string) => {
    if (linked.has(name)) return;
    linked.add(name);
    const destination = path.join(nodeModules, name);
    mkdirSync(path.dirname(destination), { recursive: true });
    symlinkSync(realpathSync(target), destination, 'dir');
  };
  const folders = workspaceFolders(root);
  for (const folder of folders) {
    const manifest = path.join(folder, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name, private: isPrivate } = JSON.parse(readFileSync(manifest, 'utf8')) as {
      name: string;
      private?: boolean;
    };
    if (name.startsWith('@resilient-llm/') && !isPrivate) link(name, folder);
  }
  for (const folder of folders) {
    for (const name of installedNames(path.join(folder, 'node_modules'))) {
      // A private workspace package (the test helpers) is nothing an application installs.
      if (!name.startsWith('@resilient-llm/')) link(name, path.join(folder, 'node_modules', name));
    }
  }
}

function installedNames(nodeModules: string): string[] {
  if (!existsSync(nodeModules)) return [];
  return readdirSync(nodeModules, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .flatMap((entry) =>
      entry.name.startsWith('@')
        ? readdirSync(path.join(nodeModules, entry.name)).map((name) => `${entry.name}/${name}`)
        : [entry.name],
    );
}

// The folders `pnpm-workspace.yaml` lists: `dir` as it is, `dir/*` as each folder inside.
function workspaceFolders(root: string): string[] {
  const manifest = readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8');
  const list = /^packages:\n((?:\s+-.*\n?)+)/m.exec(manifest)?.[1] ?? '';
  return [...list.matchAll(/-\s*['"]?([^'"\s]+)/g)].flatMap(([, pattern = '']) => {
    if (!pattern.endsWith('/*')) return [path.join(root, pattern)];
    const parent = path.join(root, pattern.slice(0, -2));
    return readdirSync(parent, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(parent, entry.name));
  });
}
