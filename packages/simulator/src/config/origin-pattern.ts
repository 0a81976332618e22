/** An allowed origin: `'*'`, or `scheme://host[:port]` where the port may be `*`. */
export type OriginPattern = string;

const ANY_PORT = ':*';

/**
 * Why `pattern` is not an origin pattern, or undefined when it is one. An origin is what a
 * browser sends in `Origin`: a scheme, a host and a port when not the scheme's default,
 * nothing after (no path, no trailing slash).
 */
export function originPatternProblem(pattern: string): string | undefined {
  if (pattern === '*') return undefined;
  const exact = pattern.endsWith(ANY_PORT) ? pattern.slice(0, -ANY_PORT.length) : pattern;
  let origin: string;
  try {
    origin = new URL(exact).origin;
  } catch {
    origin = 'null';
  }
  if (origin === 'null' || origin !== exact || exact.includes('*'))
    return "is not an origin: 'scheme://host[:port]' (the port may be '*'), with no path, or '*'";
  return undefined;
}

/** True when the `Origin` a browser sent is allowed by one of `patterns`. */
export function originAllowed(origin: string, patterns: readonly OriginPattern[]): boolean {
  return patterns.some((pattern) => {
    if (pattern === '*' || pattern === origin) return true;
    if (!pattern.endsWith(ANY_PORT)) return false;
    const host = pattern.slice(0, -ANY_PORT.length);
    return (
      origin === host ||
      (origin.startsWith(`${host}:`) && /^\d+$/.test(origin.slice(host.length + 1)))
    );
  });
}
