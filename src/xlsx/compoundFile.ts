/**
 * The stream names of a compound file (CFB, [MS-CFB]): the container of Excel 97-2003 workbooks
 * (a "Workbook" stream) and of password-protected workbooks of any version (an "EncryptedPackage"
 * stream). Only the header and the directory's sectors are read, following the allocation table
 * one sector at a time: a few kilobytes whatever the file's size, and a bounded number of steps
 * whatever its chains say.
 */

export const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const END_OF_CHAIN = 0xfffffffe;
/** Directory sectors followed at most: 4,096 to 32,768 entries, far more than a workbook has. */
const MAX_DIRECTORY_SECTORS = 1024;
const MAX_DIFAT_STEPS = 4096;

async function read(blob: Blob, at: number, length: number): Promise<DataView | null> {
  if (at < 0 || at + length > blob.size) return null;
  return new DataView(await blob.slice(at, at + length).arrayBuffer());
}

/** The names of the directory's entries, or null when the header or the chains make no sense. */
export async function compoundFileNames(blob: Blob): Promise<string[] | null> {
  const header = await read(blob, 0, 512);
  if (header === null) return null;
  const shift = header.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return null;
  const size = 1 << shift;
  const perSector = size / 4;
  const sectorAt = (n: number): number => (n + 1) * size;

  /** The sector number of the n-th sector of the allocation table (FAT). */
  const fatSector = async (n: number): Promise<number | null> => {
    if (n < 109) return header.getUint32(0x4c + 4 * n, true);
    let difat = header.getUint32(0x44, true);
    let index = n - 109;
    for (let steps = 0; steps < MAX_DIFAT_STEPS; steps++) {
      const sector = await read(blob, sectorAt(difat), size);
      if (sector === null) return null;
      if (index < perSector - 1) return sector.getUint32(4 * index, true);
      index -= perSector - 1;
      difat = sector.getUint32(size - 4, true);
    }
    return null;
  };
  const next = async (n: number): Promise<number | null> => {
    const fat = await fatSector(Math.floor(n / perSector));
    if (fat === null) return null;
    const entry = await read(blob, sectorAt(fat) + 4 * (n % perSector), 4);
    return entry === null ? null : entry.getUint32(0, true);
  };

  const names: string[] = [];
  let sector: number | null = header.getUint32(0x30, true);
  for (let steps = 0; sector !== null && sector !== END_OF_CHAIN; steps++) {
    if (steps >= MAX_DIRECTORY_SECTORS) return names;
    const directory = await read(blob, sectorAt(sector), size);
    if (directory === null) return names.length > 0 ? names : null;
    for (let at = 0; at + 128 <= size; at += 128) {
      const length = Math.min(64, directory.getUint16(at + 0x40, true));
      let name = "";
      for (let k = 0; k + 2 <= length - 2; k += 2)
        name += String.fromCharCode(directory.getUint16(at + k, true));
      if (name !== "") names.push(name);
    }
    sector = await next(sector);
  }
  return names;
}
