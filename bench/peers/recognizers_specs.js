// Recognizers-Text's own JavaScript models over their English spec files,
// scored as crosscheck's conformance test scores crosscheck: every case
// counts (those the specs mark NotSupported for JavaScript too), and a case
// passes when the results are exactly the expected ones, text
// (case-insensitive) and value.
//
//   node recognizers_specs.js SPECS_DIR
const fs = require("fs");
const path = require("path");
const { recognizeNumber, recognizePercentage, Culture } = require("@microsoft/recognizers-text-number");

const models = {
  "NumberModel.json": recognizeNumber,
  "PercentModel.json": recognizePercentage,
};

function sameValue(expected, actual) {
  if (expected === actual) return true;
  const a = parseFloat(String(expected).replace(/%$/, ""));
  const b = parseFloat(String(actual).replace(/%$/, ""));
  return Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
}

let allCases = 0;
let allPassed = 0;
for (const [file, recognize] of Object.entries(models)) {
  const cases = JSON.parse(fs.readFileSync(path.join(process.argv[2], "Number", "English", file), "utf8"));
  let passed = 0;
  for (const spec of cases) {
    const expected = (spec.Results || []).map((r) => [r.Text.toLowerCase(), (r.Resolution || {}).value]);
    const actual = recognize(spec.Input, Culture.English).map((r) => [r.text.toLowerCase(), r.resolution.value]);
    const ok = expected.length === actual.length &&
               expected.every(([text, value], k) => text === actual[k][0] && sameValue(value, actual[k][1]));
    if (ok) passed++;
  }
  allCases += cases.length;
  allPassed += passed;
  console.log(`${file.padEnd(24)} ${String(cases.length).padStart(5)} ${String(passed).padStart(5)} ` +
              `${(100 * passed / cases.length).toFixed(1).padStart(6)}%`);
}
console.log(`${"all".padEnd(24)} ${String(allCases).padStart(5)} ${String(allPassed).padStart(5)} ` +
            `${(100 * allPassed / allCases).toFixed(1).padStart(6)}%`);
