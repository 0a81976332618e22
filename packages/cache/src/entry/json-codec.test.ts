import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CacheEntry } from './cache-entry';
import { jsonCodec } from './json-codec';

const times = { v: 1, storedAt: 1, freshUntil: 2, staleUntil: 3 } as const;

function roundTrip(response: unknown): unknown {
  const entry: CacheEntry = { ...times, kind: 'generate', response };
  return (jsonCodec.decode(jsonCodec.encode(entry)) as { response: unknown }).response;
}

describe('jsonCodec', () => {
  it('stores plain data as JSON', () => {
    const entry: CacheEntry = { ...times, kind: 'stream', parts: [{ type: 'text', text: 'a' }] };
    const text = jsonCodec.encode(entry);
    expect(JSON.parse(text)).toEqual(entry);
    expect(jsonCodec.decode(text)).toEqual(entry);
  });

  it('gives back dates, bytes and headers as they were', () => {
    const response = {
      timestamp: new Date('2026-01-02T03:04:05.678Z'),
      file: { data: new Uint8Array([0, 1, 254, 255]) },
      headers: new Headers({ 'x-request-id': 'req_1' }),
    };
    const revived = roundTrip(response) as typeof response;
    expect(revived.timestamp).toBeInstanceOf(Date);
    expect(revived.timestamp.toISOString()).toBe('2026-01-02T03:04:05.678Z');
    expect(revived.file.data).toEqual(new Uint8Array([0, 1, 254, 255]));
    expect(revived.headers.get('x-request-id')).toBe('req_1');
  });

  it('gives back the status and headers of a Response, without a body', async () => {
    const original = new Response('read already', {
      status: 201,
      statusText: 'Created',
      headers: { 'x-request-id': 'req_2' },
    });
    const revived = roundTrip({ data: { id: 1 }, response: original }) as {
      data: unknown;
      response: Response;
    };
    expect(revived.data).toEqual({ id: 1 });
    expect(revived.response).toBeInstanceOf(Response);
    expect(revived.response.status).toBe(201);
    expect(revived.response.statusText).toBe('Created');
    expect(revived.response.headers.get('x-request-id')).toBe('req_2');
    expect(await revived.response.text()).toBe('');
  });

  it('keeps objects whose keys look like tags apart from tagged values', () => {
    const response = { $date: 'not a date', nested: [{ $bytes: 'AAE=', $$x: 1 }] };
    expect(roundTrip(response)).toEqual(response);
  });

  it('refuses an object with an unknown tag, so the stage deletes the entry as corrupt', () => {
    expect(() => jsonCodec.decode('{"response":{"$unknown":1,"a":2}}')).toThrow(TypeError);
  });

  it('decodes a text without tags as it decodes one that holds them', () => {
    // A string holding `"$` sends a text through the reviver; without it, plain JSON.parse.
    const decodedBothWays = (response: unknown) => {
      const entry: CacheEntry = { ...times, kind: 'generate', response };
      const plain = jsonCodec.decode(jsonCodec.encode(entry));
      const revived = jsonCodec.decode(
        jsonCodec.encode({ ...entry, mark: '"$' } as CacheEntry),
      ) as Record<string, unknown>;
      const { mark: _, ...rest } = revived;
      return { plain, revived: rest };
    };
    fc.assert(
      fc.property(fc.jsonValue(), (response) => {
        const { plain, revived } = decodedBothWays(response);
        expect(plain).toStrictEqual(revived);
      }),
    );
  });

  it('round-trips any JSON value, keys that start with $ included', () => {
    const dollarKeys = fc.dictionary(fc.stringMatching(/^\$\$?[a-z]{0,4}$/), fc.jsonValue(), {
      maxKeys: 3,
    });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), dollarKeys), (response) => {
        // What JSON itself keeps of the value (-0 is 0), whatever its prototype.
        expect(roundTrip(response)).toEqual(JSON.parse(JSON.stringify(response)));
      }),
    );
  });

  it('revives a tag spelled with an escaped $, as JSON.parse reads it', () => {
    const text = '{"response":{"\\u0024date":"1970-01-01T00:00:00.000Z"}}';
    expect((jsonCodec.decode(text) as { response: unknown }).response).toEqual(new Date(0));
  });
});
