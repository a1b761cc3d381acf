/**
 * Which paths the command line reads and writes (Node only). It reads only regular files (a
 * symbolic link is followed only to one): a FIFO would block the read forever, a device would
 * never end. It compares a source and an output after resolving links, and by device and inode,
 * so that no path (through a linked folder, a hard link) makes the output the source.
 */
import { Stats, realpathSync, statSync } from "fs";
import { basename, dirname, join } from "path";

/** What a path is, or why it is not one we read; null when it does not exist. */
export function kindOf(path: string): "file" | "folder" | "other" | null {
  let stats: Stats;
  try {
    stats = statSync(path); // follows links: a dangling link does not exist
  } catch {
    return null;
  }
  return stats.isFile() ? "file" : stats.isDirectory() ? "folder" : "other";
}

/** Why a path cannot be read as a file (null when it can): missing, or not a regular file. */
export function notRegularFile(path: string, language: "en" | "es" = "en"): string | null {
  const kind = kindOf(path);
  const es = language === "es";
  if (kind === null)
    return es
      ? `${path} no existe (o es un enlace a nada)`
      : `${path} does not exist (or is a link to nothing)`;
  if (kind === "folder")
    return es ? `${path} es una carpeta, no un archivo` : `${path} is a folder, not a file`;
  if (kind === "other")
    return es
      ? `${path} no es un archivo normal (una tubería, un dispositivo o un socket, que nunca se leen)`
      : `${path} is not a regular file (a pipe, a device or a socket, which is never read)`;
  return null;
}

/** The path with its links resolved, as far as it exists (a file to be written may not yet). */
export function resolvedPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

/** True when two paths are one file: the same after resolving links, or the same device and inode. */
export function sameFile(a: string, b: string): boolean {
  if (resolvedPath(a) === resolvedPath(b)) return true;
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}
