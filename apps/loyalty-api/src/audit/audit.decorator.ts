import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AuditNote } from './audit-note';

const AUDIT_NOTE = Symbol('auditNote');

type RequestWithNote = { [AUDIT_NOTE]?: AuditNote };

/** The request's AuditNote, created on first use; the AuditInterceptor reads the same one. */
export function auditNoteOf(request: object): AuditNote {
  const carrier = request as RequestWithNote;
  carrier[AUDIT_NOTE] ??= new AuditNote();
  return carrier[AUDIT_NOTE];
}

/**
 * Parameter decorator: `@Audit() audit: AuditNote`, then `audit.describe({ resourceId, before, after })`
 * once the change is made. Handlers that do not use it are audited all the same, without before/after.
 */
export const Audit = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  auditNoteOf(context.switchToHttp().getRequest()),
);
