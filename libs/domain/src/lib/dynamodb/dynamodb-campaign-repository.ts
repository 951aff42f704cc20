import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  PutCommandInput,
  QueryCommandInput,
  TransactWriteCommand,
  TransactWriteCommandInput,
  UpdateCommand,
  UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { Campaign, CampaignControl } from '../campaigns/campaign';
import { CampaignBody, campaignDefinitionToBody } from '../campaigns/campaign-body';
import type { CampaignRepository, StoredCampaign } from '../campaigns/campaign-repository';
import { CampaignVersionConflictError } from '../campaigns/campaign-version-conflict-error';
import { parseCampaignDefinition } from '../campaigns/parse-campaign-definition';
import { fingerprint } from '../ledger/posting';
import { IdempotencyConflictError } from '../shared/idempotency-conflict-error';
import { err, ok, Result } from '../shared/result';
import { fromItem, keys } from './keys';
import { queryAll } from './query-pages';

/** A campaign item without its keys: the JSON-safe body (amounts as decimals, not bigint) beside the state. */
interface CampaignAttributes {
  readonly campaignId: string;
  readonly control: CampaignControl;
  readonly body: CampaignBody;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * Campaigns in one partition per tenant (`keys.campaign`). The body is stored as a client would send
 * it and parsed again on every read, so stored and submitted campaigns pass the same validation.
 * Reads are strongly consistent: an owner sees their change at once, and updates start from the latest version.
 */
export class DynamoDbCampaignRepository implements CampaignRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async listCampaigns(tenantId: string): Promise<readonly StoredCampaign[]> {
    const items = await queryAll(this.client, listCampaignsQuery(this.tableName, tenantId));
    return items.map(campaignFromItem);
  }

  async getCampaign(tenantId: string, campaignId: string): Promise<StoredCampaign | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.campaign(tenantId, campaignId), ConsistentRead: true }),
    );
    return Item && campaignFromItem(Item);
  }

  async createCampaign(
    tenantId: string,
    campaign: Campaign,
    idempotencyKey?: string,
  ): Promise<Result<StoredCampaign, IdempotencyConflictError>> {
    const at = this.now().toISOString();
    const stored: StoredCampaign = { ...campaign, version: 1, createdAt: at, updatedAt: at };
    const put = putNewCampaign(this.tableName, tenantId, stored);
    if (idempotencyKey === undefined) {
      await this.client.send(new PutCommand(put));
      return ok(stored);
    }
    const record: CreationRecord = { campaignId: campaign.campaignId, requestHash: campaignFingerprint(campaign) };
    try {
      await this.client.send(
        new TransactWriteCommand(createOnceTransaction(this.tableName, tenantId, idempotencyKey, record, put)),
      );
      return ok(stored);
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      // An earlier or concurrent create with the key; if its record is not there yet, the client retries.
      const first = await this.readCreation(tenantId, idempotencyKey);
      if (!first) throw error;
      return this.repeated(tenantId, idempotencyKey, record.requestHash, first);
    }
  }

  async updateCampaign(
    tenantId: string,
    campaign: Campaign,
    expectedVersion: number,
  ): Promise<Result<StoredCampaign, CampaignVersionConflictError>> {
    const command = updateCampaignCommand(this.tableName, tenantId, campaign, expectedVersion, this.now().toISOString());
    try {
      const { Attributes } = await this.client.send(new UpdateCommand(command));
      return ok(campaignFromItem(Attributes ?? {}));
    } catch (error) {
      if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
      return err(
        new CampaignVersionConflictError(`Campaign ${campaign.campaignId} was changed meanwhile; read it again`, {
          campaignId: campaign.campaignId,
          expectedVersion,
        }),
      );
    }
  }

  private async readCreation(tenantId: string, idempotencyKey: string): Promise<CreationRecord | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: creationKey(tenantId, idempotencyKey), ConsistentRead: true }),
    );
    return Item && fromItem<CreationRecord>(Item);
  }

  private async repeated(
    tenantId: string,
    idempotencyKey: string,
    requestHash: string,
    first: CreationRecord,
  ): Promise<Result<StoredCampaign, IdempotencyConflictError>> {
    if (first.requestHash !== requestHash) {
      return err(
        new IdempotencyConflictError(`${idempotencyKey} was already used for another campaign`, { idempotencyKey }),
      );
    }
    // Written in the same transaction as the record, and campaigns are never deleted.
    return ok((await this.getCampaign(tenantId, first.campaignId)) as StoredCampaign);
  }
}

