import { describeValue } from './describe-value';
import { isSecretName } from './is-secret-name';
import { looksLikeCredential } from './looks-like-credential';

/** What an error may keep of a value given for a field, and how its message shows it. */
export interface SafeValue {
  /**
   * `undefined`, `null`, numbers, booleans, bigints and symbols as given; a string as given
   * unless it looks like a credential; `'[redacted]'` for anything given for a field whose
   * name says it holds a credential; for objects, arrays and functions the description of
   * their kind (`an object with keys apiKey, baseURL`), never the value itself.
   */
  readonly value: unknown;
  /** The value as a message shows it (see `describeValue`). */
  readonly shown: string;
}

const redacted: SafeValue = { value: '[redacted]', shown: '[redacted]' };

/**
 * The form of `value` an error may hold and print: nothing in it can reveal a credential
 * (`field` is a dotted path such as `targets[0].client.apiKey`; any secret-named segment
 * redacts the value), and no object is kept by reference.
 */
export function safeValue(field: string, value: unknown): SafeValue {
  if (value !== undefined && value !== null && field.split(/[.[\]]/).some(isSecretName)) {
    return redacted;
  }
  if (typeof value === 'string')
    return looksLikeCredential(value) ? redacted : { value, shown: describeValue(value) };
  const shown = describeValue(value);
  const isPrimitive = value === null || (typeof value !== 'object' && typeof value !== 'function');
  return { value: isPrimitive ? value : shown, shown };
}
