import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileSnippets } from './snippets/compile-blocks.ts';
import { firstTypeScriptLine } from './snippets/looks-like-typescript.ts';
import { type CodeBlock, readMarkdownSnippets } from './snippets/markdown-blocks.ts';
import { runSnippets } from './snippets/run-blocks.ts';
import { writeSnippetWorkspace } from './snippets/snippet-workspace.ts';

const fence = '```';
const read = (...lines: string[]) => readMarkdownSnippets('README.md', lines.join('\n'));

describe('readMarkdownSnippets', () => {
  it('reads each block with its language, fence line and code, compiled by default', () => {
    const { blocks, problems } = read(
      '# Title',
      '',
      `${fence}ts`,
      "const a = 'a';",
      '',
      'const b = a;',
      fence,
      `${fence}sh`,
      'pnpm add x',
      fence,
      fence,
      'caller -> model',
      fence,
    );
    expect(problems).toEqual([]);
    expect(blocks).toEqual([
      {
        file: 'README.md',
        line: 3,
        lang: 'ts',
        language: 'typescript',
        mode: 'compile',
        code: "const a = 'a';\n\nconst b = a;",
      },
      {
        file: 'README.md',
        line: 8,
        lang: 'sh',
        language: 'shell',
        mode: 'compile',
        code: 'pnpm add x',
      },
      {
        file: 'README.md',
        line: 11,
        lang: '',
        language: 'other',
        mode: 'compile',
        code: 'caller -> model',
      },
    ]);
  });

  it('tells the TypeScript and JavaScript tags apart', () => {
    const { blocks } = read(
      ...['typescript', 'tsx', 'js', 'javascript', 'bash', 'jsonc'].flatMap((lang) => [
        `${fence}${lang}`,
        'x',
        fence,
      ]),
    );
    expect(blocks.map((block) => block.language)).toEqual([
      'typescript',
      'typescript',
      'javascript',
      'javascript',
      'shell',
      'other',
    ]);
  });

  it('takes a marker line before the block, blank lines between allowed', () => {
    const { blocks, problems } = read(
      '<!-- snippet: run -->',
      `${fence}ts`,
      'run();',
      fence,
      '<!-- snippet: fragment (type signature only) -->',
      '',
      `${fence}ts`,
      'interface A {}',
      fence,
      '<!--snippet:run (starts its own simulator)-->',
      `${fence}ts`,
      'x;',
      fence,
    );
    expect(problems).toEqual([]);
    expect(blocks.map(({ mode, reason }) => ({ mode, reason }))).toEqual([
      { mode: 'run', reason: undefined },
      { mode: 'fragment', reason: 'type signature only' },
      { mode: 'run', reason: 'starts its own simulator' },
    ]);
  });

  it('takes a marker in the info string, beside the words VitePress reads', () => {
    const { blocks, problems } = read(
      `${fence}ts run`,
      'x;',
      fence,
      `${fence}ts fragment (an options object alone)`,
      'x;',
      fence,
      `${fence}ts [main.ts] {2} run`,
      'x;',
      fence,
      `${fence}ts:line-numbers`,
      'x;',
      fence,
    );
    expect(problems).toEqual([]);
    expect(blocks.map(({ lang, mode, reason }) => ({ lang, mode, reason }))).toEqual([
      { lang: 'ts', mode: 'run', reason: undefined },
      { lang: 'ts', mode: 'fragment', reason: 'an options object alone' },
      { lang: 'ts', mode: 'run', reason: undefined },
      { lang: 'ts', mode: 'compile', reason: undefined },
    ]);
  });

  it('refuses a fragment without its reason, in either form', () => {
    const { blocks, problems } = read(
      '<!-- snippet: fragment -->',
      `${fence}ts`,
      'x;',
      fence,
      `${fence}ts fragment`,
      'x;',
      fence,
      `${fence}ts fragment ()`,
      'x;',
      fence,
    );
    const reasonNeeded = 'a fragment marker needs its reason: "fragment (type signature only)"';
    expect(problems).toEqual([
      { file: 'README.md', line: 1, message: reasonNeeded },
      { file: 'README.md', line: 5, message: reasonNeeded },
      { file: 'README.md', line: 8, message: reasonNeeded },
    ]);
    // Unmarked, so still compiled: a bad marker never skips a block.
    expect(blocks.map((block) => block.mode)).toEqual(['compile', 'compile', 'compile']);
  });

  it('refuses unknown markers and info-string words', () => {
    const { blocks, problems } = read(
      '<!-- snippet: skip -->',
      `${fence}ts`,
      'x;',
      fence,
      `${fence}ts runnable`,
      'x;',
      fence,
    );
    expect(problems.map(({ line, message }) => ({ line, message }))).toEqual([
      {
        line: 1,
        message:
          'unknown snippet marker "skip": use "run", "fragment (why)" or the copied file\'s path',
      },
      {
        line: 5,
        message: 'unknown word "runnable" in the info string: use "run" or "fragment (why)"',
      },
    ]);
    expect(blocks.map((block) => block.mode)).toEqual(['compile', 'compile']);
  });

  it('reads a copy marker on a block of any language, with its file and an optional #NAME', () => {
    const { blocks, problems } = read(
      '<!-- snippet: test/readme/start.sh -->',
      `${fence}sh`,
      'pnpm start',
      fence,
      '<!-- snippet: src/cli/usage.ts#USAGE -->',
      `${fence}ts`,
      'x;',
      fence,
    );
    expect(problems).toEqual([]);
    expect(blocks.map(({ mode, source }) => ({ mode, source }))).toEqual([
      { mode: 'copy', source: 'test/readme/start.sh' },
      { mode: 'copy', source: 'src/cli/usage.ts#USAGE' },
    ]);
  });

  it('refuses a marker that no block follows, or that a block contradicts', () => {
    const { problems } = read(
      '<!-- snippet: run -->',
      'Some prose.',
      `${fence}ts`,
      'x;',
      fence,
      '<!-- snippet: run -->',
      `${fence}ts fragment (types only)`,
      'x;',
      fence,
      '<!-- snippet: run -->',
    );
    expect(problems.map(({ line, message }) => ({ line, message }))).toEqual([
      { line: 1, message: 'snippet marker not followed by a code block' },
      { line: 7, message: 'the marker line says "run", the info string "fragment"' },
      { line: 10, message: 'snippet marker not followed by a code block' },
    ]);
  });

  it('refuses a marker on a block that is not TypeScript or JavaScript, and leaves it unmarked', () => {
    const { blocks, problems } = read('<!-- snippet: run -->', `${fence}sh`, 'pnpm test', fence);
    expect(problems).toEqual([
      {
        file: 'README.md',
        line: 2,
        message: 'snippet markers apply to TypeScript and JavaScript blocks, not `sh`',
      },
    ]);
    expect(blocks[0]).toMatchObject({ language: 'shell', mode: 'compile' });
  });

  it('leaves the info words of other blocks alone, but not a marker among them', () => {
    const { problems } = read(`${fence}diff --git`, 'x', fence, `${fence}sh run`, 'x', fence);
    expect(problems).toEqual([
      {
        file: 'README.md',
        line: 4,
        message: 'snippet markers apply to TypeScript and JavaScript blocks, not `sh`',
      },
    ]);
  });

  it('strips the indentation of a fence inside a list, and keeps longer fences whole', () => {
    const { blocks } = read(
      '- a step:',
      `   ${fence}ts`,
      '   const a = 1;',
      '     nested;',
      `   ${fence}`,
      '````md',
      `${fence}ts`,
      'inner',
      fence,
      '````',
    );
    expect(blocks.map(({ line, code }) => ({ line, code }))).toEqual([
      { line: 2, code: 'const a = 1;\n  nested;' },
      { line: 6, code: `${fence}ts\ninner\n${fence}` },
    ]);
  });

  it('reports a block left open', () => {
    const { blocks, problems } = read('text', `${fence}ts`, 'x;');
    expect(problems).toEqual([
      { file: 'README.md', line: 2, message: 'code block without a closing fence' },
    ]);
    expect(blocks).toHaveLength(1);
  });

  it('lists VitePress inclusions, which are checked where they live', () => {
    const { blocks, includes } = read(
      '<<< @/../examples/recipe-cache/main.ts',
      '',
      '<<< @/../examples/recipe-cache/instance.ts#setup{2} [instance.ts]',
    );
    expect(blocks).toEqual([]);
    expect(includes).toEqual([
      { file: 'README.md', line: 1, path: '@/../examples/recipe-cache/main.ts' },
      { file: 'README.md', line: 3, path: '@/../examples/recipe-cache/instance.ts#setup{2}' },
    ]);
  });
});

