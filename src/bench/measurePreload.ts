/** Preloaded by ./measure into measured processes: writes this process's resource usage at exit. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.BENCHVAL_MEASURE_DIR;
if (dir) {
  process.on('exit', () => {
    try {
      writeFileSync(join(dir, `${process.pid}.json`), JSON.stringify(process.resourceUsage()));
    } catch {
      // the folder is gone: the measurement is over
    }
  });
}
