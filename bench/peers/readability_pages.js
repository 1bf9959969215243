// Mozilla Readability over the pages of the article-extraction benchmark:
// each HTML_DIR/<sha256>.html.gz becomes {"<sha256>": {"articleBody": text}}
// in OUT_JSON, the shape the benchmark's evaluate.py reads. Only building the
// DOM and Readability's parse are timed; reading and gunzip are not.
//
//   node readability_pages.js HTML_DIR OUT_JSON
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

const [dir, out] = process.argv.slice(2);
const files = fs.readdirSync(dir).filter((name) => name.endsWith(".html.gz")).sort();
// The pages' own CSS and script errors would otherwise flood stderr.
const quiet = new VirtualConsole();
const result = {};
let nanoseconds = 0n;
let bytes = 0;
for (const name of files) {
  const inflated = zlib.gunzipSync(fs.readFileSync(path.join(dir, name)));
  bytes += inflated.length;
  // Decoded here as UTF-8, as every page of the benchmark is: a Buffer would
  // make jsdom guess windows-1252 for pages without a <meta charset>.
  const html = inflated.toString("utf8");
  const start = process.hrtime.bigint();
  const dom = new JSDOM(html, { virtualConsole: quiet });
  const article = new Readability(dom.window.document).parse();
  nanoseconds += process.hrtime.bigint() - start;
  dom.window.close();
  result[name.slice(0, -".html.gz".length)] = { articleBody: article ? article.textContent.trim() : "" };
}
fs.writeFileSync(out, JSON.stringify(result));
const seconds = Number(nanoseconds) / 1e9;
console.log(`readability: ${files.length} pages, ${seconds.toFixed(2)} s, ` +
            `${(files.length / seconds).toFixed(1)} pages/s, ${(bytes / 1e6 / seconds).toFixed(2)} MB/s of HTML`);
