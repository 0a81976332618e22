import type { StageSetup } from '@resilient-llm/core';
import { InvalidOptionError } from '@resilient-llm/policies';
import type { PreparedCacheStageOptions } from './prepare-cache-stage-options';
import { type CacheWiring, wireCacheStage } from './wire-cache-stage';

/**
 * Where a stage stands: not wired yet (its options need a model's binding), wired from its own
 * options (usable outside a model), or set up in a model.
 */
type WiringState<TRequest, TPart> =
  | { readonly kind: 'unwired' }
  | { readonly kind: 'own'; readonly wiring: CacheWiring<TRequest, TPart> }
  | { readonly kind: 'in-model'; readonly wiring: CacheWiring<TRequest, TPart> };

/**
 * The wiring of one cache stage over its life: from its own options at construction when they
 * suffice (`binding` + `target`, or `keyOf` with `scope` or `shareAcrossCredentials`), then
 * from the model it is set up in for what its options leave out.
 */
export class CacheStageWiring<TTarget, TRequest, TPart> {
  private state: WiringState<TRequest, TPart>;

  constructor(private readonly prepared: PreparedCacheStageOptions<TTarget, TRequest, TPart>) {
    const { wiring, ownSource } = prepared;
    const selfSufficient =
      ownSource !== undefined ||
      (wiring.keyOf !== undefined && (wiring.scope !== undefined || wiring.shareAcrossCredentials));
    this.state = selfSufficient
      ? { kind: 'own', wiring: wireCacheStage(wiring, ownSource) }
      : { kind: 'unwired' };
  }

  /**
   * Wires the stage for `model`: its own `binding` + `target` if given, else the model's
   * binding and its `target` option or the model's first target. Throws `InvalidOptionError`
   * for what is still missing, and when the stage is already part of a model.
   */
  setup(model: Pick<StageSetup<TTarget, TRequest, unknown, TPart>, 'binding' | 'targets'>): void {
    const { prepared } = this;
    if (this.state.kind === 'in-model')
      throw new InvalidOptionError({
        field: 'stages',
        value: prepared.name,
        reason:
          'holds a cache stage that is already part of another model: create one cache stage per model (they may share a store)',
      });
    const source = prepared.ownSource ?? {
      binding: model.binding,
      target: prepared.target ?? (model.targets[0] as TTarget),
    };
    this.state = { kind: 'in-model', wiring: wireCacheStage(prepared.wiring, source) };
  }

  /**
   * What the stage keys and stores by. A stage outside a model whose options do not suffice
   * throws `InvalidOptionError` naming what is missing (`keyOf`, `scope`).
   */
  current(): CacheWiring<TRequest, TPart> {
    if (this.state.kind !== 'unwired') return this.state.wiring;
    return wireCacheStage(this.prepared.wiring, undefined);
  }
}
