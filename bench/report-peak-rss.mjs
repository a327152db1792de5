// Preloaded into a dist/ entry by the memory benchmark (NODE_OPTIONS=--import): when the process
// exits, writes its peak resident set size in MB to the file named by PEAK_RSS_FILE. Plain JavaScript on
// purpose: a preloaded .ts file makes Node load its type stripper (~17 MB of RSS) into the very process
// being measured, which the action on a runner never does.
import { writeFileSync } from 'node:fs';

const file = process.env.PEAK_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS / 1024)));
