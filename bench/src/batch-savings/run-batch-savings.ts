import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** What the simulator served for one way of sending the items. */
interface ServedCounts {
  requests: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

/** The batch package's savings benchmark: the same prompts one by one and through the batcher. */
export interface BatchSavingsResult {
  command: string;
  items: number;
  batchSize: number;
  unbatched: ServedCounts;
  batched: ServedCounts;
}

const script = fileURLToPath(new URL('../../../packages/batch/bench/savings.ts', import.meta.url));

/**
 * Runs `packages/batch/bench/savings.ts --json` (N one-line prompts with shared instructions,
 * sent one by one and through the prompt batcher, each through a resilient OpenAI client to
 * one simulator) in a child process and reads what the simulator served for each.
 */
export async function runBatchSavings(
  items: number,
  batchSize: number,
): Promise<BatchSavingsResult> {
  const args = ['--items', String(items), '--batch-size', String(batchSize)];
  const { stdout } = await promisify(execFile)(process.execPath, [script, ...args, '--json']);
  const { unbatched, batched } = JSON.parse(stdout) as Pick<
    BatchSavingsResult,
    'unbatched' | 'batched'
  >;
  return {
    command: `node packages/batch/bench/savings.ts ${args.join(' ')}`,
    items,
    batchSize,
    unbatched,
    batched,
  };
}
