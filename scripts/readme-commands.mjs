// npm run readme: write the README's command table (between its `commands` markers) from the
// command definitions. test/unit/readme-commands.test.ts fails when the two disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCliDocs } from './cli-docs.mjs';

const file = fileURLToPath(new URL('../README.md', import.meta.url));
const { readmeTable, replaceTable } = await loadCliDocs();
writeFileSync(file, replaceTable(readFileSync(file, 'utf8'), readmeTable()));
