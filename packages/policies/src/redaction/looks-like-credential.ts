// An authorization header's value, or the prefix of a well-known kind of key: OpenAI and
// Anthropic (`sk-`), Stripe-style (`sk_`), GitHub (`ghp_`, ...), Slack (`xox?-`), Google
// (`AIza`), or a JSON web token.
const credentialPatterns = [
  /^(bearer|basic|token)\s+\S/i,
  /^sk[-_]/i,
  /^gh[opsur]_[a-z0-9]/i,
  /^xox[abprs]-/i,
  /^AIza[\w-]{20,}/,
  /^eyJ[\w-]+\.eyJ[\w-]+\./,
];

/** Whether a string looks like a credential (an API key, a bearer token), wherever it turns up. */
export function looksLikeCredential(text: string): boolean {
  const trimmed = text.trim();
  return credentialPatterns.some((pattern) => pattern.test(trimmed));
}
