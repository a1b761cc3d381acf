/**
 * The mapping a build used, as the stored settings keep it, and back: applied to the workbook's
 * tables as they are when the pane opens or the command line runs. A table or header the workbook
 * no longer has is guessed again, and said, never an error (a month later a column may be renamed).
 */
import { Language } from "../core/language";
import { columnName, roleName } from "../engine/dataText";
import { SourceTable } from "../engine/sourceTable";
import {
  MappingOverride,
  ROLES,
  Role,
  RoleMapping,
  TableMapping,
  normalizeHeader,
  tableNamed,
} from "../engine/tableMapping";
import type { BuildRequest } from "./buildPipeline";
import { SETTINGS_VERSION, StoredSettings } from "./storedSettings";

/**
 * Each mapped role's table and every column the build read (as its header), and the columns the
 * analyst set to none; a role the analyst set to none is stored as none. A role nothing was found
 * for is left out, so that a table added later is guessed.
 */
export function storedMappingOf(mapping: TableMapping, override: MappingOverride): MappingOverride {
  const stored: Record<string, unknown> = {};
  for (const role of ROLES) {
    const m = mapping[role] as RoleMapping<Role> | undefined;
    if (m === undefined) {
      if (override[role]?.table === null) stored[role] = { table: null };
      continue;
    }
    const columns: Record<string, string | null> = {};
    for (const [column, j] of Object.entries(m.columns as Record<string, number | undefined>))
      if (j !== undefined) columns[column] = m.table.headers[j];
    for (const [column, header] of Object.entries(override[role]?.columns ?? {}))
      if (header === null) columns[column] = null;
    stored[role] = { table: m.table.name, columns };
  }
  return stored as MappingOverride;
}

/** What a build stores: the request's choices with the mapping it used. */
export function storedSettingsOf(
  request: Pick<BuildRequest, "override" | "settings" | "language" | "reading">,
  mapping: TableMapping,
  builtAt: Date = new Date()
): StoredSettings {
  return {
    version: SETTINGS_VERSION,
    builtAt: builtAt.toISOString().slice(0, 19) + "Z",
    language: request.language,
    mapping: storedMappingOf(mapping, request.override),
    reading: { ...(request.reading ?? {}) },
    settings: request.settings,
  };
}

/** A stored name the workbook no longer has. */
export interface DroppedName {
  readonly role: Role;
  readonly table: string;
  /** The column whose header is gone; absent when the whole table is. */
  readonly column?: string;
  readonly header?: string;
}

/** The stored mapping over the tables as they are now, and the names it dropped. */
export function storedMappingFor(
  stored: MappingOverride,
  tables: readonly SourceTable[]
): { readonly override: MappingOverride; readonly dropped: readonly DroppedName[] } {
  const override: Record<string, unknown> = {};
  const dropped: DroppedName[] = [];
  for (const role of ROLES) {
    const s = stored[role];
    if (s === undefined) continue;
    if (s.table === null) {
      override[role] = { table: null };
      continue;
    }
    const table = s.table === undefined ? undefined : tableNamed(tables, s.table);
    if (s.table !== undefined && table === undefined) {
      dropped.push({ role, table: s.table });
      continue;
    }
    const columns: Record<string, string | null> = {};
    for (const [column, header] of Object.entries(s.columns ?? {})) {
      if (header === undefined) continue;
      if (
        header === null ||
        table === undefined ||
        table.headers.some((h) => normalizeHeader(h) === normalizeHeader(header))
      )
        columns[column] = header;
      else dropped.push({ role, table: table.name, column, header });
    }
    override[role] = { ...(table === undefined ? {} : { table: table.name }), columns };
  }
  return { override: override as MappingOverride, dropped };
}

/** A dropped name in the analyst's words. */
export function droppedText(d: DroppedName, language: Language): string {
  const role = roleName(d.role, language);
  if (language === "es")
    return d.column === undefined
      ? `la configuración guardada usa la tabla ${d.table} para ${role}, que este libro ya no tiene: se busca otra`
      : `la configuración guardada usa la columna ${d.header} de la tabla ${d.table} como ${columnName(d.column, language)}, que ya no está: se busca otra`;
  return d.column === undefined
    ? `the stored settings use table ${d.table} for ${role}, which this workbook no longer has: guessed again`
    : `the stored settings use column ${d.header} of table ${d.table} as ${columnName(d.column, language)}, which is gone: guessed again`;
}
