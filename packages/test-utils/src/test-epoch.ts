/**
 * Where a manual clock starts when the time must look real: some code reads a time of 0 as
 * none (lru-cache's TTLs, the SDKs' `created` timestamps of answers).
 */
export const testEpochMs = Date.UTC(2026, 0, 1);
