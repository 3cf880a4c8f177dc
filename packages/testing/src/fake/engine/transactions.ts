/**
 * Writes one at a time, each all or nothing, as PostHog's requests run in a database transaction
 * (`ATOMIC_REQUESTS`): a write answered with an error — a validation error, a refusal, or a bug in
 * the fake — leaves the state exactly as it was before the request. Reads do not wait.
 */

export type Atomically = (write: () => Promise<Response>) => Promise<Response>;

export function createWriteQueue(db: { snapshot(): unknown; restore(snapshot: unknown): void }): Atomically {
  let tail: Promise<void> = Promise.resolve();
  return async (write) => {
    const previous = tail;
    let release!: () => void;
    tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    const before = db.snapshot();
    try {
      const response = await write();
      if (response.status >= 400 || response.type === "error") db.restore(before);
      return response;
    } catch (error) {
      db.restore(before);
      throw error;
    } finally {
      release();
    }
  };
}
