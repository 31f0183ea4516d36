// Events arrive in bursts (a player fetching segments, a transcode reporting progress): queue them and hand them
// over at most every `ms`, so a store commits — and React renders — once per burst instead of once per event.
export function batcher<T>(ms: number, commit: (batch: T[]) => void): (item: T) => void {
  let queue: T[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const batch = queue;
    queue = [];
    if (batch.length) commit(batch);
  };
  return (item) => {
    queue.push(item);
    timer ??= setTimeout(flush, ms);
  };
}
