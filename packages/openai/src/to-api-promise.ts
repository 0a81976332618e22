import type OpenAI from 'openai';
import { APIPromise } from 'openai/core/api-promise';

/** What the SDK's `APIPromise` reads about the HTTP exchange behind a result. */
export type ResponseProps = Awaited<ConstructorParameters<typeof APIPromise>[1]>;

/** A result of the pipeline and the HTTP response of the attempt that produced it. */
export interface AnsweredCall<TData> {
  readonly data: TData;
  readonly props: ResponseProps;
}

/**
 * Presents a pipeline call as the SDK's own `APIPromise`: awaiting it gives the data, and
 * `.withResponse()` / `.asResponse()` give the HTTP response of the answering attempt.
 */
export function toApiPromise<TData>(
  client: OpenAI,
  answer: Promise<AnsweredCall<TData>>,
): APIPromise<TData> {
  const props = answer.then((answered) => answered.props);
  // The data is ready once the props are: the parse step only hands it over.
  return new APIPromise<TData>(client, props, () =>
    answer.then((answered) => answered.data as never),
  );
}
