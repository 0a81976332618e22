import type { AimCheck } from './aims.ts';
import { markdownTable } from './format.ts';

/** Aims as a markdown table, an unmet one in bold. */
export const aimsTable = (checks: AimCheck[]) =>
  markdownTable(
    ['aim', 'measured', 'met'],
    checks.map((check) => [check.aim, check.measured, check.met ? 'yes' : '**no**']),
  );
