import { createResilientOpenAI } from '@resilient-llm/openai';
import { startSimulator } from '@resilient-llm/simulator';
import OpenAI from 'openai';
import { MODEL, promptOf } from '../goodput/arm.ts';
import { percentile } from '../metrics/percentile.ts';

/** Median time of one chat call, raw and through the whole pipeline, over loopback HTTP. */
export interface PipelineOverheadResult {
  calls: number;
  rawMedianMs: number;
  pipelineMedianMs: number;
  /** Pipeline over raw. */
  ratio: number;
}

/**
 * Sequential chat completions against a healthy simulator that answers at once: the plain SDK
 * against `createResilientOpenAI` with every built-in stage on (the bulkhead too). Rounds
 * alternate so that drift hits both alike.
 */
export async function runPipelineOverhead(
  rounds: number,
  callsPerRound: number,
): Promise<PipelineOverheadResult> {
  const simulator = await startSimulator({ scenario: 'steady', seed: 7 });
  try {
    const client = new OpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-bench', maxRetries: 0 });
    const resilient = createResilientOpenAI({
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
      pipeline: (index: number) => resilient.chat.completions.create(body(index)),
    };
    const samples: Record<keyof typeof variants, number[]> = { raw: [], pipeline: [] };
    for (let round = 0; round <= rounds; round++) {
      const order =
        round % 2 === 0 ? (['raw', 'pipeline'] as const) : (['pipeline', 'raw'] as const);
      for (const name of order) {
        const startedAt = performance.now();
        for (let call = 0; call < callsPerRound; call++) await variants[name](call);
        // Round 0 warms up both and is not recorded.
        if (round > 0) samples[name].push((performance.now() - startedAt) / callsPerRound);
      }
    }
    const rawMedianMs = percentile(samples.raw, 50);
    const pipelineMedianMs = percentile(samples.pipeline, 50);
    return {
      calls: rounds * callsPerRound,
      rawMedianMs,
      pipelineMedianMs,
      ratio: pipelineMedianMs / rawMedianMs,
    };
  } finally {
    await simulator.close();
  }
}
