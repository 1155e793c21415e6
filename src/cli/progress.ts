// Progress of a long run on a terminal (cli-progress, on stderr), with the run's own lines printed above the bar.
// Silent when stderr is not a terminal, so scripts, logs and pipes see only the lines.

export interface Progress {
  /** One more item done; `total` when it has become known or changed. */
  tick(total?: number): void;
  /** A line of the run's output, printed above the bar. */
  log(line: string): void;
  stop(): void;
}

/** `total` may be a function: it is called only when a bar is shown, so a run without one never counts its inputs. */
export async function progress(label: string, total: number | (() => Promise<number>), stream: NodeJS.WriteStream = process.stderr): Promise<Progress> {
  if (!stream.isTTY || process.env.TAIZHANG_NO_PROGRESS) {
    // The lines of one turn of the event loop go out in one write: a write per line of a province's run costs.
    let lines = '';
    const flush = () => {
      if (lines) process.stdout.write(lines);
      lines = '';
    };
    return {
      tick: () => undefined,
      log: (line) => {
        if (!lines) setImmediate(flush);
        lines += `${line}\n`;
      },
      stop: flush,
    };
  }
  const { MultiBar, Presets } = await import('cli-progress');
  const bars = new MultiBar(
    { stream, format: `${label} {bar} {value}/{total} 份 · {percentage}% · 约剩 {eta_formatted}`, hideCursor: true, clearOnComplete: true, etaBuffer: 50 },
    Presets.shades_classic,
  );
  const bar = bars.create(Math.max(typeof total === 'number' ? total : await total(), 1), 0);
  let done = 0;
  return {
    tick: (newTotal) => {
      done++;
      if (newTotal !== undefined || done > bar.getTotal()) bar.setTotal(Math.max(newTotal ?? done, done));
      bar.update(done);
    },
    log: (line) => bars.log(`${line}\n`),
    stop: () => bars.stop(),
  };
}
