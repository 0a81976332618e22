const perTargetOptions = ['retry', 'circuitBreaker', 'rateLimit', 'bulkhead'] as const;

/**
 * Options for a pipeline of a single target: per-target overrides (`rateLimit.targets`,
 * ...) keep only the entry of `targetId`, because core rejects overrides that name no
 * target of the pipeline, and a middleware builds one pipeline per model.
 */
export function narrowTargetOverrides<TOptions extends object>(
  options: TOptions,
  targetId: string,
): TOptions {
  const narrowed = { ...options } as Record<string, unknown>;
  for (const field of perTargetOptions) {
    const value = narrowed[field];
    if (typeof value !== 'object' || value === null || !('targets' in value)) continue;
    const targets = (value as { targets?: Record<string, unknown> }).targets ?? {};
    narrowed[field] = {
      ...value,
      targets: Object.hasOwn(targets, targetId) ? { [targetId]: targets[targetId] } : {},
    };
  }
  return narrowed as TOptions;
}

/** Every target id named in per-target overrides, to validate them all at construction. */
export function overriddenTargetIds(options: object): string[] {
  const ids = new Set<string>();
  for (const field of perTargetOptions) {
    const value = (options as Record<string, unknown>)[field];
    const targets =
      typeof value === 'object' && value !== null
        ? (value as { targets?: unknown }).targets
        : undefined;
    if (typeof targets === 'object' && targets !== null)
      for (const id of Object.keys(targets)) ids.add(id);
  }
  return [...ids];
}
