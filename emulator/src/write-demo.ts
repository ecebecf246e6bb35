/** Writes the demo estate file: `npm run emulator:demo`. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildDemoEstate } from './demo';

const out = resolve(__dirname, '..', 'estates', 'contoso-health.json');
writeFileSync(out, JSON.stringify(buildDemoEstate(), null, 2) + '\n');
console.log(`wrote ${out}`);
