/** The add-in's public base URL, as a production build writes it into the manifest and metadata. */
import { readFileSync } from "fs";
import { join } from "path";
import { publicBaseUrl, withPublicUrl } from "../../src/build/publicUrl";
import { ROOT } from "../support/builtAddin";

test.each([
  [
    "https://addins.contoso.com/spec-scorecard",
    "https://addins.contoso.com/spec-scorecard/",
    "https://addins.contoso.com",
  ],
  [
    "https://addins.contoso.com/spec-scorecard/",
    "https://addins.contoso.com/spec-scorecard/",
    "https://addins.contoso.com",
  ],
  [
    " https://cdn.example.org:8443/ ",
    "https://cdn.example.org:8443/",
    "https://cdn.example.org:8443",
  ],
])("%s is written as %s", (given, url, origin) => {
  expect(publicBaseUrl(given)).toEqual({ ok: true, url, origin });
});

test.each([
  ["http://addins.contoso.com/", /must start with https:\/\//],
  ["addins.contoso.com", /is not a URL/],
  ["https://addins.contoso.com/?v=2", /without \?, # or a user/],
  ["https://localhost:3000/", /not localhost/],
])("%s is refused with a message saying what to give", (given, message) => {
  const base = publicBaseUrl(given);
  expect(base.ok).toBe(false);
  if (!base.ok) expect(base.error).toMatch(message);
});

test("the manifest with a public base URL names localhost nowhere: URLs under the base, the app domain its origin", () => {
  const base = publicBaseUrl("https://addins.contoso.com/spec/");
  if (!base.ok) throw new Error(base.error);
  const manifest = withPublicUrl(readFileSync(join(ROOT, "manifest.xml"), "utf8"), base);
  expect(manifest).not.toMatch(/localhost/);
  const urls = [...manifest.matchAll(/DefaultValue="(https:[^"]+)"|Value="(https:[^"]+)"/g)].map(
    (m) => m[1] ?? m[2]
  );
  expect(urls.length).toBeGreaterThan(20);
  for (const u of urls) expect(u.startsWith("https://addins.contoso.com/spec/")).toBe(true);
  expect(manifest).toContain("<AppDomain>https://addins.contoso.com</AppDomain>");
});
