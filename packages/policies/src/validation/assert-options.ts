import { assertKnownKeys } from './assert-known-keys';
import { assertObject } from './assert-object';

/**
 * Throws {@link InvalidOptionError} unless `options` is an object (or `undefined`) whose
 * every key is one of `knownKeys`. `field` is the path of the object, `''` at the top level
 * (then a bad object is reported as `options`).
 */
export function assertOptions(field: string, options: unknown, knownKeys: readonly string[]): void {
  assertObject(field === '' ? 'options' : field, options);
  assertKnownKeys(field, options, knownKeys);
}
