/**
 * Deliveries from several readers to one callback, never two at once: a stream's events keep
 * their order and the callback never runs concurrently with itself.
 * @module
 */

/** Hands deliveries over one at a time, in the order they came. */
export const oneAtATime = () => {
  let last: Promise<unknown> = Promise.resolve();
  return <A>(run: () => A | Promise<A>): Promise<A> => {
    const next = last.then(run);
    last = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  };
};
