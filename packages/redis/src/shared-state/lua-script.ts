/** The commands a {@link LuaScript} sends, in the shape of node-redis (`redis` >= 5). */
export interface ScriptClient {
  /** `SCRIPT LOAD script`: the script's SHA1. */
  scriptLoad(script: string): Promise<unknown>;
  /** `EVALSHA sha1 numkeys key ... arg ...`: the script's reply. */
  evalSha(sha1: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/**
 * A Lua script run with `EVALSHA`: loaded with `SCRIPT LOAD` on first use (once, however many
 * calls wait for it), and loaded again when the server answers `NOSCRIPT` (restarted, or
 * `SCRIPT FLUSH`), after which the call is sent once more. A failed load is tried again on
 * the next call.
 */
export class LuaScript {
  private sha1: Promise<string> | undefined;

  constructor(private readonly source: string) {}

  /** Runs the script on `keys` with `args`: one round trip once it is loaded. */
  async run(client: ScriptClient, keys: string[], args: string[]): Promise<unknown> {
    const sha1 = await this.load(client);
    try {
      return await client.evalSha(sha1, { keys, arguments: args });
    } catch (error) {
      if (!isNoScript(error)) throw error;
      this.sha1 = undefined;
      return client.evalSha(await this.load(client), { keys, arguments: args });
    }
  }

  private load(client: ScriptClient): Promise<string> {
    if (!this.sha1) {
      const loading = client.scriptLoad(this.source).then(String);
      this.sha1 = loading;
      loading.catch(() => {
        if (this.sha1 === loading) this.sha1 = undefined;
      });
    }
    return this.sha1;
  }
}

function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOSCRIPT');
}
