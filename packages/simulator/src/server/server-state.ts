import type { ValidatedConfig } from '../config/validate-config';
import type { SimulatorClock } from '../time/clock';
import type { ModelRegistry } from './model-registry';
import type { StatsRecorder } from './stats-recorder';

/** Everything the request handlers of one server share. */
export interface ServerState {
  readonly config: ValidatedConfig;
  readonly clock: SimulatorClock;
  /** Clock time the server started; fault windows count from here. */
  readonly startedAt: number;
  readonly stats: StatsRecorder;
  readonly models: ModelRegistry;
  /** One controller per request in progress; aborted when the server closes. */
  readonly active: Set<AbortController>;
  /** Next number for response ids. */
  nextId: number;
}
