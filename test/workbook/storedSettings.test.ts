/**
 * The stored settings' format: written exactly so, read back to the same settings, and every
 * hand-edited or hostile part refused with one line naming what is wrong.
 */
import { isoDateToSerial } from "../../src/core/cells";
import { DEFAULT_SETTINGS } from "../../src/engine/scorecard";
import { guessMapping } from "../../src/engine/tableMapping";
import {
  SETTINGS_NAMESPACE,
  StoredSettings,
  readStoredSettings,
  storedSettingsXml,
} from "../../src/workbook/storedSettings";
import {
  droppedText,
  storedMappingFor,
  storedMappingOf,
  storedSettingsOf,
} from "../../src/workbook/storedMapping";
import { table } from "../support/tables";

const FULL: StoredSettings = {
  version: 1,
  builtAt: "2026-05-20T09:30:00Z",
  language: "es",
  mapping: {
    sales: {
      table: "Ventas",
      columns: { customer: "Cliente", date: "Fecha", amount: "Importe", margin: null },
    },
    leads: { table: null },
  },
  reading: { decimal: ",", dateOrder: "dmy" },
  settings: {
    asOf: isoDateToSerial("2026-05-20"),
    period: "month",
    activation: { windowDays: 60, minPurchases: 2, minAmount: 150.5 },
    value: {
      weights: { volume: 3, daysLate: 0.5 },
      directions: { volume: 1, daysLate: -1 },
      tierShares: { a: 0.1, b: 0.25 },
    },
    targets: { revenue: 250000, "svc.activation_rate": 0.8 },
  },
};

const FULL_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<scorecardSettings xmlns="urn:spec-scorecard:settings" version="1" language="es" builtAt="2026-05-20T09:30:00Z">
  <period kind="month" asOf="2026-05-20"/>
  <activation windowDays="60" minPurchases="2" minAmount="150.5"/>
  <tiers a="0.1" b="0.25"/>
  <attribute name="volume" weight="3" direction="1"/>
  <attribute name="daysLate" weight="0.5" direction="-1"/>
  <reading decimal="," dateOrder="dmy"/>
  <table role="sales" name="Ventas"><column name="customer" header="Cliente"/><column name="date" header="Fecha"/><column name="amount" header="Importe"/><column name="margin" none="1"/></table>
  <table role="leads" none="1"/>
  <target indicator="revenue" value="250000"/>
  <target indicator="svc.activation_rate" value="0.8"/>
