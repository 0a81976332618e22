/**
 * What the check does with a block: `compile` and `run` TypeScript and JavaScript blocks,
 * skip a `fragment`, and for a `copy` (of any language) only find the file it copies: a test
 * of the package checks that the block equals that file and runs it.
 */
type SnippetMode = 'compile' | 'run' | 'fragment' | 'copy';

/** The language families the check tells apart. */
type BlockLanguage = 'typescript' | 'javascript' | 'shell' | 'other';

/** One fenced code block of a Markdown file. */
export interface CodeBlock {
  /** The Markdown file, relative to the repository root. */
  readonly file: string;
  /** The line of the opening fence, from 1. */
  readonly line: number;
  /** The first word of the info string (`ts`, `sh`, ...), `''` when there is none. */
  readonly lang: string;
  readonly language: BlockLanguage;
  /** `compile` unless a marker says otherwise; always `compile` for a non-TS/JS block. */
  readonly mode: SnippetMode;
  /** Why a fragment is one, or the note of a `run` marker. */
  readonly reason?: string;
  /** A `copy`: the copied file, relative to the Markdown file, with an optional `#NAME`. */
  readonly source?: string;
  /** The block's lines, without the fences and the fence's indentation. */
  readonly code: string;
}

/** A VitePress inclusion (`<<< @/../examples/...`): checked where the included file lives. */
export interface IncludedFile {
  readonly file: string;
  readonly line: number;
  /** The included path as written, `@` standing for the docs folder. */
  readonly path: string;
}

/** A marker or fence the check cannot read. */
interface MarkdownProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** Everything the check reads from one Markdown file. */
export interface MarkdownSnippets {
  readonly blocks: CodeBlock[];
  readonly includes: IncludedFile[];
  readonly problems: MarkdownProblem[];
}

const languages: Readonly<Record<string, BlockLanguage>> = {
  ts: 'typescript',
  typescript: 'typescript',
  tsx: 'typescript',
  mts: 'typescript',
  js: 'javascript',
  javascript: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  sh: 'shell',
  bash: 'shell',
  shell: 'shell',
  zsh: 'shell',
  console: 'shell',
};

