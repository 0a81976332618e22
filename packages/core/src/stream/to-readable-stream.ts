/** A Web `ReadableStream` over an async iterable; cancelling it ends the iteration. */
export function toReadableStream<T>(source: AsyncIterable<T>): ReadableStream<T> {
  let iterator: AsyncIterator<T> | undefined;
  return new ReadableStream<T>({
    async pull(controller) {
      iterator ??= source[Symbol.asyncIterator]();
      const result = await iterator.next();
      if (result.done) controller.close();
      else controller.enqueue(result.value);
    },
    async cancel() {
      await iterator?.return?.();
    },
  });
}
