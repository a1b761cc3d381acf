/**
 * A throwaway PostgreSQL cluster for the tests and the bench: initdb in a temporary directory,
 * started on a free port of 127.0.0.1 (and a socket in its own directory), stopped and deleted at
 * the end. PostgreSQL refuses to run as root: as root the cluster belongs to Debian's `postgres`
 * system user (the `postgresql` package creates it; .ci/run installs it), otherwise to the user
 * running the tests. Durability is off (fsync, synchronous commit, full pages): nothing in it
 * outlives the run. The binaries are Debian's PostgreSQL 15 (POSTGRES_BIN to use others).
 */
import { execFileSync, spawnSync } from "child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from "fs";
import { createServer } from "net";
import { tmpdir } from "os";
import { join } from "path";

const BIN = process.env.POSTGRES_BIN ?? "/usr/lib/postgresql/15/bin";

export interface PostgresServer {
  /** postgresql://spec@127.0.0.1:<port>/<database> */
  readonly url: (database?: string) => string;
  /** The server's log file (readable by this process). */
  readonly log: string;
  readonly stop: () => void;
}

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The uid and gid the cluster runs as: postgres's as root, else the current user's. */
function owner(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
  return { uid, gid };
}

function run(command: string, args: string[], as: { uid: number; gid: number } | null): void {
  const r = spawnSync(join(BIN, command), args, {
    ...(as === null ? {} : { uid: as.uid, gid: as.gid }),
    env: { PATH: process.env.PATH ?? "", LANG: "C.UTF-8", LC_ALL: "C.UTF-8" },
    encoding: "utf8",
    timeout: 120000,
  });
  if (r.status !== 0)
    throw new Error(`${command} failed (${r.status}): ${r.stderr || r.stdout || r.error?.message}`);
}

export const postgresAvailable = (): boolean => existsSync(join(BIN, "initdb"));

/** `settings`: more server settings (`-c name=value`), e.g. the bench's statement log. */
export async function startPostgres(
  settings: Readonly<Record<string, string>> = {}
): Promise<PostgresServer> {
  const as = owner();
  const dir = mkdtempSync(join(tmpdir(), "spec-pg-"));
  chmodSync(dir, 0o700);
  if (as !== null) chownSync(dir, as.uid, as.gid);
  const data = join(dir, "data");
  const extra = Object.entries(settings).map(([name, value]) => ` -c ${name}=${value}`);
  let port = 0;
  try {
    run("initdb", ["-D", data, "-U", "spec", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], as);
    port = await freePort();
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off${extra.join("")}`;
    run("pg_ctl", ["-D", data, "-o", options, "-l", join(dir, "log"), "-w", "start"], as);
  } catch (e) {
    // A server that started after all (pg_ctl timed out waiting) is stopped before its files go.
    if (existsSync(join(data, "postmaster.pid")))
      spawnSync(join(BIN, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], {
        ...(as === null ? {} : { uid: as.uid, gid: as.gid }),
        timeout: 120000,
      });
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  let stopped = false;
  return {
    url: (database = "postgres") => `postgresql://spec@127.0.0.1:${port}/${database}`,
    log: join(dir, "log"),
    stop: () => {
      if (stopped) return;
      stopped = true;
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"], as);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
