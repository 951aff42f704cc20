import { Logger } from '@aws-lambda-powertools/logger';
import { AuditRecord, DynamoDbAuditLog, newId } from '@loyalty/domain';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { concatMap, Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/jwt-auth.guard';
import { REQUEST_ID_HEADER } from '../http/request-id.middleware';
import { routePattern } from '../http/route-pattern';
import { auditNoteOf } from './audit.decorator';
import { AuditNote } from './audit-note';
import { NOT_AUDITED } from './not-audited.decorator';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global: every successful non-GET request by staff, an owner, an admin or a system caller is
 * appended to its tenant's audit trail before the response leaves (a Lambda may be frozen right
 * after it). Customers' own actions are in the ledger, not here.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly auditLog: DynamoDbAuditLog,
    private readonly logger: Logger,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Partial<AuthenticatedRequest>>();
    const notAudited = this.reflector.getAllAndOverride<boolean>(NOT_AUDITED, [
      context.getHandler(),
      context.getClass(),
    ]);
    const { principal, tenantId } = request;
    if (notAudited || READS.has(request.method ?? 'GET') || !principal || !tenantId || principal.role === 'customer') {
      return next.handle();
    }
    const note = auditNoteOf(request);
    return next.handle().pipe(
      concatMap(async (data: unknown) => {
        await this.append(auditRecord(request as AuthenticatedRequest, note));
        return data;
      }),
    );
  }

  /**
   * The change is made and cannot be undone here: a record that cannot be stored is logged (without
   * before/after, which may hold personal data) and the caller still gets the answer.
   */
  private async append(record: AuditRecord): Promise<void> {
    try {
      await this.auditLog.append(record);
    } catch (error) {
      const { auditId, tenantId, at, actor, action, requestId } = record;
      this.logger.error('Audit record lost', {
        error: error as Error,
        auditRecord: { auditId, tenantId, at, actor, action, requestId },
      });
    }
  }
}

function auditRecord(request: AuthenticatedRequest, note: AuditNote): AuditRecord {
  const { resourceId, tenantId, before, after } = note.described;
  const resource = resourceId ?? Object.values(request.params ?? {}).at(-1);
  return {
    tenantId: tenantId ?? request.tenantId,
    auditId: newId('audit'),
    at: new Date().toISOString(),
    actor: { sub: request.principal.sub, role: request.principal.role },
    action: {
      method: request.method,
      route: routePattern(request),
      ...(resource !== undefined && { resourceId: resource }),
    },
    requestId: String(request.headers[REQUEST_ID_HEADER] ?? ''),
    ...(before !== undefined && { before: asJson(before) }),
    ...(after !== undefined && { after: asJson(after) }),
  };
}

/** As the API would show it: plain JSON data (no class instances, dates as text, no undefined). */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}
