// Progress of a long command on stderr: a redrawn bar on a terminal, a plain line every tenth
// otherwise (logs and CI keep a readable record without carriage returns).

/** Where progress goes: stderr, or a test's stand-in. */
export interface ProgressOutput {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** Reports `done` out of `total` units, at most every 100 ms on a terminal. */
export class Progress {
  private lastDraw = 0;
  private lastTenth = -1;

  constructor(
    private readonly total: number,
    private readonly unit: string,
    private readonly out: ProgressOutput = process.stderr,
  ) {}

  /** Reports the new count. */
  update(done: number): void {
    const share = this.total === 0 ? 1 : Math.min(1, done / this.total);
    if (this.out.isTTY) {
      const now = Date.now();
      if (now - this.lastDraw < 100 && done < this.total) return;
      this.lastDraw = now;
      const width = Math.max(10, Math.min(40, (this.out.columns ?? 80) - 40));
      const filled = Math.round(share * width);
      this.out.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${done}/${this.total} ${this.unit}`,
      );
      return;
    }
    const tenth = Math.floor(share * 10);
    if (tenth > this.lastTenth) {
      this.lastTenth = tenth;
      this.out.write(`${done}/${this.total} ${this.unit} (${tenth * 10}%)\n`);
    }
  }

  /** Ends the bar's line on a terminal. */
  finish(): void {
    if (this.out.isTTY) this.out.write('\n');
  }
}
