import path from 'node:path';
import ts from 'typescript';
import { createRepoProgram, repoRoot } from '../repo-program';

/** One name an entry point exports, and whether its declaration has JSDoc. */
export interface EntryExport {
  readonly name: string;
  readonly documented: boolean;
}

/** The names each entry file (relative to the repository root) exports, types included. */
export function readEntryExports(entries: readonly string[]): Map<string, EntryExport[]> {
  const program = createRepoProgram(entries.map((entry) => path.join(repoRoot, entry)));
  const checker = program.getTypeChecker();
  return new Map(
    entries.map((entry) => {
      const source = program.getSourceFile(path.join(repoRoot, entry));
      const module = source && checker.getSymbolAtLocation(source);
      if (!module) throw new Error(`${entry} is no module`);
      const exports = checker.getExportsOfModule(module).map((symbol) => {
        const target =
          symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        return {
          name: symbol.name,
          documented: target.getDocumentationComment(checker).length > 0,
        };
      });
      return [entry, exports.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))];
    }),
  );
}
