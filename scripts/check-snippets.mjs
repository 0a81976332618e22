// Checks every code block of the READMEs and docs pages (see test/snippets/check-snippets.ts).
// Usage: node scripts/check-snippets.mjs [--keep] [path prefix ...]; needs `pnpm run build`.
import path from 'node:path';
import { checkSnippets } from '../test/snippets/check-snippets.ts';

const args = process.argv.slice(2);
process.exitCode = await checkSnippets({
  root: path.resolve(import.meta.dirname, '..'),
  keep: args.includes('--keep'),
  only: args.filter((arg) => !arg.startsWith('--')),
});
