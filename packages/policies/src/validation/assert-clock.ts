import type { Clock } from '../time/clock';
import { assertMethods } from './assert-methods';

const clockMethods = [
  'now',
  'setTimeout',
  'clearTimeout',
] as const satisfies readonly (keyof Clock)[];

/** Throws {@link InvalidOptionError} unless `value` is a {@link Clock}. `undefined` passes. */
export function assertClock(field: string, value: unknown): void {
  assertMethods(field, value, clockMethods);
}
