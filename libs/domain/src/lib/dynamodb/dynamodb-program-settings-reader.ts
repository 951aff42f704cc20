import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_PROGRAM, ProgramSettings } from '../program/program-settings';
import type { ProgramSettingsReader } from '../program/program-settings-reader';
import { keys } from './keys';

/** Reads the `program` attribute of the tenant's profile item; settings never stored are defaults. */
export class DynamoDbProgramSettingsReader implements ProgramSettingsReader {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getProgram(tenantId: string): Promise<ProgramSettings> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.tenant(tenantId),
        ProjectionExpression: 'program',
      }),
    );
    return { ...DEFAULT_PROGRAM, ...(Item?.['program'] as Partial<ProgramSettings> | undefined) };
  }
}
