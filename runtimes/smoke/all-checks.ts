import { aiSdkChecks } from './ai-sdk.ts';
import type { CheckResult } from './check.ts';
import { coreCacheBatchChecks } from './core-cache-batch.ts';
import { openAIChecks } from './openai.ts';

/** Every smoke check against the simulator at `baseURL`, one after the other. */
export async function runAllChecks(baseURL: string): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const checks of [openAIChecks, aiSdkChecks, coreCacheBatchChecks]) {
    for (const result of await Promise.all(checks(baseURL))) results.push(result);
  }
  return results;
}

/** The line a runtime prints, which the matrix reads back. */
export const resultsMarker = 'SMOKE-RESULTS ';