const fencePattern = /^(\s*)(`{3,}|~{3,})(.*)$/;
const markerComment = /^\s*<!--\s*snippet:(.*?)-->\s*$/;
const includeLine = /^\s*<<<\s+(\S+)/;
// A mode word, then an optional reason in parentheses.
const modeWithReason = /^(run|fragment)(?:\s*\((.*)\))?$/;
// The words of an info string after its language: a mode with its reason, what VitePress
// gives a meaning of its own ([title], {1,3-4}, :line-numbers), or any other word.
const infoWord = /(?:run|fragment)(?![\w-])(?:\s*\([^)]*\))?|\[[^\]]*\]|\{[^}]*\}|:[\w-]+|\S+/g;
const vitepressWord = /^(\[.*\]|\{.*\}|:[\w-]+)$/;

interface Marker {
  readonly mode: Exclude<SnippetMode, 'compile'>;
  readonly reason?: string;
  readonly source?: string;
}

// `<!-- snippet: test/readme/quick-start.ts -->`, `<!-- snippet: src/cli/usage.ts#USAGE -->`.
const copiedFile = /^(?:\.{0,2}\/)?[\w-]+(?:\/[\w.-]+)*\.\w+(?:#\w+)?$/;

/**
 * Reads the fenced code blocks, their snippet markers and the VitePress inclusions of one
 * Markdown file. A marker is either a comment line `<!-- snippet: run -->` or
 * `<!-- snippet: fragment (why) -->` as the last non-blank line before a fence, or a word of
 * the info string (` ```ts run `, ` ```ts fragment (why) `). A fragment needs its reason.
 */
export function readMarkdownSnippets(file: string, markdown: string): MarkdownSnippets {
  const lines = markdown.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  const includes: IncludedFile[] = [];
  const problems: MarkdownProblem[] = [];
  const problem = (line: number, message: string) => problems.push({ file, line, message });
  let pending: { marker: Marker | undefined; line: number } | undefined;

  for (let index = 0; index < lines.length; index++) {
    const text = lines[index]!;
    const lineNumber = index + 1;
    const comment = markerComment.exec(text);
    if (comment) {
      if (pending) problem(pending.line, 'snippet marker not followed by a code block');
      const marker = parseMarker(comment[1]!.trim());
      if (typeof marker === 'string') problem(lineNumber, marker);
      pending = { marker: typeof marker === 'string' ? undefined : marker, line: lineNumber };
      continue;
    }
    const include = includeLine.exec(text);
    if (include) includes.push({ file, line: lineNumber, path: include[1]! });
    const fence = fencePattern.exec(text);
    if (!fence) {
      if (pending && text.trim() !== '') {
        problem(pending.line, 'snippet marker not followed by a code block');
        pending = undefined;
      }
      continue;
    }
    const [, indent = '', ticks = '', info = ''] = fence;
    const end = findClosingFence(lines, index + 1, ticks);
    const trimmedInfo = info.trim();
    const langWord = /^[\w+-]*/.exec(trimmedInfo)![0];
    const lang = langWord.toLowerCase();
    const language = languages[lang] ?? 'other';
    const isCode = language === 'typescript' || language === 'javascript';
    // Other blocks may carry info words of their own; only a marker among them is refused.
    const infoMarker = parseInfoWords(trimmedInfo.slice(langWord.length), (message) => {
      if (isCode) problem(lineNumber, message);
    });
    const marker = mergeMarkers(pending?.marker, infoMarker, (message) =>
      problem(lineNumber, message),
    );
    if (marker && !isCode && marker.mode !== 'copy')
      problem(
        lineNumber,
        `snippet markers apply to TypeScript and JavaScript blocks, not \`${lang}\``,
      );
    if (end === -1) problem(lineNumber, 'code block without a closing fence');
    const bodyEnd = end === -1 ? lines.length : end;
    const code = lines
      .slice(index + 1, bodyEnd)
      .map((bodyLine) => (bodyLine.startsWith(indent) ? bodyLine.slice(indent.length) : bodyLine))
      .join('\n');
    blocks.push({
      file,
      line: lineNumber,
      lang,
      language,
      mode: marker && (isCode || marker.mode === 'copy') ? marker.mode : 'compile',
      ...(isCode && marker?.reason !== undefined ? { reason: marker.reason } : {}),
      ...(marker?.source !== undefined ? { source: marker.source } : {}),
      code,
    });
    pending = undefined;
    index = bodyEnd;
  }
  if (pending) problem(pending.line, 'snippet marker not followed by a code block');
  return { blocks, includes, problems };
}

function findClosingFence(lines: readonly string[], from: number, ticks: string): number {
  const closing = new RegExp(`^\\s*${ticks[0]}{${ticks.length},}\\s*$`);
  for (let index = from; index < lines.length; index++) {
    if (closing.test(lines[index]!)) return index;
  }
  return -1;
}

// The text of a `<!-- snippet: ... -->` comment: a marker, or the reason it is none.
function parseMarker(text: string): Marker | string {
  if (copiedFile.test(text)) return { mode: 'copy', source: text };
  const match = modeWithReason.exec(text);
  if (!match)
    return `unknown snippet marker "${text}": use "run", "fragment (why)" or the copied file's path`;
  return toMarker(match[1] as Marker['mode'], match[2]);
}

function parseInfoWords(rest: string, report: (message: string) => void): Marker | undefined {
  let marker: Marker | undefined;
  for (const [word] of rest.matchAll(infoWord)) {
    if (vitepressWord.test(word)) continue;
    const match = modeWithReason.exec(word);
    if (!match) {
      report(`unknown word "${word}" in the info string: use "run" or "fragment (why)"`);
      continue;
    }
    const parsed = toMarker(match[1] as Marker['mode'], match[2]);
    if (typeof parsed === 'string') report(parsed);
    else if (marker) report('more than one snippet marker in the info string');
    else marker = parsed;
  }
  return marker;
}

function toMarker(mode: Marker['mode'], reason: string | undefined): Marker | string {
  const trimmed = reason?.trim();
  if (mode === 'fragment' && !trimmed)
    return 'a fragment marker needs its reason: "fragment (type signature only)"';
  return trimmed ? { mode, reason: trimmed } : { mode };
}

function mergeMarkers(
  comment: Marker | undefined,
  info: Marker | undefined,
  report: (message: string) => void,
): Marker | undefined {
  if (comment && info && comment.mode !== info.mode)
    report(`the marker line says "${comment.mode}", the info string "${info.mode}"`);
  return comment ?? info;
}
