import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { compileSnippets, type SnippetError } from './compile-blocks.ts';
import { firstTypeScriptLine } from './looks-like-typescript.ts';
import { type CodeBlock, type IncludedFile, readMarkdownSnippets } from './markdown-blocks.ts';
import { findMarkdownFiles } from './markdown-files.ts';
import { runSnippets } from './run-blocks.ts';
import { writeSnippetWorkspace } from './snippet-workspace.ts';

/** What to check: the repository, and optionally only some of its Markdown files. */
export interface CheckSnippetsOptions {
  readonly root: string;
  /** Checks only the files whose path (relative to `root`) starts with one of these. */
  readonly only?: readonly string[];
  /** Leaves the generated modules in `.snippets/` to inspect (`tsc -p .snippets`). */
  readonly keep?: boolean;
  readonly log?: (line: string) => void;
}

/**
 * Checks every code block of the documentation: TypeScript and JavaScript blocks compile
 * against the built packages, those marked `run` run to a clean exit, fragments are listed
 * with their reasons, other blocks hold no TypeScript, and included files exist. Prints each
 * failure as `file:line`, then `N blocks checked (compiled C, ran R, fragments F)`. Resolves
 * to the process exit code: 1 on any failure.
 */
export async function checkSnippets({
  root,
  only = [],
  keep = false,
  log = console.log,
}: CheckSnippetsOptions): Promise<number> {
  const files = findMarkdownFiles(root).filter(
    (file) => only.length === 0 || only.some((prefix) => file.startsWith(prefix)),
  );
  const { blocks, includes, errors } = readDocumentation(root, files);
  const copies = blocks.filter((block) => block.mode === 'copy');
  const code = blocks.filter((block) => isCode(block) && block.mode !== 'copy');
  const others = blocks.filter((block) => !isCode(block) && block.mode !== 'copy');
  errors.push(
    ...others.flatMap(typeScriptOutsideCode),
    ...includes.flatMap((include) => missingInclude(root, include)),
    ...copies.flatMap((block) => missingCopied(root, block)),
  );

  const missingBuild = unbuiltPackages(root);
  if (missingBuild.length > 0) {
    log(`Build the packages first (pnpm run build): no dist in ${missingBuild.join(', ')}`);
    return 1;
  }
  const compiled = code.filter((block) => block.mode !== 'fragment');
  const { ran, problems } = await compileAndRun(root, compiled, keep);
  errors.push(...problems);

  errors.sort((a, b) => a.where.localeCompare(b.where, 'en', { numeric: true }));
  for (const { where, message } of errors) log(`${where}: ${message}`);
  const fragments = code.filter((block) => block.mode === 'fragment');
  if (fragments.length > 0) {
    log('fragments (not compiled):');
    for (const block of fragments) log(`  ${block.file}:${block.line} (${block.reason})`);
  }
  log(
    `${code.length} blocks checked (compiled ${compiled.length}, ran ${ran}, fragments ${fragments.length})`,
  );
  log(
    `${others.length} other blocks checked to hold no TypeScript, ${includes.length} included files and ${copies.length} copied files found; ${errors.length} problems`,
  );
  return errors.length > 0 ? 1 : 0;
}

function readDocumentation(root: string, files: readonly string[]) {
  const blocks: CodeBlock[] = [];
  const includes: IncludedFile[] = [];
  const errors: SnippetError[] = [];
  for (const file of files) {
    const read = readMarkdownSnippets(file, readFileSync(path.join(root, file), 'utf8'));
    blocks.push(...read.blocks);
    includes.push(...read.includes);
    errors.push(
      ...read.problems.map(({ line, message }) => ({ where: `${file}:${line}`, message })),
    );
  }
  return { blocks, includes, errors };
}

// One program over every block, then the runnable blocks that compiled, in `.snippets/`.
async function compileAndRun(root: string, blocks: readonly CodeBlock[], keep: boolean) {
  const folder = path.join(root, '.snippets');
  try {
    const modules = writeSnippetWorkspace(root, folder, blocks);
    const compileErrors = blocks.length > 0 ? compileSnippets(root, folder, modules) : [];
    const failed = new Set(compileErrors.map((error) => error.block));
    const runnable = modules.filter(({ block }) => block.mode === 'run' && !failed.has(block));
    const runErrors = await runSnippets(runnable, { concurrency: availableParallelism() });
    return { ran: runnable.length, problems: [...compileErrors, ...runErrors] };
  } finally {
    if (!keep) rmSync(folder, { recursive: true, force: true });
  }
}

function isCode(block: CodeBlock): boolean {
  return block.language === 'typescript' || block.language === 'javascript';
}

function typeScriptOutsideCode(block: CodeBlock): SnippetError[] {
  const line = firstTypeScriptLine(block.code);
  if (line === undefined) return [];
  const tag = block.lang ? `\`${block.lang}\`` : 'untagged';
  return [
    {
      where: `${block.file}:${block.line + line}`,
      message: `reads as TypeScript in a ${tag} block: tag it \`ts\` so that it is compiled`,
    },
  ];
}

// VitePress reads `@` as the docs folder; `#region`, `{lines}` and `[title]` follow the path.
function missingInclude(
  root: string,
  { file, line, path: included }: IncludedFile,
): SnippetError[] {
  const relative = included.replace(/[#{[].*$/, '');
  const resolved = relative.startsWith('@/')
    ? path.join(root, 'docs', relative.slice(2))
    : path.join(root, path.dirname(file), relative);
  if (existsSync(resolved)) return [];
  return [{ where: `${file}:${line}`, message: `included file ${included} does not exist` }];
}

// A copy names its file relative to the Markdown file; `#NAME` picks a constant in it.
function missingCopied(root: string, block: CodeBlock): SnippetError[] {
  const copied = path.join(root, path.dirname(block.file), block.source!.replace(/#\w+$/, ''));
  if (existsSync(copied)) return [];
  return [
    { where: `${block.file}:${block.line}`, message: `copied file ${block.source} does not exist` },
  ];
}

function unbuiltPackages(root: string): string[] {
  const packagesFolder = path.join(root, 'packages');
  return readdirSync(packagesFolder).filter((name) => {
    const manifest = path.join(packagesFolder, name, 'package.json');
    if (!existsSync(manifest)) return false;
    const { private: isPrivate } = JSON.parse(readFileSync(manifest, 'utf8')) as {
      private?: boolean;
    };
    return !isPrivate && !existsSync(path.join(packagesFolder, name, 'dist'));
  });
}
