// Checks every code block of the READMEs and docs pages (see test/snippets/check-snippets.ts):
// each ```ts / ```js block compiles as a module of its own against the built packages (one
// strict TypeScript program over all of them); other blocks must not hold TypeScript.
// Markers, as the last non-blank line before a block or in its info string:
//   <!-- snippet: run -->                     also run it (Node, types stripped, 20 s bound);
//                                             a block that needs a provider starts the simulator
//   <!-- snippet: fragment (why it is one) --> neither compiled nor run; the reason is required
//   ```ts run   ```ts fragment (why)           the same, in the info string
//   <!-- snippet: test/readme/main.ts -->      a copy of that file (relative to the Markdown
//                                             file, any language, `#NAME` for one constant):
//                                             only its existence is checked here, a test of
//                                             the package checks the copy and runs the file
// Code included with VitePress (<<< @/../examples/...) is checked where it lives.
// Usage: node scripts/check-snippets.mjs [--keep] [path prefix ...]; needs `pnpm run build`.
// --keep leaves the modules in .snippets/ (tsc -p .snippets repeats the compile).
import path from 'node:path';
import { checkSnippets } from '../test/snippets/check-snippets.ts';

const args = process.argv.slice(2);
process.exitCode = await checkSnippets({
  root: path.resolve(import.meta.dirname, '..'),
  keep: args.includes('--keep'),
  only: args.filter((arg) => !arg.startsWith('--')),
});
