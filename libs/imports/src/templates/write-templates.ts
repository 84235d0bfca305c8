// Writes the 双公示 import templates into docs/templates, from the same code the API serves them with.
// Run after changing the template columns: node -r ./tools/register.js libs/imports/src/templates/write-templates.ts
// (penalty-template.files.spec.ts fails while the committed copies differ from what the code builds).
import fs from 'node:fs';
import path from 'node:path';
import { penaltyTemplateFiles } from './penalty-template.files';

export const TEMPLATE_DOCS_DIR = path.resolve(__dirname, '../../../../docs/templates');

async function main(): Promise<void> {
  fs.mkdirSync(TEMPLATE_DOCS_DIR, { recursive: true });
  for (const [name, content] of Object.entries(await penaltyTemplateFiles())) {
    fs.writeFileSync(path.join(TEMPLATE_DOCS_DIR, name), content);
    console.log(`wrote ${path.relative(process.cwd(), path.join(TEMPLATE_DOCS_DIR, name))} (${content.length} bytes)`);
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
