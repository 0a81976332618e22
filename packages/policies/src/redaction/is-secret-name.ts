// Compared without case, dashes or underscores: `x-api-key`, `X_API_KEY` and `xApiKey` are one name.
const secretNames = new Set([
  'apikey',
  'xapikey',
  'authorization',
  'proxyauthorization',
  'password',
  'passwd',
  'passphrase',
  'token',
  'secret',
  'bearer',
  'cookie',
  'setcookie',
  'credential',
  'credentials',
  'privatekey',
  'secretaccesskey',
  'sessiontoken',
  'subscriptionkey',
  'ocpapimsubscriptionkey',
]);
const secretEndings = ['apikey', 'token', 'secret', 'password', 'authorization'];

/**
 * Whether an option, header or property of this name holds a credential (`apiKey`, `api_key`,
 * `Authorization`, `x-api-key`, `password`, `accessToken`, `clientSecret`, ...), whatever its
 * case. Errors never show what such a field holds.
 */
export function isSecretName(name: string): boolean {
  const normalized = name.toLowerCase().replace(/[-_\s]/g, '');
  return secretNames.has(normalized) || secretEndings.some((end) => normalized.endsWith(end));
}
