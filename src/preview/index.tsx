/**
 * The task pane in a plain browser, backed by an .xlsx file instead of Excel: open a workbook,
 * run the wizard, download the result. Nothing leaves the browser.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { Body1, Caption1, Checkbox, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { ThemedPane } from "../taskpane/ui/ThemedPane";
import { Wizard } from "../taskpane/ui/Wizard";
import { Download, WorkerWorkbook } from "./workerWorkbook";

const useStyles = makeStyles({
  intro: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
  },
});

function Preview(): React.JSX.Element {
  const styles = useStyles();
  const [port, setPort] = React.useState<WorkerWorkbook | null>(null);
  const [download, setDownload] = React.useState<Download | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [opened, setOpened] = React.useState(0);
  const [values, setValues] = React.useState(false);
  const open = async (file: File): Promise<void> => {
    try {
      const workbook = await WorkerWorkbook.open(file, setDownload, navigator.language);
      workbook.values = values;
      port?.close();
      setDownload(null);
      setPort(workbook);
      setOpened((n) => n + 1);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      <div className={styles.intro}>
        <Title2 as="h1">SPEC Scorecard preview</Title2>
        <Body1>
          Open an .xlsx or .xlsm workbook to run the scorecard wizard on it without Excel. The file
          stays in your browser.
        </Body1>
        <label>
          <Caption1>Workbook (.xlsx, .xlsm): </Caption1>
          <input
            type="file"
            accept=".xlsx,.xlsm"
            aria-label="Workbook (.xlsx)"
            onChange={(e) => e.target.files?.[0] && void open(e.target.files[0])}
          />
        </label>
        <Checkbox
          label="Write values instead of formulas, for LibreOffice, Google Sheets or an Excel without the add-in (not live)"
          checked={values}
          onChange={(_e, d) => {
            const checked = d.checked === true;
            setValues(checked);
            if (port !== null) port.values = checked;
          }}
        />
        {error !== null && <span role="alert">{error}</span>}
      </div>
      {port !== null && <Wizard key={opened} port={port} download={download} />}
    </>
  );
}

const container = document.getElementById("container");
if (container !== null) {
  createRoot(container).render(
    <ThemedPane>
      <Preview />
    </ThemedPane>
  );
}
