import * as React from "react";
import {
  Caption1,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { SourceTable } from "../../engine/sourceTable";
import {
  MappingOverride,
  ROLE_COLUMNS,
  ROLES,
  Role,
  TableMapping,
} from "../../engine/tableMapping";
import { UiText } from "./uiText";
import { CheckState, DataCheckPanel, Reading } from "./DataCheckPanel";
import { Language } from "../../plan/labels";
import { fieldId } from "./wizardForm";

const useStyles = makeStyles({
  // Fluent's Dropdown is at least 250px wide; in a narrow pane's grid it must shrink.
  compact: { minWidth: "0", width: "100%" },
  role: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  // One column in a narrow pane, two where there is room.
  columns: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 12rem), 1fr))",
    gap: tokens.spacingHorizontalS,
  },
});

const NONE = "\u0000none";

/** The message saying no sales table is mapped, for the link that leads to it. */
export const NO_SALES_FIELD = fieldId("table.sales.missing");

/** A table in the list: its name, rows, and whether its sheet is hidden (taken only when chosen). */
const tableOption = (t: SourceTable, text: UiText): string =>
  `${t.name} · ${text.rows(t.rowCount)}${t.hidden === true ? ` · ${text.hiddenSheet}` : ""}`;

export interface DataStepProps {
  readonly text: UiText;
  readonly tables: readonly SourceTable[];
  readonly mapping: TableMapping;
  readonly override: MappingOverride;
  readonly onChange: (override: MappingOverride) => void;
  readonly language: Language;
  readonly check: CheckState;
  readonly reading: Reading;
  readonly onReadingChange: (reading: Reading) => void;
}

/** Step 1: each role's table and columns, as guessed, each editable. */
export function DataStep(props: DataStepProps): React.JSX.Element {
  const { text, tables, mapping, override, onChange } = props;
  const styles = useStyles();
  const setTable = (role: Role, name: string): void =>
    onChange({ ...override, [role]: { table: name === NONE ? null : name, columns: {} } });
  const setColumn = (role: Role, column: string, header: string): void => {
    const current = override[role] ?? {};
    onChange({
      ...override,
      [role]: {
        ...current,
        table: mapping[role]?.table.name ?? current.table,
        columns: { ...(current.columns ?? {}), [column]: header === NONE ? null : header },
      },
    });
  };
  return (
    <div>
      {tables.length === 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{text.noTables}</MessageBarBody>
        </MessageBar>
      )}
      {tables.length > 0 && mapping.sales === undefined && (
        <MessageBar intent="error" role="alert" id={NO_SALES_FIELD} tabIndex={-1}>
          <MessageBarBody>{text.noSales}</MessageBarBody>
        </MessageBar>
      )}
      {ROLES.map((role) => {
        const m = mapping[role];
        const tableLabel = m === undefined ? text.noTable : `${m.table.name}`;
        return (
          <section key={role} className={styles.role} aria-label={text.roles[role]}>
            <Subtitle2 as="h2">{text.roles[role]}</Subtitle2>
            <Caption1>{text.roleHelp[role]}</Caption1>
            {/* label.htmlFor names this control, so its aria-label ("Sales: table") is its name. */}
            <Field label={{ children: text.tableField, htmlFor: fieldId(`table.${role}`) }}>
              <Dropdown
                id={fieldId(`table.${role}`)}
                className={styles.compact}
                aria-label={`${text.roles[role]}: ${text.table}`}
                value={tableLabel}
                selectedOptions={[m?.table.name ?? NONE]}
                onOptionSelect={(_e, d) => setTable(role, d.optionValue ?? NONE)}
              >
                <Option value={NONE}>{text.noTable}</Option>
                {tables.map((t) => (
                  <Option key={`${t.sheet}/${t.name}`} value={t.name} text={t.name}>
                    {tableOption(t, text)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            {m !== undefined && (
              <div className={styles.columns}>
                {(ROLE_COLUMNS[role] as readonly string[]).map((column) => {
                  const j = (m.columns as Record<string, number | undefined>)[column];
                  const header = j === undefined ? undefined : m.table.headers[j];
                  return (
                    <Field key={column} label={text.columns[column]} size="small">
                      <Dropdown
                        className={styles.compact}
                        size="small"
                        aria-label={`${text.roles[role]}: ${text.columns[column]}`}
                        value={header ?? text.noColumn}
                        selectedOptions={[header ?? NONE]}
                        onOptionSelect={(_e, d) => setColumn(role, column, d.optionValue ?? NONE)}
                      >
                        <Option value={NONE}>{text.noColumn}</Option>
                        {m.table.headers.map((h) => (
                          <Option key={h} value={h}>
                            {h}
                          </Option>
                        ))}
                      </Dropdown>
                    </Field>
                  );
                })}
              </div>
            )}
          </section>
        );
      })}
      {mapping.sales !== undefined && (
        <DataCheckPanel
          text={text}
          language={props.language}
          state={props.check}
          reading={props.reading}
          onReadingChange={props.onReadingChange}
        />
      )}
    </div>
  );
}
