// Lines that read as TypeScript or JavaScript and never as a shell command or a diagram.
const codeLine =
  /^\s*(import\s.*\sfrom\s+['"]|import\s+['"]|export\s+(const|function|class|default|type|interface)\b|(const|let|var)\s+[\w{[][^=]*=|interface\s+\w+.*\{|type\s+\w+(<.*>)?\s*=|await\s+[\w.]+\(|(async\s+)?function\s+\w+\s*\()/;

/**
 * The first line of `code` (from 1) that reads as TypeScript or JavaScript, or `undefined`.
 * A block tagged `sh` or left untagged escapes the compiler, so it must not hold code that
 * would need it. Shell comments are skipped.
 */
export function firstTypeScriptLine(code: string): number | undefined {
  const lines = code.split('\n');
  const index = lines.findIndex((line) => !/^\s*#/.test(line) && codeLine.test(line));
  return index === -1 ? undefined : index + 1;
}
