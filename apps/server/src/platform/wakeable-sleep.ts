/**
 * A loop's pause that others can cut short: new work, a dropped connection, stop(). A wake() that comes while
 * the loop is busy is kept, so the next sleep returns at once instead of missing it.
 */
export class WakeableSleep {
  private sleeper: (() => void) | undefined;
  private pending = false;

  /** Waits `ms`, or until wake(). */
  sleep(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleeper = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleeper = done;
    });
  }

  wake(): void {
    if (this.sleeper) this.sleeper();
    else this.pending = true;
  }

  /** Drops a wake() kept from before, for a pause that must last whatever happened earlier. */
  forget(): void {
    this.pending = false;
  }
}
