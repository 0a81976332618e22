import { CHARS_PER_TOKEN } from '../content/estimate-tokens';

/** Token estimate of every string inside a prompt structure (texts, tool inputs and outputs). */
export function estimatePromptTokens(prompt: unknown): number {
  let characters = 0;
  const visit = (value: unknown, depth: number): void => {
    if (depth > 16) return;
    if (typeof value === 'string') characters += value.length;
    else if (Array.isArray(value)) for (const entry of value) visit(entry, depth + 1);
    else if (typeof value === 'object' && value !== null && !(value instanceof Uint8Array)) {
      for (const [key, entry] of Object.entries(value))
        if (key !== 'type' && key !== 'role') visit(entry, depth + 1);
    }
  };
  visit(prompt, 0);
  return Math.ceil(characters / CHARS_PER_TOKEN);
}
