import { readdirSync } from 'node:fs';
import path from 'node:path';

// Folders that hold no documentation of ours: installed or generated files, release notes.
const skippedFolders = new Set([
  'node_modules',
  'dist',
  'coverage',
  '.git',
  '.tools',
  '.reports',
  '.snippets',
  '.changeset',
]);
// Generated from the sources by typedoc, or the built and cached site.
const skippedDocsFolders = new Set(['docs/api', 'docs/.vitepress']);

/**
 * The Markdown files whose code blocks the check reads, relative to `root` and sorted: every
 * `README.md`, `CONTRIBUTING.md`, and every page of `docs/` except the generated API reference
 * and the built site.
 */
export function findMarkdownFiles(root: string): string[] {
  const found: string[] = [];
  const visit = (folder: string) => {
    for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
      const relative = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!skippedFolders.has(entry.name) && !skippedDocsFolders.has(relative)) visit(relative);
      } else if (entry.isFile() && isChecked(relative)) found.push(relative);
    }
  };
  visit('');
  return found.sort();
}

function isChecked(relative: string): boolean {
  const name = path.posix.basename(relative);
  if (name === 'README.md') return true;
  if (relative === 'CONTRIBUTING.md') return true;
  return relative.startsWith('docs/') && name.endsWith('.md');
}
