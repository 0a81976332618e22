import { defaultCorsConfig } from './defaults';
import { type OriginPattern, originPatternProblem } from './origin-pattern';
import { expectArray, expectObject, fail } from './validators';

const CORS_FIELDS = ['origins'] as const;

/**
 * Checks the `cors` option: `false`, or `{ origins }` with every origin a pattern. Returns the
 * allowed origin patterns (the loopback defaults when `origins` is left out), or `false`.
 */
export function validateCors(value: unknown): readonly OriginPattern[] | false {
  if (value === false) return false;
  if (value === true) fail('cors', value, 'must be false or an object such as { origins: [...] }');
  const cors = expectObject('cors', value, CORS_FIELDS);
  if (cors.origins === undefined) return defaultCorsConfig.origins;
  return expectArray('cors.origins', cors.origins).map((origin, index) => {
    const field = `cors.origins[${index}]`;
    if (typeof origin !== 'string') fail(field, origin, 'must be a string');
    const problem = originPatternProblem(origin);
    if (problem) fail(field, origin, problem);
    return origin;
  });
}
