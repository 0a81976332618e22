import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** One row of the policies package's overhead benchmark. */
interface OverheadRow {
  variant: string;
  nanosecondsPerCall: number;
  versusRaw: number;
  versusCockatiel: number;
}

/** The overhead benchmark's table and its raw output. */
export interface OverheadResult {
  command: string;
  rows: OverheadRow[];
  output: string;
}

const script = fileURLToPath(
  new URL('../../../packages/policies/bench/overhead.ts', import.meta.url),
);
const row = /^(.+?)\s+(\d+)\s+([\d.]+)x\s+([\d.]+)x$/;

/**
 * Runs `packages/policies/bench/overhead.ts` (retry + breaker + limiter + bulkhead + timeout
 * against a raw call and against cockatiel's wrap) in a child process and reads its table.
 */
export async function runOverhead(rounds: number, callsPerRound: number): Promise<OverheadResult> {
  const { stdout } = await promisify(execFile)(process.execPath, [script], {
    env: { ...process.env, ROUNDS: String(rounds), CALLS: String(callsPerRound) },
  });
  const rows = stdout.split('\n').flatMap((line): OverheadRow[] => {
    const match = row.exec(line.trim());
    if (!match) return [];
    return [
      {
        variant: match[1]!.trim(),
        nanosecondsPerCall: Number(match[2]),
        versusRaw: Number(match[3]),
        versusCockatiel: Number(match[4]),
      },
    ];
  });
  return {
    command: `ROUNDS=${rounds} CALLS=${callsPerRound} node packages/policies/bench/overhead.ts`,
    rows,
    output: stdout.trim(),
  };
}
