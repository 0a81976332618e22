import { createResilientOpenAI } from '@resilient-llm/openai';
import { startSimulator } from '@resilient-llm/simulator';
import OpenAI from 'openai';
import { MODEL, promptOf } from '../goodput/arm.ts';
import { percentile } from '../metrics/percentile.ts';

/** One way of making the call through the pipeline, against the plain SDK. */
interface PipelineVariant {
  variant: 'OpenAI SDK given a signal' | 'defaults' | 'every built-in stage';
  medianMs: number;
  /**
   * Microseconds per call over the plain SDK: the median, over rounds, of this variant's mean
   * per call less the plain SDK's in the same round (drift between rounds cancels out).
   */
  extraMicroseconds: number;
  /** One plus the extra time over the plain SDK's median per call. */
  ratio: number;
}

/** Median time of one chat call, raw and through the pipeline, over loopback HTTP. */
export interface PipelineOverheadResult {
  /** Calls measured per variant. */
  calls: number;
  rawMedianMs: number;
  variants: PipelineVariant[];
}

/**
 * Sequential chat completions against a healthy simulator that answers at once: the plain SDK
 * against `createResilientOpenAI` with its defaults (targets only), and with every built-in
 * stage on (the bulkhead and an attempt timeout too); beside them the plain SDK given what every
 * attempt of the pipeline gives it (an `AbortSignal`, `.withResponse()`), the part of the cost
 * that is the SDK's own. The order of the variants rotates each round; each is compared with
 * the plain SDK in the same round.
 */
export async function runPipelineOverhead(
  rounds: number,
  callsPerRound: number,
): Promise<PipelineOverheadResult> {
  const simulator = await startSimulator({ scenario: 'steady', seed: 7 });
  try {
    const client = new OpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-bench', maxRetries: 0 });
    const defaults = createResilientOpenAI({ targets: [{ id: 'primary', client }] });
    const everyStage = createResilientOpenAI({
      targets: [{ id: 'primary', client }],
      bulkhead: { maxConcurrent: 64 },
      attemptTimeoutMs: 30_000,
    });
    const body = (index: number) => ({
      model: MODEL,
      messages: [{ role: 'user' as const, content: promptOf(index) }],
    });
    const variants = {
      raw: (index: number) => client.chat.completions.create(body(index)),
      'OpenAI SDK given a signal': (index: number) =>
        client.chat.completions
          .create(body(index), { signal: new AbortController().signal, maxRetries: 0 })
          .withResponse(),
      defaults: (index: number) => defaults.chat.completions.create(body(index)),
      'every built-in stage': (index: number) => everyStage.chat.completions.create(body(index)),
    };
    const names = Object.keys(variants) as (keyof typeof variants)[];
    const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<
      keyof typeof variants,
      number[]
    >;
    for (let round = 0; round <= rounds; round++) {
      for (let offset = 0; offset < names.length; offset++) {
        const name = names[(round + offset) % names.length]!;
        const startedAt = performance.now();
        for (let call = 0; call < callsPerRound; call++) await variants[name](call);
        // Round 0 warms up both and is not recorded.
        if (round > 0) samples[name].push((performance.now() - startedAt) / callsPerRound);
      }
    }
    const rawMedianMs = percentile(samples.raw, 50);
    const compared = ['OpenAI SDK given a signal', 'defaults', 'every built-in stage'] as const;
    return {
      calls: rounds * callsPerRound,
      rawMedianMs,
      variants: compared.map((variant) => {
        const extraMs = percentile(
          samples[variant].map((meanMs, round) => meanMs - samples.raw[round]!),
          50,
        );
        return {
          variant,
          medianMs: percentile(samples[variant], 50),
          extraMicroseconds: extraMs * 1000,
          ratio: 1 + extraMs / rawMedianMs,
        };
      }),
    };
  } finally {
    await simulator.close();
  }
}
