import { mulberry32 } from '@resilient-llm/simulator';

/** A fixed set of questions, asked with Zipf-like popularity, as users ask a support bot. */
export interface ZipfPromptShape {
  seed: number;
  /** How many distinct questions there are. */
  distinctPrompts: number;
  /** Zipf exponent s: the question of popularity rank k is drawn with probability ∝ 1 / k^s. */
  exponent: number;
}

const topics = [
  'reset my password',
  'change the billing address on an invoice',
  'export my data as CSV',
  'cancel my subscription',
  'add a member to my team',
  'turn on two-factor authentication',
  'connect the Slack integration',
  'get a refund for a duplicate charge',
];

/** The question of popularity rank `rank` (1 = most asked); distinct for every rank. */
const faqQuestion = (rank: number) =>
  `Support FAQ #${rank}: how do I ${topics[rank % topics.length]}?`;

/**
 * `count` questions drawn independently from the shape (rank k with weight 1 / k^s, by
 * inverse transform on the cumulative weights): the same shape always gives the same list.
 */
export function zipfPrompts(shape: ZipfPromptShape, count: number): string[] {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= shape.distinctPrompts; rank++) {
    total += 1 / rank ** shape.exponent;
    cumulative.push(total);
  }
  const random = mulberry32(shape.seed);
  return Array.from({ length: count }, () => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return faqQuestion(low + 1);
  });
}
