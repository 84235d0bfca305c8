// `nest build` compiles TypeScript only; the few runtime files that are not TypeScript (the XLSX reader's worker
// thread, data tables shipped as text) are copied beside their compiled neighbours, same relative paths.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const RUNTIME_FILE = /\.(js|json|txt|csv)$/;
let copied = 0;
function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'test-fixtures' && entry.name !== 'testing') walk(full);
    } else if (RUNTIME_FILE.test(entry.name) && full.includes(`${path.sep}src${path.sep}`)) {
      const target = path.join(root, 'dist', path.relative(root, full));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(full, target);
      copied++;
    }
  }
}
for (const top of ['apps', 'libs']) walk(path.join(root, top));
process.stdout.write(`copied ${copied} runtime asset(s) into dist/\n`);
