// The JSON Schema's verdict on the alt texts of crates/format/tests/alt_cases.json:
// the JunkAlt pattern of public/schema/common.schema.json, read as JSON
// Schema reads it (an ECMA-262 regular expression, Unicode), must call junk
// exactly what the validator does (crates/format/tests/alt_cases.rs holds
// the validator to the same file). The pattern uses no \p{…} class, so
// validators built on other regex engines (Python's re) read it the same.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const read = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8"));
const cases = read("../../crates/format/tests/alt_cases.json");
const defs = read("../../public/schema/common.schema.json").$defs;
const junk = new RegExp(defs.JunkAlt.pattern, "u");

test("the schema calls junk the same alt texts as the validator", () => {
  const wrong = [];
  for (const alt of cases.junk) if (!junk.test(alt)) wrong.push(`${JSON.stringify(alt)} should be junk`);
  for (const alt of cases.kept) if (junk.test(alt)) wrong.push(`${JSON.stringify(alt)} should be kept`);
  assert.deepEqual(wrong, []);
});

test("an empty alt is not junk: it is absent, and the caption decides", () => {
  for (const alt of ["", "   "]) assert.equal(junk.test(alt), false);
  // A junk or caption-less empty alt is a warning of the validator, so the
  // schema accepts it (one verdict): Alt is any string within the limit.
  assert.deepEqual(
    { type: defs.Alt.type, maxLength: defs.Alt.maxLength, not: defs.Alt.not },
    { type: "string", maxLength: 100000, not: undefined },
  );
  assert.equal(defs.Image.else, undefined);
});
