// The one source of "now" (architecture convention 4). Tests pin it with setClock; everything
// stored is UTC, and a tenant's calendar is derived from its time zone when needed.
type Now = () => Date;

let current: Now = () => new Date();

export const clock = {
  now: (): Date => current(),
};

/** Pins the clock to a fixed instant or a function; returns a restore callback. */
export function setClock(at: Date | Now): () => void {
  const previous = current;
  current = typeof at === "function" ? at : () => new Date(at.getTime());
  return () => {
    current = previous;
  };
}
