import { describe, expect, it } from 'vitest';
import {
  findUndocumentedTypeParams,
  publicEntryFiles,
  type UndocumentedTypeParam,
} from './type-param-docs/find-undocumented-type-params';

const named = ({ declaration, typeParam }: UndocumentedTypeParam) => `${declaration} ${typeParam}`;

let found: UndocumentedTypeParam[] | undefined;
// One program reads every package, once; building it takes some seconds.
const undocumentedInPackages = () => {
  found ??= findUndocumentedTypeParams(publicEntryFiles());
  return found;
};

describe('type parameter docs', () => {
  it('reads the public entry point of every published package, not the internal ones', () => {
    expect(publicEntryFiles()).toEqual([
      'packages/ai-sdk/src/index.ts',
      'packages/batch/src/index.ts',
      'packages/batch/src/openai.ts',
      'packages/batch/src/ai-sdk.ts',
      'packages/cache/src/index.ts',
      'packages/core/src/index.ts',
      'packages/core/src/binding.ts',
      'packages/openai/src/index.ts',
      'packages/policies/src/index.ts',
      'packages/policies/src/validation.ts',
      'packages/redis/src/index.ts',
      'packages/simulator/src/index.ts',
      'packages/simulator/src/inject.ts',
    ]);
  });

  it('names, by file and line, each type parameter no @typeParam or @template describes', () => {
    expect(findUndocumentedTypeParams(['test/type-param-docs/fixture.ts'])).toEqual([
      { at: 'test/type-param-docs/fixture.ts:19', declaration: 'NamedOnly', typeParam: 'T' },
      { at: 'test/type-param-docs/fixture.ts:22', declaration: 'overloaded', typeParam: 'T' },
      { at: 'test/type-param-docs/fixture.ts:33', declaration: 'Holder', typeParam: 'TValue' },
      { at: 'test/type-param-docs/fixture.ts:35', declaration: 'Holder.map', typeParam: 'TOut' },
      { at: 'test/type-param-docs/fixture.ts:45', declaration: 'arrow', typeParam: 'TArg' },
    ]);
  });

  it('every type parameter of a public export has a description', { timeout: 60_000 }, () => {
    const undocumented = undocumentedInPackages().map((param) => `${param.at} ${named(param)}`);
    expect(undocumented).toEqual([]);
  });
});
