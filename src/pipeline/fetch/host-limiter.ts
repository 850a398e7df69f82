/** Politeness per host: at most `perHost` requests at once and `minDelayMs` between two starts. */
export interface HostLimiter {
  /** Runs `task` when the host has room; requests to other hosts are not held up. */
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
}

interface HostState {
  active: number;
  nextStartAt: number;
  queue: Array<() => void>;
  timer: NodeJS.Timeout | null;
}

/** Creates a limiter; `global` caps requests in flight over all hosts. */
export function createHostLimiter(options: {
  perHost: number;
  minDelayMs: number;
  global: number;
}): HostLimiter {
  const hosts = new Map<string, HostState>();
  let globalActive = 0;
  const globalQueue: Array<() => void> = [];

  function acquireGlobal(): Promise<void> {
    if (globalActive < options.global) {
      globalActive++;
      return Promise.resolve();
    }
    return new Promise((resolve) => globalQueue.push(() => (globalActive++, resolve())));
  }

  function releaseGlobal(): void {
    globalActive--;
    globalQueue.shift()?.();
  }

  function pump(host: string, state: HostState): void {
    if (state.timer || state.queue.length === 0 || state.active >= options.perHost) return;
    const wait = state.nextStartAt - Date.now();
    if (wait > 0) {
      state.timer = setTimeout(() => {
        state.timer = null;
        pump(host, state);
      }, wait);
      return;
    }
    state.active++;
    state.nextStartAt = Date.now() + options.minDelayMs;
    state.queue.shift()?.();
    pump(host, state);
  }

  return {
    async run<T>(host: string, task: () => Promise<T>): Promise<T> {
      let state = hosts.get(host);
      if (!state) {
        state = { active: 0, nextStartAt: 0, queue: [], timer: null };
        hosts.set(host, state);
      }
      const s = state;
      await new Promise<void>((resolve) => {
        s.queue.push(resolve);
        pump(host, s);
      });
      await acquireGlobal();
      try {
        return await task();
      } finally {
        releaseGlobal();
        s.active--;
        if (s.active === 0 && s.queue.length === 0 && !s.timer && Date.now() >= s.nextStartAt)
          hosts.delete(host);
        else pump(host, s);
      }
    },
  };
}

/**
 * Politeness shared with other processes (several workers on one database): `acquire` waits for
 * one of the host's slots and returns its release. The fetcher takes it inside its own limiter.
 */
export interface HostGate {
  acquire(host: string): Promise<() => Promise<void>>;
}
