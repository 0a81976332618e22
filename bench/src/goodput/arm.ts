import type { SendRequest } from '../workload/offer-load.ts';

/** Where an arm sends its requests, and the limits it may know of. */
export interface ArmContext {
  /** Base URL of the rate-limited provider. */
  primaryURL: string;
  /** Base URL of a healthy second provider, for arms that fall over. */
  secondaryURL: string;
  /** The provider's published limit: requests per window. */
  requestsPerWindow: number;
  /** The provider's window, already scaled to the simulator's time scale. */
  windowMs: number;
  /** Simulated seconds per real second: 1 s of the simulator stands for 60 s of a provider. */
  timeScale: number;
  /** Each request's deadline. */
  deadlineMs: number;
}

/** One way of calling the provider, compared with the others on the same workload. */
export interface Arm {
  name: string;
  /** How the arm is configured, for the report. */
  description: string;
  /** Whether the arm sends anything to the second provider. */
  usesSecondary: boolean;
  create(context: ArmContext): SendRequest;
}

/** The model every arm asks, and the prompt of request `index`. */
export const MODEL = 'gpt-sim';
export const promptOf = (index: number) => `Question ${index}: what limits a rate limit?`;
