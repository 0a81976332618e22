import {
  type DocumentedField,
  evaluateDocumentedValue,
  readOptionsTypes,
} from './read-documented-defaults';

/** One options type, the constant holding its defaults, and the fields whose default is no literal. */
export interface OptionsTypeEntry {
  /** The file declaring the type, relative to the repository root. */
  readonly file: string;
  /** The interface or type alias. */
  readonly type: string;
  /** The name of the constant the code applies, when the type has literal defaults of its own. */
  readonly defaults?: string;
  /** Fields whose documented default is not a literal, each with the reason. */
  readonly exceptions?: Readonly<Record<string, string>>;
  /** Reads only the fields declared in `file` (not those inherited from a library), saying why. */
  readonly ownFieldsOnly?: string;
}

/** Every disagreement between the JSDoc of the types in `entries` and the constants. */
export function findDefaultMismatches(
  entries: readonly OptionsTypeEntry[],
  constants: Readonly<Record<string, object>>,
): string[] {
  const types = new Map<string, string[]>();
  for (const { file, type } of entries) types.set(file, [...(types.get(file) ?? []), type]);
  const fieldsOf = readOptionsTypes(types);
  return entries.flatMap((entry) => {
    const fields = fieldsOf.get(`${entry.file}#${entry.type}`)!;
    const checked = entry.ownFieldsOnly
      ? fields.filter((field) => field.declaredIn.includes(entry.file))
      : fields;
    return checkType(entry, checked, constants);
  });
}

function checkType(
  { type, defaults, exceptions = {} }: OptionsTypeEntry,
  fields: readonly DocumentedField[],
  constants: Readonly<Record<string, object>>,
): string[] {
  if (defaults && !constants[defaults]) return [`${type}: no constant ${defaults} is exported`];
  const problems: string[] = [];
  const referenced = new Set<string>();
  for (const { name, optional, documented } of fields) {
    if (!optional) continue;
    const where = `${type}.${name}`;
    if (documented.kind === 'undocumented') problems.push(`${where}: its JSDoc names no default`);
    if (documented.kind === 'none' && defaults && name in constants[defaults]!)
      problems.push(`${where}: documented "Defaults to none" but ${defaults}.${name} is set`);
    if (documented.kind === 'other' && !(name in exceptions))
      problems.push(
        `${where}: "Defaults to ${documented.text}" names no constant; name it or list the field as an exception`,
      );
    if (documented.kind !== 'constant') continue;
    const reference = [documented.constant, ...documented.path].join('.');
    if (documented.constant === defaults && documented.path.length === 1)
      referenced.add(documented.path[0]!);
    const constant = constants[documented.constant];
    if (!constant) {
      problems.push(`${where}: names ${reference}, but no such constant is listed`);
      continue;
    }
    const applied = valueAt(constant, documented.path);
    let written: unknown;
    try {
      written = evaluateDocumentedValue(documented.valueText);
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
      continue;
    }
    if (!sameValue(written, applied))
      problems.push(
        `${where}: documented ${documented.valueText}, but ${reference} is ${JSON.stringify(applied)}`,
      );
  }
  for (const name of Object.keys(exceptions)) {
    if (!fields.some((field) => field.name === name))
      problems.push(`${type}.${name}: listed as an exception but not a field`);
  }
  if (defaults) {
    const requiredFields = new Set(fields.filter((f) => !f.optional).map((f) => f.name));
    for (const name of Object.keys(constants[defaults] ?? {})) {
      if (!referenced.has(name) && !requiredFields.has(name))
        problems.push(`${defaults}.${name}: no field of ${type} documents it`);
    }
  }
  return problems;
}

function valueAt(value: object, path: readonly string[]): unknown {
  return path.reduce<unknown>(
    (current, key) =>
      current !== null && typeof current === 'object'
        ? (current as Record<string, unknown>)[key]
        : undefined,
    value,
  );
}

function sameValue(written: unknown, applied: unknown): boolean {
  if (Object.is(written, applied)) return true;
  if (typeof written !== 'object' || typeof applied !== 'object' || !written || !applied)
    return false;
  if (Array.isArray(written) !== Array.isArray(applied)) return false;
  const writtenKeys = Object.keys(written);
  if (writtenKeys.length !== Object.keys(applied).length) return false;
  return writtenKeys.every((key) =>
    sameValue((written as Record<string, unknown>)[key], (applied as Record<string, unknown>)[key]),
  );
}
