import { DynamoDBDocumentClient, QueryCommand, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Page, PagePosition } from '../shared/page';
import { fromItem } from './keys';

/**
 * Reads up to `limit` items of a query, from `after` on. A filter can leave DynamoDB pages short, so
 * pages are read until the limit is reached or the query ends. The position handed out is the key
 * of the last item returned (`keyAttributes` of the table or index), so nothing is skipped or repeated.
 */
export async function queryPage<T>(
  client: DynamoDBDocumentClient,
  input: QueryCommandInput,
  query: { limit: number; after?: PagePosition; keyAttributes: readonly string[] },
): Promise<Page<T>> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined = query.after;
  do {
    const page = await client.send(
      new QueryCommand({ ...input, Limit: input.FilterExpression ? 100 : query.limit - items.length, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start && items.length < query.limit);
  const returned = items.slice(0, query.limit);
  const last = returned[returned.length - 1];
  const more = items.length > query.limit || start !== undefined;
  return {
    items: returned.map((item) => fromItem<T>(item)),
    ...(more && last && { next: Object.fromEntries(query.keyAttributes.map((name) => [name, last[name]])) }),
  };
}

/** All items of a query, page by page. */
export async function queryAll(client: DynamoDBDocumentClient, input: QueryCommandInput): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
