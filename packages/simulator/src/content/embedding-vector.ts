import { hashString } from '../random/hash-string';
import { mulberry32 } from '../random/mulberry32';

/**
 * A unit-length vector determined by seed, model and text: equal texts embed equally, different
 * texts almost never do.
 */
export function embeddingVector(
  seed: number,
  model: string,
  text: string,
  dimensions: number,
): number[] {
  const random = mulberry32(hashString(seed, model, 'embedding', text));
  const vector = Array.from({ length: dimensions }, () => random() * 2 - 1);
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0)) || 1;
  // Float32 rounding keeps the float and base64 encodings of one vector identical.
  return vector.map((value) => Math.fround(value / norm));
}

/** OpenAI's base64 encoding: the vector's little-endian float32 bytes. */
export function encodeEmbeddingBase64(vector: readonly number[]): string {
  const floats = new Float32Array(vector);
  return Buffer.from(floats.buffer, floats.byteOffset, floats.byteLength).toString('base64');
}
