import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { createRepoProgram, repoRoot } from '../repo-program';

/** A type parameter of a public declaration that no `@typeParam` (or `@template`) tag describes. */
export interface UndocumentedTypeParam {
  /** Where the type parameter is declared, `packages/…/file.ts:line` (1-based). */
  readonly at: string;
  /** The declaration it belongs to, `Name` or `Name.member`. */
  readonly declaration: string;
  /** The type parameter's name. */
  readonly typeParam: string;
}

/**
 * The source file of each public entry point of each published package, relative to the
 * repository root: what each `exports` entry's `types` (`./dist/<name>.d.ts`) is built from
 * (`src/<name>.ts`), less the `internal` entries, which are `@internal`.
 */
export function publicEntryFiles(): string[] {
  const packagesDir = path.join(repoRoot, 'packages');
  return readdirSync(packagesDir).flatMap((name) => {
    const manifest = JSON.parse(readFileSync(path.join(packagesDir, name, 'package.json'), 'utf8'));
    if (manifest.private) return [];
    return Object.entries<{ types?: string }>(manifest.exports ?? {})
      .filter(([subpath, target]) => subpath !== './internal' && typeof target?.types === 'string')
      .map(
        ([, { types }]) =>
          `packages/${name}/${types!.replace(/^\.\/dist\/(.*)\.d\.ts$/, 'src/$1.ts')}`,
      );
  });
}

type Generic = ts.Node & { readonly typeParameters?: ts.NodeArray<ts.TypeParameterDeclaration> };

/** The names a `@typeParam Name description` or `@template Name description` tag of `node` describes. */
function describedTypeParams(node: ts.Node): Set<string> {
  const described = new Set<string>();
  for (const tag of ts.getJSDocTags(node)) {
    const text = ts.getTextOfJSDocComment(tag.comment)?.trim() ?? '';
    if (ts.isJSDocTemplateTag(tag)) {
      if (text) for (const param of tag.typeParameters) described.add(param.name.text);
    } else if (tag.tagName.text === 'typeParam') {
      const [, name, description] = /^\{?(\w+)\}?\s+(\S[\s\S]*)?$/.exec(text) ?? [];
      if (name && description) described.add(name);
    }
  }
  return described;
}

/** Whether a class member is in the API reference: not `private`, `protected` or `#private`. */
function isPublicMember(member: ts.ClassElement): boolean {
  if (member.name && ts.isPrivateIdentifier(member.name)) return false;
  const flags = ts.getCombinedModifierFlags(member as ts.Declaration);
  return !(flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected));
}

/** Whether a declaration is tagged `@internal` (left out of the API reference). */
function isInternal(node: ts.Node): boolean {
  return ts.getJSDocTags(node).some((tag) => tag.tagName.text === 'internal');
}

/**
 * The generic nodes a declaration shows in the API reference, each with the node whose JSDoc
 * describes its type parameters: the declaration itself (each overload of a function, the
 * function a `const` holds), a class's public methods, an interface's methods and call and
 * construct signatures.
 */
function genericParts(
  declaration: ts.Declaration,
): { part: Generic; name: string; doc: ts.Node }[] {
  const name = ts.getNameOfDeclaration(declaration)?.getText() ?? 'default';
  const parts: { part: Generic; name: string; doc: ts.Node }[] = [];
  if (ts.isVariableDeclaration(declaration)) {
    const init = declaration.initializer;
    if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) {
      parts.push({ part: init, name, doc: declaration });
    }
    return parts;
  }
  if (ts.isFunctionDeclaration(declaration)) {
    // With overloads, the signatures are shown and the implementation is not.
    if (!declaration.body || !hasOverloads(declaration)) {
      parts.push({ part: declaration, name, doc: declaration });
    }
    return parts;
  }
  parts.push({ part: declaration as Generic, name, doc: declaration });
  const members = ts.isClassDeclaration(declaration)
    ? declaration.members.filter(isPublicMember)
    : ts.isInterfaceDeclaration(declaration)
      ? declaration.members
      : [];
  for (const member of members) {
    if (isInternal(member) || !(member as Generic).typeParameters) continue;
    if (ts.isMethodDeclaration(member) && member.body && hasOverloads(member)) continue;
    const memberName =
      member.name?.getText() ?? (ts.isConstructSignatureDeclaration(member) ? 'new' : '()');
    parts.push({ part: member as Generic, name: `${name}.${memberName}`, doc: member });
  }
  return parts;
}

/** Whether the function or method with a body also has overload signatures (which are what is shown). */
function hasOverloads(declaration: ts.FunctionDeclaration | ts.MethodDeclaration): boolean {
  const { parent } = declaration;
  const siblings: readonly ts.Node[] =
    ts.isSourceFile(parent) || ts.isModuleBlock(parent)
      ? parent.statements
      : ts.isClassLike(parent)
        ? parent.members
        : [];
  const key = declaration.name?.getText();
  return siblings.some(
    (other) =>
      other !== declaration &&
      (ts.isFunctionDeclaration(other) || ts.isMethodDeclaration(other)) &&
      !other.body &&
      other.name?.getText() === key,
  );
}

/**
 * Every type parameter of a declaration exported from `entries` (files relative to the
 * repository root) that has no `@typeParam Name description` (or `@template`) tag, found in
 * one program, by file and line. Declarations tagged `@internal` are skipped, as the API
 * reference skips them.
 */
export function findUndocumentedTypeParams(entries: readonly string[]): UndocumentedTypeParam[] {
  const program = createRepoProgram(entries.map((entry) => path.join(repoRoot, entry)));
  const checker = program.getTypeChecker();
  const seen = new Set<ts.Node>();
  const found: (Omit<UndocumentedTypeParam, 'at'> & { file: string; line: number })[] = [];
  for (const entry of entries) {
    const source = program.getSourceFile(path.join(repoRoot, entry));
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) throw new Error(`${entry} is no module`);
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol =
        exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      for (const declaration of symbol.declarations ?? []) {
        if (seen.has(declaration) || isInternal(declaration)) continue;
        seen.add(declaration);
        for (const { part, name, doc } of genericParts(declaration)) {
          const described = describedTypeParams(doc);
          for (const param of part.typeParameters ?? []) {
            if (described.has(param.name.text)) continue;
            const file = param.getSourceFile();
            const { line } = file.getLineAndCharacterOfPosition(param.getStart());
            found.push({
              file: path.relative(repoRoot, file.fileName),
              line: line + 1,
              declaration: name,
              typeParam: param.name.text,
            });
          }
        }
      }
    }
  }
  return found
    .sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1))
    .map(({ file, line, ...param }) => ({ at: `${file}:${line}`, ...param }));
}
