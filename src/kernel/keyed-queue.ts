/**
 * Tasks run one at a time per key, in the order they came; different keys run side by side.
 * @module
 */

/** Runs tasks one at a time per key. */
export interface KeyedQueue {
  /** Runs `task` after every task queued before it under `key`; a failed task does not stop the next. */
  run<A>(key: string, task: () => Promise<A>): Promise<A>;
}

/** Creates a {@link KeyedQueue}; a key is forgotten as soon as its last task is done. */
export const createKeyedQueue = (): KeyedQueue => {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run: (key, task) => {
      const run = (tails.get(key) ?? Promise.resolve()).then(task);
      const settled = run.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, settled);
      void settled.then(() => {
        if (tails.get(key) === settled) tails.delete(key);
      });
      return run;
    },
  };
};