describe('firstTypeScriptLine', () => {
  it('finds code in a block that escapes the compiler', () => {
    expect(firstTypeScriptLine("pnpm add openai\nimport OpenAI from 'openai';")).toBe(2);
    expect(firstTypeScriptLine('const model = createResilientModel({});')).toBe(1);
    expect(firstTypeScriptLine('await model.generate(request);')).toBe(1);
    expect(firstTypeScriptLine('interface Policy {')).toBe(1);
  });

  it('leaves shell commands, shell comments and diagrams alone', () => {
    expect(firstTypeScriptLine('pnpm bench    # builds, then runs every scenario')).toBeUndefined();
    expect(firstTypeScriptLine('# const x = 1 is what the comment says')).toBeUndefined();
    expect(
      firstTypeScriptLine('caller -> total deadline + AbortSignal\n  -> call stages'),
    ).toBeUndefined();
    expect(firstTypeScriptLine('A=1 node main.ts')).toBeUndefined();
  });
});

describe('compiling and running blocks', () => {
  const root = path.resolve(import.meta.dirname, '..');
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'readme-snippets-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const block = (line: number, code: string, mode: CodeBlock['mode'] = 'compile'): CodeBlock => ({
    file: 'README.md',
    line,
    lang: 'ts',
    language: 'typescript',
    mode,
    code,
  });

  it('compiles each block as a module of its own, an error at its Markdown line', () => {
    const files = writeSnippetWorkspace(root, folder, [
      block(10, "const answer = 'yes';\n\nconst count: number = answer;"),
      block(20, 'const answer = 42;\nconsole.log(answer);'),
    ]);
    expect(
      compileSnippets(root, folder, files).map(({ where, message }) => ({ where, message })),
    ).toEqual([
      {
        where: 'README.md:13',
        message: "TS2322: Type 'string' is not assignable to type 'number'.",
      },
    ]);
  });

  it('fails a block that throws, at its Markdown line, and kills one left running', async () => {
    const files = writeSnippetWorkspace(root, folder, [
      block(30, "console.log('fine');", 'run'),
      block(40, "const reason = 'boom';\nthrow new Error(reason);", 'run'),
      block(50, 'setInterval(() => {}, 1_000);', 'run'),
    ]);
    const failures = await runSnippets(files, { concurrency: 3, timeoutMs: 2_000 });
    const byPlace = new Map(failures.map(({ where, message }) => [where, message]));
    expect([...byPlace.keys()].sort()).toEqual(['README.md:40', 'README.md:50']);
    expect(byPlace.get('README.md:40')).toMatch(/^exited with code 1\n/);
    expect(byPlace.get('README.md:40')).toContain('README.md:42');
    expect(byPlace.get('README.md:50')).toMatch(/^still running after 2000 ms/);
  });
});