</scorecardSettings>
`;

/** A part with the root's attributes and these elements. */
const part = (body: string, root = `xmlns="${SETTINGS_NAMESPACE}" version="1" language="en"`) =>
  `<scorecardSettings ${root}><period kind="quarter"/><activation windowDays="90" minPurchases="1" minAmount="0"/><tiers a="0.2" b="0.3"/>${body}</scorecardSettings>`;

const refusal = (xml: string, language: "en" | "es" = "en"): string => {
  const r = readStoredSettings(xml, "customXml/item1.xml", language);
  if (r.ok) throw new Error("read, not refused");
  return r.error.message;
};

test("the part is written as documented, one element per kind of choice", () => {
  expect(storedSettingsXml(FULL)).toBe(FULL_XML);
});

test("what is written reads back as the same settings", () => {
  expect(readStoredSettings(FULL_XML, "the workbook")).toEqual({ ok: true, value: FULL });
  const plain: StoredSettings = {
    version: 1,
    builtAt: null,
    language: "en",
    mapping: {},
    reading: {},
    settings: DEFAULT_SETTINGS,
  };
  const read = readStoredSettings(storedSettingsXml(plain), "the workbook");
  expect(read).toEqual({ ok: true, value: { ...plain, settings: { ...DEFAULT_SETTINGS } } });
});

test("what Office may do to the text (prefixes, a byte-order mark, other whitespace) is read alike", () => {
  const prefixed = FULL_XML.replace(/<(\/?)(?!\?)/g, "<$1s:")
    .replace('xmlns="', 'xmlns:s="')
    .replace("<s:?xml", "<?xml");
  expect(readStoredSettings(prefixed, "x")).toEqual({ ok: true, value: FULL });
  expect(readStoredSettings("\uFEFF" + FULL_XML.replace(/\n {2}/g, "\r\n\t"), "x")).toEqual({
    ok: true,
    value: FULL,
  });
});

test.each([
  ["not XML", "<scorecardSettings", "it is not well-formed XML (unterminated tag at 0)"],
  [
    "a DTD",
    `<!DOCTYPE x [<!ENTITY a "aaaa">]>${part("")}`,
    "it declares a DTD, which settings never do",
  ],
  [
    "another root",
    `<settings xmlns="${SETTINGS_NAMESPACE}"/>`,
    "its root element is <settings> in namespace urn:spec-scorecard:settings, not <scorecardSettings> in urn:spec-scorecard:settings",
  ],
  [
    "another namespace",
    `<scorecardSettings xmlns="urn:other" version="1" language="en"/>`,
    "its root element is <scorecardSettings> in namespace urn:other, not <scorecardSettings>",
  ],
  [
    "a newer version",
    part("", `xmlns="${SETTINGS_NAMESPACE}" version="2" language="en"`),
    "it was written by a newer SPEC Scorecard (format version 2): update the add-in",
  ],
  [
    "a version that is none",
    part("", `xmlns="${SETTINGS_NAMESPACE}" version="1.0beta" language="en"`),
    'its version "1.0beta" is not a format version',
  ],
  [
    "no language",
    part("", `xmlns="${SETTINGS_NAMESPACE}" version="1"`),
    "<scorecardSettings> has no language",
  ],
  ["an unknown element", part("<script/>"), "it holds an unknown element <script>"],
  ["an element given twice", part('<period kind="month"/>'), "<period> is given twice"],
  [
    "an element inside one that holds none",
    part('<target indicator="revenue" value="1"><x/></target>'),
    "it holds an unknown element <x>",
  ],
  [
    "a period that is none",
    part("").replace('kind="quarter"', 'kind="week"'),
    '<period kind="week">: kind must be one of month, quarter, year',
  ],
  [
    "an as-of that is no day",
    part("").replace('kind="quarter"', 'kind="quarter" asOf="2025-02-30"'),
    '<period asOf="2025-02-30">: asOf must be a date YYYY-MM-DD',
  ],
  [
    "a window of 0 days",
    part("").replace('windowDays="90"', 'windowDays="0"'),
    '<activation windowDays="0">: windowDays must be a whole number of at least 1',
  ],
  [
    "a window in fractions",
    part("").replace('windowDays="90"', 'windowDays="1.5"'),
    '<activation windowDays="1.5">: windowDays must be a whole number of at least 1',
  ],
  [
    "a negative minimum amount",
    part("").replace('minAmount="0"', 'minAmount="-1"'),
    '<activation minAmount="-1">: minAmount must be a number of at least 0',
  ],
  [
    "a number written as words",
    part("").replace('minAmount="0"', 'minAmount="Infinity"'),
    '<activation minAmount="Infinity">: minAmount must be a number of at least 0',
  ],
  [
    "tiers over 100%",
    part("").replace('b="0.3"', 'b="0.9"'),
    '<tiers b="0.9">: b must be a share from 0 to 1 (A and B together at most 1)',
  ],
  [
    "an attribute that is none",
    part('<attribute name="charm" weight="1"/>'),
    '<attribute name="charm">: name must be one of volume, frequency, margin, breadth, tenure, serviceCost, creditDays, daysLate',
  ],
  [
    "a direction of 2",
    part('<attribute name="volume" direction="2"/>'),
    '<attribute direction="2">: direction must be one of 1, -1',
  ],
  [
    "an unknown role",
    part('<table role="suppliers" name="X"/>'),
    '<table role="suppliers">: role must be one of sales, customers, leads, market',
  ],
  [
    "a column of another role",
    part('<table role="market" name="M"><column name="amount" header="A"/></table>'),
    '<column name="amount">: name must be one of segment, potentialAccounts',
  ],
  [
    "an empty header",
    part('<table role="sales" name="S"><column name="amount" header=" "/></table>'),
    '<column header=" ">: header must be a name of 1 to 255 characters',
  ],
  [
    "something inside a table set to none",
    part('<table role="leads" none="1"><column name="source" header="S"/></table>'),
    "it holds an unknown element <column>",
  ],
  [
    "a target for no indicator",
    part('<target indicator="revenu" value="1"/>'),
    '<target indicator="revenu">: indicator must be an indicator id such as revenue or svc.activation_rate',
  ],
  [
    "a target that is no number",
    part('<target indicator="revenue" value="lots"/>'),
    '<target value="lots">: value must be a number',
  ],
  [
    "a character reference past Unicode",
    part('<table role="sales" name="&#x110000;"/>'),
    "it is not well-formed XML (",
  ],
  [
    "a part bigger than settings take",
    part(" ".repeat(300 * 1024)),
    "the part is larger than 256 KB, far more than settings take",
  ],
])("%s is refused, saying what", (_what, xml, why) => {
  const message = refusal(xml);
  expect(message).toContain("the settings stored in customXml/item1.xml cannot be used: ");
  expect(message).toContain(why);
  expect(message.endsWith("; building again stores new ones")).toBe(true);
});

test("refusals are said in Spanish too", () => {
  expect(refusal(part("").replace('kind="quarter"', 'kind="week"'), "es")).toBe(
    'la configuración guardada en customXml/item1.xml no se puede usar: <period kind="week">: kind debe ser uno de month, quarter, year; al crear de nuevo se guarda otra'
  );
});

test("random damage never throws: it is read or refused", () => {
  let seed = 7;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < 500; i++) {
    const chars = [...FULL_XML];
    for (let k = 0; k < 3; k++) {
      const at = Math.floor(random() * chars.length);
      chars[at] = String.fromCharCode(32 + Math.floor(random() * 95));
    }
    expect(() => readStoredSettings(chars.join(""), "x")).not.toThrow();
  }
});

describe("the mapping kept", () => {
  const sales = table("Ventas", ["Cliente", "Fecha", "Importe", "Margen"], []);
  const market = table("Mercado", ["Segmento", "Universo"], []);

  test("a build keeps the columns it read, what the analyst set to none, and guesses the rest next time", () => {
    const override = { sales: { columns: { margin: null } }, leads: { table: null } };
    const mapping = guessMapping([sales, market], override);
    expect(storedMappingOf(mapping, override)).toEqual({
      sales: {
        table: "Ventas",
        columns: { customer: "Cliente", date: "Fecha", amount: "Importe", margin: null },
      },
      leads: { table: null },
      market: {
        table: "Mercado",
        columns: { segment: "Segmento", potentialAccounts: "Universo" },
      },
    });
    const stored = storedSettingsOf(
      { override, settings: DEFAULT_SETTINGS, language: "en" },
      mapping,
      new Date(Date.UTC(2026, 4, 20, 9, 30, 12, 345))
    );
    expect(stored.builtAt).toBe("2026-05-20T09:30:12Z");
    expect(stored.mapping).toEqual(storedMappingOf(mapping, override));
  });

  test("names the workbook no longer has are guessed again, and said", () => {
    const { override, dropped } = storedMappingFor(
      {
        sales: { table: "Ventas", columns: { customer: "Cliente", amount: "Importe Neto" } },
        customers: { table: "Clientes", columns: { id: "ID" } },
        leads: { table: null },
      },
      [sales, market]
    );
    expect(override).toEqual({
      sales: { table: "Ventas", columns: { customer: "Cliente" } },
      leads: { table: null },
    });
    expect(dropped.map((d) => droppedText(d, "en"))).toEqual([
      "the stored settings use column Importe Neto of table Ventas as amount, which is gone: guessed again",
      "the stored settings use table Clientes for customers, which this workbook no longer has: guessed again",
    ]);
    expect(droppedText(dropped[1], "es")).toBe(
      "la configuración guardada usa la tabla Clientes para clientes, que este libro ya no tiene: se busca otra"
    );
  });
});
