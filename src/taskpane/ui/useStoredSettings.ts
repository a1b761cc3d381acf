/**
 * Opening the pane on a workbook built before: the settings its last build kept are read once the
 * tables are known and filled in every step (mapping, definitions, period, targets, reading,
 * language); the banner offers to rebuild with them.
 */
import * as React from "react";
import { Language } from "../../core/language";
import { SourceTable } from "../../engine/sourceTable";
import { MappingOverride } from "../../engine/tableMapping";
import { storedMappingFor } from "../../workbook/storedMapping";
import { WorkbookPort } from "../../workbook/workbookPort";
import { Reading } from "./DataCheckPanel";
import { StoredBanner } from "./RebuildBanner";
import { WizardForm, formOf } from "./wizardForm";

export interface StoredSetters {
  readonly setOverride: (override: MappingOverride) => void;
  readonly setForm: (form: WizardForm) => void;
  readonly setReading: (reading: Reading) => void;
  readonly setLanguage: (language: Language) => void;
}

/**
 * The banner to show (null: nothing stored, or not read yet) and whether the stored settings have
 * been looked for, so that nothing reads the data under a mapping about to change.
 */
export function useStoredSettings(
  port: WorkbookPort,
  tables: readonly SourceTable[] | null,
  language: Language,
  set: StoredSetters
): { banner: StoredBanner | null; ready: boolean; dismiss: () => void } {
  const [banner, setBanner] = React.useState<StoredBanner | null>(null);
  const [ready, setReady] = React.useState(port.storedSettings === undefined);
  const asked = React.useRef(false);
  React.useEffect(() => {
    if (tables === null || asked.current || port.storedSettings === undefined) return;
    asked.current = true;
    port.storedSettings(language).then(
      (read) => {
        if (read.kind === "stored") {
          const { stored } = read;
          const mapping = storedMappingFor(stored.mapping, tables);
          set.setOverride(mapping.override);
          set.setForm(formOf(stored.settings, stored.language));
          set.setReading(stored.reading);
          set.setLanguage(stored.language);
          setBanner({ kind: "stored", stored, dropped: mapping.dropped });
        } else if (read.kind === "refused") setBanner(read);
        setReady(true);
      },
      (e: unknown) => {
        setBanner({ kind: "refused", message: e instanceof Error ? e.message : String(e) });
        setReady(true);
      }
    );
    // `set` and `language` are read once, when the tables first arrive.
  }, [port, tables]);
  return { banner, ready, dismiss: () => setBanner(null) };
}
