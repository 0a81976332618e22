import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runChild } from '@resilient-llm/test-utils/run-child';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { loadCliConfig } from '../src/cli/load-cli-config';
import { parseCliArguments } from '../src/cli/parse-cli-arguments';
import { validateConfig } from '../src/index';
import { openAIClient, startForTest } from './helpers';

// Every code block of the README comes from a file: the line before it says which, as
// `<!-- snippet: test/readme/quick-start.ts -->` (the file as it is) or
// `<!-- snippet: src/cli/parse-cli-arguments.ts#USAGE -->` (an exported string), or it is a
// program's output, `<!-- output of: test/readme/quick-start.ts -->`. The files are
// type-checked with the repository and checked here: programs run to the end, the config
// validates, commands name what exists.
const packageDir = path.resolve(import.meta.dirname, '..');
const repoRoot = path.resolve(packageDir, '../..');

interface CodeBlock {
  readonly line: number;
  readonly marker: { readonly kind: 'snippet' | 'output of'; readonly source: string } | undefined;
  readonly body: string;
}

function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (!lines[index]!.startsWith('```')) continue;
    const marker = /^<!-- (snippet|output of): (\S+) -->$/.exec(lines[index - 1] ?? '');
    const close = lines.indexOf('```', index + 1);
    if (close < 0) throw new Error(`README.md:${index + 1}: a code block is never closed`);
    blocks.push({
      line: index + 1,
      marker: marker
        ? { kind: marker[1] as 'snippet' | 'output of', source: marker[2]! }
        : undefined,
      body: `${lines.slice(index + 1, close).join('\n')}\n`,
    });
    index = close;
  }
  return blocks;
}

const blocks = codeBlocks(readFileSync(path.join(packageDir, 'README.md'), 'utf8'));
const snippets = blocks.flatMap(({ marker }) =>
  marker?.kind === 'snippet' ? [marker.source] : [],
);
const filesOf = (extension: string) => snippets.filter((source) => source.endsWith(extension));
const read = (source: string) => readFileSync(path.join(packageDir, source), 'utf8');

async function sourceText(source: string): Promise<string> {
  const [file, exportName] = source.split('#');
  if (!exportName) return read(file!);
  const module = (await import(path.join(packageDir, file!))) as Record<string, unknown>;
  return `${String(module[exportName])}\n`;
}

async function runProgram(source: string) {
  return runChild(new URL(source, `file://${packageDir}/`), { exitBoundMs: 30_000 });
}

describe('the README code blocks', () => {
  it('each says the file it comes from', () => {
    expect(blocks.length).toBeGreaterThan(5);
    expect(blocks.filter(({ marker }) => !marker).map(({ line }) => `README.md:${line}`)).toEqual(
      [],
    );
  });

  it('are their files as they are', async () => {
    for (const { marker, body, line } of blocks) {
      if (marker?.kind !== 'snippet') continue;
      expect({ line, body }).toEqual({ line, body: await sourceText(marker.source) });
    }
  });

  it('show what the programs print, and every program runs to the end', async () => {
    const outputs = new Map(
      blocks.flatMap(({ marker, body }) =>
        marker?.kind === 'output of' ? [[marker.source, body] as const] : [],
      ),
    );
    for (const program of filesOf('.ts')) {
      const exit = await runProgram(program);
      expect({ program, code: exit.code, killed: exit.killed }).toEqual({
        program,
        code: 0,
        killed: false,
      });
      if (outputs.has(program)) expect(exit.output).toBe(outputs.get(program));
    }
    expect([...outputs.keys()].filter((program) => !filesOf('.ts').includes(program))).toEqual([]);
  }, 60_000);

  it('give a config that validates', () => {
    for (const file of filesOf('.jsonc')) {
      const { config, error } = ts.parseConfigFileTextToJson(file, read(file));
      expect(error).toBeUndefined();
      expect(() => validateConfig(config)).not.toThrow();
    }
  });

  it('give a batch prompt answered item by item', async () => {
    const simulator = await startForTest();
    const item = {
      type: 'object',
      properties: { id: { type: 'string' }, answer: { type: 'string' } },
    };
    const schema = {
      type: 'object',
      properties: { answers: { type: 'array', items: item } },
    };
    for (const file of filesOf('.txt')) {
      const completion = await openAIClient(simulator).chat.completions.create({
        model: 'gpt-sim',
        messages: [{ role: 'user', content: read(file) }],
        response_format: { type: 'json_schema', json_schema: { name: 'batch', schema } },
      });
      const { answers } = JSON.parse(completion.choices[0]!.message.content!);
      expect(answers.map(({ id }: { id: string }) => id)).toEqual(['q1', 'q2']);
    }
  });

  it('give commands whose programs, flags and scripts exist', async () => {
    for (const file of filesOf('.sh')) {
      const commands = read(file)
        .split('\n')
        .map((line) => line.replace(/#.*$/, '').trim())
        .filter(Boolean);
      for (const command of commands) await checkCommand(command.split(/\s+/));
    }
  });
});

async function checkCommand([program, ...args]: string[]): Promise<void> {
  if (program === 'npx' && args[0] === 'resilient-llm-sim') {
    validateConfig(await loadCliConfig(parseCliArguments(args.slice(1))));
  } else if (program === 'node') {
    const [script, ...flags] = args;
    const text = readFileSync(path.join(repoRoot, script!), 'utf8');
    for (const flag of flags.filter((arg) => arg.startsWith('--')))
      expect({
        script,
        flag,
        declared: new RegExp(`'?${flag.slice(2)}'?: \\{ type`).test(text),
      }).toEqual({ script, flag, declared: true });
  } else if (program === 'pnpm' && args[0] === '--filter' && args[2] === 'run') {
    const name = args[1]!.replace('@resilient-llm/', '');
    const manifest = path.join(repoRoot, 'packages', name, 'package.json');
    expect(existsSync(manifest)).toBe(true);
    expect(Object.keys(JSON.parse(readFileSync(manifest, 'utf8')).scripts)).toContain(args[3]);
  } else {
    throw new Error(`No check for the README command: ${[program, ...args].join(' ')}`);
  }
}
