// The JSON Schema's verdict on the URLs of crates/format/tests/url_cases.json:
// the Url and DataImageUrl patterns of public/schema/common.schema.json,
// read as JSON Schema reads them (ECMA-262 regular expressions, Unicode),
// must allow and refuse exactly what the validator does
// (crates/format/tests/url_cases.rs holds the validator to the same file).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const read = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8"));
const cases = read("../../crates/format/tests/url_cases.json");
const defs = read("../../public/schema/common.schema.json").$defs;

function matches(def, value) {
  if (typeof value !== "string") return false;
  if (def.minLength !== undefined && [...value].length < def.minLength) return false;
  if (def.maxLength !== undefined && [...value].length > def.maxLength) return false;
  return new RegExp(def.pattern, "u").test(value);
}

const judges = {
  link: (url) => matches(defs.Url, url),
  image: (url) => matches(defs.Url, url) || matches(defs.DataImageUrl, url),
};

test("the schema allows and refuses the same URLs as the validator", () => {
  const wrong = [];
  for (const [kind, judge] of Object.entries(judges)) {
    for (const url of cases[kind].allowed) if (!judge(url)) wrong.push(`${kind} ${JSON.stringify(url)} should be allowed`);
    for (const url of cases[kind].refused) if (judge(url)) wrong.push(`${kind} ${JSON.stringify(url)} should be refused`);
  }
  assert.deepEqual(wrong, []);
});
