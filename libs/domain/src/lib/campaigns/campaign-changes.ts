import { Campaign } from './campaign';
import { campaignDefinitionToBody } from './campaign-body';
import { parseCampaignDefinition } from './parse-campaign-definition';
import { err, ok, Result } from '../shared/result';
import { ValidationError } from '../shared/validation-error';

/**
 * Applies a `PATCH /campaigns/{id}` body as a JSON merge patch (RFC 7386) over the campaign's
 * current body: objects merge field by field, lists are replaced, `null` removes a field (e.g.
 * `{"endDate": null}` makes the campaign open-ended). The result is validated as a whole, exactly as
 * a new campaign would be. The type cannot change: a different kind of reward is a new campaign.
 */
export function applyCampaignChanges(current: Campaign, changes: unknown): Result<Campaign, ValidationError> {
  if (!isPlainObject(changes)) {
    return err(new ValidationError('Campaign changes must be a JSON object', { fields: { body: 'an object' } }));
  }
  if (changes['type'] !== undefined && changes['type'] !== current.reward.kind) {
    return err(
      new ValidationError('Invalid campaign changes', {
        fields: { type: `stays ${current.reward.kind}; create a new campaign for another type` },
      }),
    );
  }
  const merged = mergePatch(campaignDefinitionToBody(current), changes);
  const parsed = parseCampaignDefinition(merged, { currency: current.currency, timeZone: current.timeZone });
  if (!parsed.ok) return parsed;
  return ok({ ...parsed.value, campaignId: current.campaignId, control: current.control });
}

function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  const merged: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = mergePatch(merged[key], value);
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
