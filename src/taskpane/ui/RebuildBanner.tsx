/**
 * On a workbook built before: what its last build used, filled in the steps, and "Rebuild" as one
 * click (no question about replacing: the analyst asked for exactly that). Or, where the stored
 * settings could not be used, why.
 */
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { serialToParts } from "../../core/cells";
import { Language } from "../../core/language";
import { Labels } from "../../plan/labels";
import { DroppedName, droppedText } from "../../workbook/storedMapping";
import { StoredSettings } from "../../workbook/storedSettings";
import { UiText } from "./uiText";

/** What the pane found of an earlier build's settings. */
export type StoredBanner =
  | {
      readonly kind: "stored";
      readonly stored: StoredSettings;
      readonly dropped: readonly DroppedName[];
    }
  | { readonly kind: "refused"; readonly message: string };

/** "20/5/2026 09:30" in the analyst's locale, from the stored UTC time. */
function builtOn(builtAt: string | null, language: Language): string | null {
  if (builtAt === null) return null;
  const when = new Date(builtAt);
  if (Number.isNaN(when.getTime())) return null;
  return when.toLocaleString(language === "es" ? "es-ES" : "en-US", {
    dateStyle: "medium",
    timeStyle: "short",
  });
}

/** "Sales: Ventas · period: Quarter, as of 5/20/2026 · 3 targets". */
function summary(stored: StoredSettings, text: UiText, labels: Labels, language: Language): string {
  const s = stored.settings;
  let period = labels.periodKinds[s.period];
  if (s.asOf !== null) {
    const { year, month, day } = serialToParts(s.asOf);
    period += `, ${new Date(Date.UTC(year, month - 1, day)).toLocaleDateString(
      language === "es" ? "es-ES" : "en-US",
      { timeZone: "UTC" }
    )}`;
  }
  const sales = stored.mapping.sales?.table ?? null;
  return text.storedSummary({
    sales,
    period,
    targets: Object.values(s.targets).filter((v) => v !== undefined).length,
  });
}

export function RebuildBanner({
  banner,
  text,
  labels,
  language,
  canRebuild,
  onRebuild,
}: {
  banner: StoredBanner;
  text: UiText;
  labels: Labels;
  language: Language;
  canRebuild: boolean;
  onRebuild: () => void;
}): React.JSX.Element {
  if (banner.kind === "refused")
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{text.storedRefused}</MessageBarTitle>
          {banner.message}
        </MessageBarBody>
      </MessageBar>
    );
  return (
    <MessageBar intent="info" layout="multiline" aria-label={text.builtBefore}>
      <MessageBarBody>
        <MessageBarTitle>{text.builtBefore}</MessageBarTitle>
        {text.builtBeforeBody(builtOn(banner.stored.builtAt, language))}{" "}
        {summary(banner.stored, text, labels, language)}
        {banner.dropped.map((d) => (
          <div key={`${d.role}/${d.column ?? ""}`}>{droppedText(d, language)}</div>
        ))}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" disabled={!canRebuild} onClick={onRebuild}>
          {text.rebuild}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
