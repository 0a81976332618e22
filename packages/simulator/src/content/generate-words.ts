import type { RandomSource } from '../random/mulberry32';

const WORDS = [
  'the',
  'model',
  'answer',
  'river',
  'stone',
  'light',
  'quick',
  'calm',
  'data',
  'cloud',
  'rate',
  'limit',
  'retry',
  'token',
  'stream',
  'north',
  'green',
  'signal',
  'wave',
  'field',
  'graph',
  'queue',
  'spark',
  'orbit',
  'delta',
  'prime',
  'solid',
  'amber',
  'cedar',
  'maple',
  'pixel',
  'vector',
  'echo',
  'lunar',
  'coral',
  'frost',
  'ember',
  'haven',
  'ridge',
  'meadow',
  'is',
  'and',
  'of',
  'to',
  'in',
  'a',
  'with',
  'for',
] as const;

/**
 * `count` words as streaming pieces, each one simulated token: the first bare, the rest with a
 * leading space, so joining the pieces gives the text.
 */
export function generateWordPieces(random: RandomSource, count: number): string[] {
  const pieces: string[] = [];
  for (let index = 0; index < count; index++) {
    const word = WORDS[Math.floor(random() * WORDS.length)]!;
    pieces.push(index === 0 ? capitalize(word) : ` ${word}`);
  }
  if (pieces.length > 0) pieces[pieces.length - 1] += '.';
  return pieces;
}

/** A short sentence of `count` words. */
export function generateSentence(random: RandomSource, count: number): string {
  return generateWordPieces(random, count).join('');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
