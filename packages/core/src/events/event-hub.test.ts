import { describe, expect, it } from 'vitest';
import { EventHub } from './event-hub';

type StageEvent =
  | { readonly type: 'stage-hit'; readonly key: string }
  | { readonly type: 'stage-miss'; readonly key: string };

describe('EventHub', () => {
  it('carries events of any tagged union, to the listeners of their type', () => {
    const hub = new EventHub<StageEvent>();
    const hits: string[] = [];
    const subscription = hub.on('stage-hit', (event) => hits.push(event.key));

    expect(hub.wants('stage-hit')).toBe(true);
    expect(hub.wants('stage-miss')).toBe(false);
    hub.emit({ type: 'stage-hit', key: 'a' });
    hub.emit({ type: 'stage-miss', key: 'b' });
    subscription.dispose();
    hub.emit({ type: 'stage-hit', key: 'c' });

    expect(hits).toEqual(['a']);
    expect(hub.wants('stage-hit')).toBe(false);
  });

  it('forwards every event, from then on, to the sink it is given, which it asks what it wants', () => {
    const hub = new EventHub<StageEvent>();
    const own: StageEvent[] = [];
    hub.on('stage-hit', (event) => own.push(event));
    hub.emit({ type: 'stage-hit', key: 'before' });
    const model = new EventHub<StageEvent>();
    const forwarded: StageEvent[] = [];
    model.on('stage-miss', (event) => forwarded.push(event));

    hub.forwardTo(model);
    hub.emit({ type: 'stage-hit', key: 'after' });
    hub.emit({ type: 'stage-miss', key: 'after' });

    expect(hub.wants('stage-miss')).toBe(true);
    expect(own.map((event) => event.key)).toEqual(['before', 'after']);
    expect(forwarded).toEqual([{ type: 'stage-miss', key: 'after' }]);
    expect(() => hub.forwardTo(model)).not.toThrow();
    expect(() => hub.forwardTo(new EventHub<StageEvent>())).toThrow(TypeError);
  });

  it('never lets a listener, telemetry or the sink that throws break the emitter', () => {
    const seen: string[] = [];
    const hub = new EventHub<StageEvent>(() => {
      seen.push('telemetry');
      throw new Error('telemetry broke');
    });
    hub.on('stage-hit', () => {
      throw new Error('listener broke');
    });
    hub.on('stage-hit', () => seen.push('listener'));
    hub.forwardTo({
      wants: () => true,
      emit: () => {
        throw new Error('sink broke');
      },
    });

    expect(() => hub.emit({ type: 'stage-hit', key: 'a' })).not.toThrow();
    expect(seen).toEqual(['listener', 'telemetry']);
  });
});
