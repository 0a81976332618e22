import type { PipelineEvent } from '@resilient-llm/core';

/**
 * A tiny in-process metrics registry in the shape of Prometheus counters and a histogram;
 * swap it for prom-client, OpenTelemetry or StatsD in your app.
 */
export function createMetrics() {
  const counters = new Map<string, number>();
  const durationsMs: number[] = [];
  const count = (name: string, labels: Record<string, string>) => {
    const key = `${name}{${Object.entries(labels)
      .map(([label, value]) => `${label}="${value}"`)
      .join(',')}}`;
    counters.set(key, (counters.get(key) ?? 0) + 1);
  };

  return {
    /** Turns one pipeline event into counter increments and duration samples. */
    record(event: PipelineEvent): void {
      switch (event.type) {
        case 'attempt-failure':
          count('llm_attempt_failures_total', { target: event.targetId, kind: event.failure.kind });
          break;
        case 'fallback':
          count('llm_fallbacks_total', { from: event.targetId, to: event.nextTargetId });
          break;
        case 'call-success':
          count('llm_calls_total', { outcome: 'success', target: event.targetId });
          durationsMs.push(event.durationMs);
          break;
        case 'call-failure':
          count('llm_calls_total', { outcome: 'failure', target: 'none' });
          durationsMs.push(event.durationMs);
          break;
      }
    },
    /** The counters in Prometheus' text exposition format, plus the slowest call. */
    exposition(): string {
      const lines = [...counters].map(([key, value]) => `${key} ${value}`).sort();
      const slowest = Math.max(0, ...durationsMs);
      return [...lines, `llm_call_duration_ms_max ${Math.round(slowest)}`].join('\n');
    },
  };
}
