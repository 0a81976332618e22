import type { ScaleResult, ScaleSettings } from '../scale/run-scale.ts';
import type { AimCheck } from './aims.ts';
import { aimsTable } from './aims-table.ts';
import { markdownTable, ratio } from './format.ts';

/** Queued acquires at which the CPU aim is judged. */
const aimSize = 100_000;
/** CPU time, enqueue and drain together, that `aimSize` queued acquires may take. */
const aimCpuMs = 1_000;
/** How much more a call may cost at the largest size than at the smallest. */
const aimGrowth = 3;

/** The aims of the scale scenario: CPU time at 100k, and growth from the smallest size. */
function scaleAims(result: ScaleResult): AimCheck[] {
  const row = result.rows.find((candidate) => candidate.queued === aimSize);
  const first = result.rows[0];
  const last = result.rows.at(-1);
  return [
    ...(row
      ? [
          {
            aim: `${aimSize.toLocaleString('en-US')} queued acquires: enqueue and drain in under ${aimCpuMs} ms of CPU`,
            measured: `${Math.round(row.totalCpuMs)} ms`,
            met: row.totalCpuMs < aimCpuMs,
          },
        ]
      : []),
    ...(first && last
      ? [
          {
            aim: `cost per call at ${last.queued.toLocaleString('en-US')} within ${aimGrowth}x of the cost at ${first.queued.toLocaleString('en-US')}`,
            measured: `${ratio(result.growth)}x`,
            met: result.growth <= aimGrowth,
          },
        ]
      : []),
  ];
}

/** The scale scenario's section of the report. */
export function scaleSection(result: ScaleResult, settings: ScaleSettings): string {
  const rows = result.rows.map((row) => [
    row.queued.toLocaleString('en-US'),
    row.enqueueCpuMs.toFixed(1),
    row.drainCpuMs.toFixed(1),
    row.totalCpuMs.toFixed(1),
    row.microsecondsPerCall.toFixed(2),
    Math.round(row.bytesPerWaitingCall).toString(),
  ]);
  return `## Scale

Calls queued at once on one \`RateLimiter\` of ${settings.requestsPerWindow} requests per
${settings.windowMs} ms (refilling continuously), on a manual clock so that only the limiter's
own work counts: the bucket is emptied first, so every measured acquire waits; then time jumps
from timer to timer until every one is granted. CPU time is the process's (user and system),
heap per waiting call is \`heapUsed\` after enqueueing over before (after a collection), and
includes the caller's own promise. One warm-up run at the smallest size first.

${markdownTable(['queued', 'enqueue CPU ms', 'drain CPU ms', 'total CPU ms', 'µs per call', 'heap bytes per waiting call'], rows)}

${aimsTable(scaleAims(result))}
`;
}
