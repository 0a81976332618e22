import type { SimulatorStats } from '@resilient-llm/simulator';

/** What the parent asks the simulator process. */
export type SimulatorRequest = { type: 'stats' } | { type: 'close' };

/** What the simulator process answers. */
export type SimulatorReply =
  | { type: 'ready'; baseURL: string }
  | { type: 'stats'; stats: SimulatorStats };
