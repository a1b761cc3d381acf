/** The command line run in-process, as the tests drive it, and a file's fingerprint to prove it untouched. */
import { createHash } from "crypto";
import { readFileSync } from "fs";
import { runScorecard } from "../../src/cli/runScorecard";

export interface CliRun {
  readonly status: number;
  /** Everything written to stdout, lines joined. */
  readonly out: string;
  /** Each line written to stderr. */
  readonly err: string[];
}

export async function runCli(...args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runScorecard(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, out: out.join("\n"), err };
}

export const sha256Of = (path: string): string =>
  createHash("sha256").update(readFileSync(path)).digest("hex");