/** What a create with an Idempotency-Key leaves behind: the campaign it made, and from what. */
interface CreationRecord {
  readonly campaignId: string;
  readonly requestHash: string;
}

/** The same campaign, whatever id each attempt drew. */
function campaignFingerprint(campaign: Campaign): string {
  return fingerprint({ ...campaign, campaignId: undefined });
}

/** Namespaced: the same client key may also name a redemption or an adjustment. */
const creationKey = (tenantId: string, idempotencyKey: string) =>
  keys.idempotency(tenantId, `campaign#${idempotencyKey}`);

function listCampaignsQuery(tableName: string, tenantId: string): QueryCommandInput {
  return {
    TableName: tableName,
    KeyConditionExpression: 'PK = :partition',
    ExpressionAttributeValues: { ':partition': keys.tenantCampaigns(tenantId) },
    ConsistentRead: true,
  };
}

/** Never overwrites: a second campaign with the same id is a bug, not an update. */
function putNewCampaign(tableName: string, tenantId: string, campaign: StoredCampaign): PutCommandInput {
  const attributes: CampaignAttributes = {
    campaignId: campaign.campaignId,
    control: campaign.control,
    body: campaignDefinitionToBody(campaign),
    version: campaign.version,
    createdAt: campaign.createdAt,
    updatedAt: campaign.updatedAt,
  };
  return {
    TableName: tableName,
    Item: { ...keys.campaign(tenantId, campaign.campaignId), entityType: 'CAMPAIGN', ...attributes },
    ConditionExpression: 'attribute_not_exists(PK)',
  };
}

/** The campaign and the record of the key that created it, together or not at all. */
function createOnceTransaction(
  tableName: string,
  tenantId: string,
  idempotencyKey: string,
  record: CreationRecord,
  put: PutCommandInput,
): TransactWriteCommandInput {
  return {
    TransactItems: [
      {
        Put: {
          TableName: tableName,
          Item: { ...creationKey(tenantId, idempotencyKey), entityType: 'IDEMPOTENCY', ...record },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      { Put: put },
    ],
  };
}

/** Replaces the body and the owner's action under the version read; `createdAt` stays. */
function updateCampaignCommand(
  tableName: string,
  tenantId: string,
  campaign: Campaign,
  expectedVersion: number,
  updatedAt: string,
): UpdateCommandInput {
  return {
    TableName: tableName,
    Key: keys.campaign(tenantId, campaign.campaignId),
    UpdateExpression: 'SET #body = :body, #control = :control, #version = :next, #updatedAt = :updatedAt',
    ConditionExpression: '#version = :expected',
    // Placeholders throughout: some attribute names are DynamoDB reserved words.
    ExpressionAttributeNames: {
      '#body': 'body',
      '#control': 'control',
      '#version': 'version',
      '#updatedAt': 'updatedAt',
    },
    ExpressionAttributeValues: {
      ':body': campaignDefinitionToBody(campaign),
      ':control': campaign.control,
      ':next': expectedVersion + 1,
      ':expected': expectedVersion,
      ':updatedAt': updatedAt,
    },
    ReturnValues: 'ALL_NEW',
  };
}

/** The stored body carries its own currency and time zone, so no tenant default enters here. */
function campaignFromItem(item: Record<string, unknown>): StoredCampaign {
  const { campaignId, control, body, version, createdAt, updatedAt } = fromItem<CampaignAttributes>(item);
  const parsed = parseCampaignDefinition(body);
  if (!parsed.ok) {
    // Failing loudly beats crediting orders without a campaign the owner believes is running.
    throw new Error(`Stored campaign ${campaignId} no longer parses: ${JSON.stringify(parsed.error.details)}`);
  }
  return { ...parsed.value, campaignId, control, version, createdAt, updatedAt };
}
