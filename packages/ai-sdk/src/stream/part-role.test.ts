import { describe, expect, it } from 'vitest';
import { partRole } from './part-role';

describe('partRole', () => {
  it.each([
    [{ type: 'stream-start', warnings: [] }, 'preamble'],
    [{ type: 'response-metadata', modelId: 'm' }, 'preamble'],
    [{ type: 'text-start', id: 't' }, 'other'],
    [{ type: 'text-delta', id: 't', delta: '' }, 'other'],
    [{ type: 'text-delta', id: 't', delta: 'Hi' }, 'content'],
    [{ type: 'reasoning-delta', id: 'r', delta: 'hmm' }, 'content'],
    [{ type: 'tool-input-start', id: 'c', toolName: 'weather' }, 'content'],
    [{ type: 'tool-call', toolCallId: 'c', toolName: 'weather', input: '{}' }, 'content'],
    [{ type: 'source', sourceType: 'url', id: 's', url: 'https://example.test' }, 'content'],
    [{ type: 'raw', rawValue: {} }, 'other'],
    [{ type: 'error', error: new Error('x') }, 'error'],
  ] as const)('gives %j the role %s', (part, role) => {
    expect(partRole(part as never)).toBe(role);
  });

  it('gives the finish part the finish role', () => {
    expect(
      partRole({
        type: 'finish',
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: {
          inputTokens: { total: 1, noCache: 1, cacheRead: undefined, cacheWrite: undefined },
          outputTokens: { total: 1, text: 1, reasoning: undefined },
        },
      }),
    ).toBe('finish');
  });
});
