import type { PipelineOverheadResult } from '../overhead/run-pipeline-overhead.ts';
import type { AimCheck } from './aims.ts';
import { aimsTable } from './aims-table.ts';
import { markdownTable, ratio } from './format.ts';
import type { BenchResults } from './results.ts';

/** Microseconds the pipeline with its defaults may add to a call over loopback. */
const aimExtraMicroseconds = 30;
/** How many times a plain SDK call the pipeline with its defaults may cost. */
const aimRatio = 1.08;

/** The aims of the per-call overhead, judged on the pipeline with its defaults. */
function overheadAims({ variants }: PipelineOverheadResult): AimCheck[] {
  const defaults = variants.find((row) => row.variant === 'defaults');
  if (!defaults) return [];
  return [
    {
      aim: `defaults: at most +${aimExtraMicroseconds} µs per call over the plain SDK`,
      measured: `+${defaults.extraMicroseconds.toFixed(0)} µs`,
      met: defaults.extraMicroseconds <= aimExtraMicroseconds,
    },
    {
      aim: `defaults: at most ${aimRatio}x a plain SDK call`,
      measured: `${ratio(defaults.ratio)}x`,
      met: defaults.ratio <= aimRatio,
    },
  ];
}

/** The overhead section: the policies around a bare function, the pipeline over HTTP. */
export function overheadSection({ overhead, pipelineOverhead }: BenchResults): string {
  const table = markdownTable(
    ['variant', 'ns per call', 'vs raw', 'vs cockatiel'],
    overhead.rows.map((row) => [
      row.variant,
      String(row.nanosecondsPerCall),
      `${ratio(row.versusRaw)}x`,
      `${ratio(row.versusCockatiel)}x`,
    ]),
  );
  return `## Overhead

Retry + circuit breaker + rate limiter + bulkhead + timeout of \`@resilient-llm/policies\`
around an immediate async function, against the bare call and against cockatiel's \`wrap\`
of the same policies, from \`${overhead.command}\`.

${table}

The whole pipeline over HTTP: ${pipelineOverhead.calls} sequential chat completions per variant
against a simulator on loopback that answers at once (in the same process): the plain OpenAI
SDK against \`createResilientOpenAI\` with its defaults (targets only) and with every built-in
stage on (bulkhead and attempt timeout too), and the plain SDK given what every attempt of the
pipeline gives it (an \`AbortSignal\`, which the SDK composes with its own, and
\`.withResponse()\`): the part of the overhead that is the SDK's own work. The order rotates
each round; "over the SDK" is the median over rounds of a variant's mean per call less the
plain SDK's in the same round, so drift between rounds cancels out.

${markdownTable(
  ['variant', 'median per call', 'over the SDK', 'vs raw'],
  [
    ['OpenAI SDK', `${pipelineOverhead.rawMedianMs.toFixed(3)} ms`, '', '1.00x'],
    ...pipelineOverhead.variants.map((row) => [
      row.variant === 'OpenAI SDK given a signal'
        ? row.variant
        : `createResilientOpenAI, ${row.variant}`,
      `${row.medianMs.toFixed(3)} ms`,
      `+${row.extraMicroseconds.toFixed(0)} µs`,
      `${ratio(row.ratio)}x`,
    ]),
  ],
)}

${aimsTable(overheadAims(pipelineOverhead))}
`;
}
