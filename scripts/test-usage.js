// Loaded with --import into every test-file process by scripts/run-tests.js (through node:test's run(), which
// starts each file's process with the runner's execArgv): when a test file's process exits, it appends one JSON
// line to TILLIT_TEST_USAGE_FILE with its wall time and the CPU time it and its finished children used (the
// `tillit` processes and Chromium it started and waited for), for the summary at the end of the run.
import { appendFileSync, readFileSync } from 'node:fs';

const out = process.env.TILLIT_TEST_USAGE_FILE;
// node's test runner marks the processes it starts for the files with NODE_TEST_CONTEXT; the runner has none.
if (out && process.env.NODE_TEST_CONTEXT) {
  process.on('exit', () => {
    appendFileSync(
      out,
      `${JSON.stringify({ file: process.argv[1], wallS: process.uptime(), cpuS: cpuSecondsWithChildren() })}\n`,
    );
  });
}

/** User + system CPU seconds of this process and of its children that have ended and been waited for. */
export function cpuSecondsWithChildren() {
  try {
    // /proc/self/stat: after the command name in parentheses come state, …; utime, stime, cutime, cstime are
    // the 14th to 17th fields of the whole line, in clock ticks (100 a second on Linux).
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) / 100;
  } catch {
    const { userCPUTime, systemCPUTime } = process.resourceUsage(); // no /proc: this process only
    return (userCPUTime + systemCPUTime) / 1e6;
  }
}
