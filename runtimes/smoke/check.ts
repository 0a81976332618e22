/** One smoke check's outcome. */
export interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  readonly detail?: string;
}

/** Runs `run`, turning a throw or a falsy answer into a failed check that says why. */
export async function check(name: string, run: () => Promise<unknown>): Promise<CheckResult> {
  try {
    const answer = await run();
    return answer ? { name, ok: true } : { name, ok: false, detail: 'no answer' };
  } catch (error) {
    return { name, ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
