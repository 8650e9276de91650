/**
 * A catch-up subscription that keeps its position in a {@link CheckpointStore}: it starts after
 * the saved checkpoint, saves as it goes and once more on `stop()`, so a restarted reader goes on
 * where the last one stopped. Works over any event store.
 *
 * Delivery is exactly once across a `stop()` and a restart. After a crash, the events handled
 * since the last save (at most `saveEvery`) come again: a reader that must never see one twice
 * stores its checkpoint in the same transaction as its own writes and subscribes with `after`.
 * @module
 */
import { isLeft, right } from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { AnyEvent } from '../kernel/envelope.js';
import type { StoreError } from '../kernel/errors.js';
import type { EventStore, SubscribeOptions, Subscription } from '../kernel/event-store.js';
import type { CheckpointStore } from './checkpoint-store.js';

/** The reader's name, where its checkpoint is kept, and how often the position is saved. */
export interface CheckpointedSubscribeOptions<E extends AnyEvent> extends Omit<SubscribeOptions<E>, 'after'> {
  readonly checkpoints: CheckpointStore;
  /** The reader's name, the key of its checkpoint. */
  readonly name: string;
  /** Save the position after every this many events (default 1); it is saved on `stop()` too. */
  readonly saveEvery?: number;
}

/**
 * Loads the checkpoint of `name` and subscribes after it. A failing save reports a `StoreError`
 * through `onError` and stops the subscription.
 */
export const subscribeFromCheckpoint =
  <E extends AnyEvent>(
    store: EventStore<E>,
    options: CheckpointedSubscribeOptions<E>,
  ): TaskEither<StoreError, Subscription> =>
  async () => {
    const { checkpoints, name, onEvent } = options;
    const saveEvery = Math.max(1, options.saveEvery ?? 1);
    const loaded = await checkpoints.load(name)();
    if (isLeft(loaded)) return loaded;
    let saved = loaded.right;
    let unsaved = 0;
    let failed = false;

    const save = async (position: number): Promise<boolean> => {
      const result = await checkpoints.save(name, position)();
      if (isLeft(result)) {
        failed = true;
        options.onError?.(result.left);
        return false;
      }
      saved = position;
      unsaved = 0;
      return true;
    };

    const subscription: Subscription = store.subscribe({
      ...options,
      after: saved,
      onEvent: async (event) => {
        if (failed) return;
        await onEvent(event);
        if (++unsaved >= saveEvery && !(await save(event.metadata.globalPosition))) {
          void subscription.stop(); // not awaited: stop waits for this very event
        }
      },
    });
    return right({
      position: subscription.position,
      caughtUp: subscription.caughtUp,
      stop: async () => {
        await subscription.stop();
        const position = subscription.position();
        // Positions follow the log's order, not their size; every other position is newer.
        if (!failed && position !== saved) await save(position);
      },
    });
  };
