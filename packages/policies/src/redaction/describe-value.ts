import { looksLikeCredential } from './looks-like-credential';

const maxShownKeys = 8;
const maxShownLength = 80;

/**
 * A short text saying what `value` is without showing what it holds: primitives as written
 * (a string that looks like a credential as `[redacted]`, a long one cut short), everything
 * else by kind: `an object with keys apiKey, baseURL`, `an array of 2 items`, `an instance
 * of OpenAI`, `a function`. Never throws, even for a hostile proxy.
 */
export function describeValue(value: unknown): string {
  try {
    return describeUnsafely(value);
  } catch {
    return 'a value that cannot be inspected';
  }
}

function describeUnsafely(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return describeString(value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    case 'function':
      return 'a function';
    case 'object':
      return value === null ? 'null' : describeObject(value);
    default:
      return String(value);
  }
}

function describeString(text: string): string {
  if (looksLikeCredential(text)) return '[redacted]';
  const shown = text.length > maxShownLength ? `${text.slice(0, maxShownLength)}…` : text;
  return JSON.stringify(shown);
}

function describeObject(value: object): string {
  if (Array.isArray(value)) return describeArray(value.length);
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== null && prototype !== Object.prototype) {
    const name: unknown = prototype.constructor?.name;
    return typeof name === 'string' && name !== '' ? `an instance of ${name}` : 'an object';
  }
  const keys = Object.keys(value).map((key) => (looksLikeCredential(key) ? '[redacted]' : key));
  if (keys.length === 0) return 'an empty object';
  const shown = keys.slice(0, maxShownKeys).join(', ');
  return `an object with keys ${shown}${keys.length > maxShownKeys ? ', …' : ''}`;
}

function describeArray(length: number): string {
  if (length === 0) return 'an empty array';
  return `an array of ${length} item${length === 1 ? '' : 's'}`;
}
