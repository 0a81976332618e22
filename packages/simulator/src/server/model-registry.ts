import { resolveModel } from '../config/resolve-model';
import type { ResolvedModel } from '../config/resolved-types';
import { SCENARIOS } from '../config/scenarios';
import type { ValidatedConfig } from '../config/validate-config';
import { createResolvedFaultPlanner, type FaultPlanner } from '../faults/fault-planner';
import { hashString } from '../random/hash-string';
import { createKeyLimiter } from '../rate-limit/create-key-limiter';
import type { KeyLimiter } from '../rate-limit/key-limiter';
import type { SimulatorClock } from '../time/clock';

/** A served model with its own limits and fault sequence. */
export interface ModelRuntime {
  readonly model: ResolvedModel;
  /** Limits per API key. */
  readonly limiter: KeyLimiter;
  /** Limits over all keys, when the model has a shared pool. */
  readonly pool: KeyLimiter | undefined;
  readonly planner: FaultPlanner;
}

/** The models of one server: the configured ones, and others created on first use. */
export class ModelRegistry {
  private readonly runtimes = new Map<string, ModelRuntime>();

  constructor(
    private readonly config: ValidatedConfig,
    private readonly clock: SimulatorClock,
  ) {
    for (const name of Object.keys(config.models)) this.get(name);
  }

  /** The runtime of `name`; undefined when unknown models are rejected and `name` is unknown. */
  get(name: string): ModelRuntime | undefined {
    const existing = this.runtimes.get(name);
    if (existing) return existing;
    const configured = this.config.models[name];
    if (!configured && this.config.rejectUnknownModels) return undefined;
    const model = resolveModel(name, [
      SCENARIOS[this.config.scenario],
      this.config.defaultModel,
      configured,
    ]);
    const runtime: ModelRuntime = {
      model,
      limiter: createKeyLimiter(model.rateLimit, this.clock),
      pool: model.sharedPool ? createKeyLimiter(model.sharedPool, this.clock) : undefined,
      planner: createResolvedFaultPlanner(model, hashString(this.config.seed, 'faults', name)),
    };
    this.runtimes.set(name, runtime);
    return runtime;
  }

  /** Names of the models configured or used so far. */
  names(): string[] {
    return [...this.runtimes.keys()];
  }
}
