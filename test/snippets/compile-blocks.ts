import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { CodeBlock } from './markdown-blocks.ts';
import type { SnippetFile } from './snippet-workspace.ts';

/** A compiler error, placed at its line of the Markdown file. */
export interface SnippetError {
  /** `file:line` of the Markdown file, or the file the compiler named when no block holds it. */
  readonly where: string;
  readonly message: string;
  /** The block the error is in, when it is in one. */
  readonly block?: CodeBlock;
}

/**
 * Type-checks every module in `files` in one TypeScript program, with the strict options of
 * the repository's `tsconfig.base.json` as the root `tsconfig.json` extends them, the Node
 * types, each file a module of its own (`moduleDetection: 'force'`), and only the syntax
 * Node can strip (`erasableSyntaxOnly`). Writes that `tsconfig.json` into `folder`, so
 * `tsc -p <folder>` repeats the check. Returns every error, each at its Markdown line.
 */
export function compileSnippets(
  root: string,
  folder: string,
  files: readonly SnippetFile[],
): SnippetError[] {
  const config = {
    extends: path.relative(folder, path.join(root, 'tsconfig.base.json')),
    compilerOptions: {
      noEmit: true,
      types: ['node'],
      moduleDetection: 'force',
      erasableSyntaxOnly: true,
      allowImportingTsExtensions: true,
      allowJs: true,
      checkJs: true,
      jsx: 'preserve',
    },
    files: files.map((file) => path.basename(file.path)),
  };
  const configPath = path.join(folder, 'tsconfig.json');
  writeFileSync(configPath, `${JSON.stringify(config, null, 2)}\n`);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, folder, undefined, configPath);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const blockOf = new Map(files.map((file) => [path.resolve(file.path), file.block]));
  return [...parsed.errors, ...ts.getPreEmitDiagnostics(program)].map((diagnostic) => {
    const message = `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    if (!diagnostic.file || diagnostic.start === undefined)
      return { where: path.relative(root, configPath), message };
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    const block = blockOf.get(path.resolve(diagnostic.file.fileName));
    if (!block)
      return { where: `${path.relative(root, diagnostic.file.fileName)}:${line + 1}`, message };
    return { where: `${block.file}:${block.line + line + 1}`, message, block };
  });
}
