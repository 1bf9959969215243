// Microsoft Recognizers-Text's English number model over a news text file,
// a paragraph (blank-line separated) at a time, as crosscheck's quantities
// benchmark reads it. Prints MB/s on one core and the numbers found.
//
//   node recognizers_throughput.js FILE
const fs = require("fs");
const { NumberRecognizer, Culture } = require("@microsoft/recognizers-text-number");

const text = fs.readFileSync(process.argv[2], "utf8");
const paragraphs = text.split("\n\n").filter((p) => p.length > 0);
const model = new NumberRecognizer(Culture.English).getNumberModel();
const start = process.hrtime.bigint();
let found = 0;
for (const paragraph of paragraphs) found += model.parse(paragraph).length;
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const megabytes = Buffer.byteLength(text, "utf8") / 1e6;
console.log(`recognizers-text-number: ${megabytes.toFixed(1)} MB in ${seconds.toFixed(2)} s ` +
            `(${(megabytes / seconds).toFixed(2)} MB/s), ${found} numbers`);
