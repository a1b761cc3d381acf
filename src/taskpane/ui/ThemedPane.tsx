/**
 * The pane's Fluent provider in Office's theme (paneTheme.ts), filling the page: the area below
 * the wizard takes the theme's background too (set on the body: a class on the provider would
 * reach its portals too, and a full-height popup layer would cover the pane), and the page's text
 * its colour.
 */
import * as React from "react";
import { FluentProvider } from "@fluentui/react-components";
import { OfficeColors, mediaPreferences, paneTheme } from "./paneTheme";

export function ThemedPane({
  office,
  children,
}: {
  /** Office.context.officeTheme in the task pane; undefined in the browser preview. */
  office?: OfficeColors;
  children: React.ReactNode;
}): React.JSX.Element {
  const { theme, kind } = React.useMemo(() => paneTheme(office, mediaPreferences()), [office]);
  React.useEffect(() => {
    document.body.style.margin = "0";
    document.body.style.backgroundColor = theme.colorNeutralBackground1;
    document.body.style.color = theme.colorNeutralForeground1;
  }, [theme]);
  return (
    <FluentProvider theme={theme} data-theme={kind}>
      {children}
    </FluentProvider>
  );
}
