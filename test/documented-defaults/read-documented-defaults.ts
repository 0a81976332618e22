import path from 'node:path';
import ts from 'typescript';
import { createRepoProgram, repoRoot } from '../repo-program';

/** What one optional field's JSDoc says about its default. */
type DocumentedDefault =
  /** "Defaults to <value> (`<constant>.<path>`)": a literal value held by a constant. */
  | { kind: 'constant'; valueText: string; constant: string; path: readonly string[] }
  /** "Defaults to none": the field has no default, it stays `undefined`. */
  | { kind: 'none' }
  /** "Defaults to <words>": a default that is no literal (a function, the model's clock). */
  | { kind: 'other'; text: string }
  /** The JSDoc says nothing of a default. */
  | { kind: 'undocumented' };

/** One field of an options type, as the compiler sees it (inherited fields included). */
export interface DocumentedField {
  readonly name: string;
  readonly optional: boolean;
  readonly documented: DocumentedDefault;
  /** The files declaring it, relative to the repository root. */
  readonly declaredIn: readonly string[];
}

// "Defaults to 3 (`defaultRetryStageOptions.maxAttempts`)", the reference right after the value.
const constantReference = /Defaults\s+to\s+([\s\S]+?)\s+\(`(default\w+)((?:\.\w+)+)`/;

/**
 * Reads the fields of options types with the TypeScript compiler: `types` maps a file
 * (relative to the repository root) to the names of the interfaces or type aliases to read.
 */
export function readOptionsTypes(
  types: ReadonlyMap<string, readonly string[]>,
): Map<string, DocumentedField[]> {
  const program = createRepoProgram([...types.keys()].map((file) => path.join(repoRoot, file)));
  const checker = program.getTypeChecker();
  const result = new Map<string, DocumentedField[]>();
  for (const [file, names] of types) {
    const source = program.getSourceFile(path.join(repoRoot, file));
    if (!source) throw new Error(`${file} is not part of the program`);
    for (const name of names) {
      const declaration = source.statements.find(
        (statement): statement is ts.InterfaceDeclaration | ts.TypeAliasDeclaration =>
          (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) &&
          statement.name.text === name,
      );
      if (!declaration) throw new Error(`${file} declares no ${name}`);
      const type = checker.getTypeAtLocation(declaration.name);
      result.set(
        `${file}#${name}`,
        checker.getPropertiesOfType(type).map((property) => ({
          name: property.name,
          optional: (property.flags & ts.SymbolFlags.Optional) !== 0,
          declaredIn: (property.declarations ?? []).map((node) =>
            path.relative(repoRoot, node.getSourceFile().fileName),
          ),
          documented: parseDefault(
            ts.displayPartsToString(property.getDocumentationComment(checker)),
          ),
        })),
      );
    }
  }
  return result;
}

/** What a JSDoc text says about the default of its field. */
function parseDefault(doc: string): DocumentedDefault {
  const reference = constantReference.exec(doc);
  if (reference) {
    return {
      kind: 'constant',
      valueText: reference[1]!,
      constant: reference[2]!,
      path: reference[3]!.slice(1).split('.'),
    };
  }
  const words = /Defaults\s+to\s+([\s\S]*?)(?:\.\s|\.$|$)/.exec(doc);
  if (!words) return { kind: 'undocumented' };
  return /^none\b/.test(words[1]!) ? { kind: 'none' } : { kind: 'other', text: words[1]! };
}

/**
 * The value a JSDoc writes, e.g. 30000, `'full'`, `Infinity`, `false` or
 * `{ kind: 'consecutive', threshold: 5 }`; throws when it is not a plain literal.
 */
export function evaluateDocumentedValue(text: string): unknown {
  const unquoted = /^`([^`]*)`$/.exec(text.trim())?.[1] ?? text.trim();
  const source = ts.createSourceFile('value.ts', `(${unquoted});`, ts.ScriptTarget.ES2023);
  const statement = source.statements[0];
  if (source.statements.length !== 1 || !statement || !ts.isExpressionStatement(statement))
    throw new Error(`not a literal: ${text}`);
  return evaluateLiteral(statement.expression, text);
}

function evaluateLiteral(node: ts.Expression, text: string): unknown {
  if (ts.isParenthesizedExpression(node)) return evaluateLiteral(node.expression, text);
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isStringLiteral(node)) return node.text;
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isIdentifier(node) && node.text === 'Infinity') return Infinity;
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken)
    return -(evaluateLiteral(node.operand, text) as number);
  if (ts.isArrayLiteralExpression(node))
    return node.elements.map((element) => evaluateLiteral(element, text));
  if (ts.isObjectLiteralExpression(node)) {
    return Object.fromEntries(
      node.properties.map((property) => {
        if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name))
          throw new Error(`not a literal: ${text}`);
        return [property.name.text, evaluateLiteral(property.initializer, text)];
      }),
    );
  }
  throw new Error(`not a literal: ${text}`);
}
