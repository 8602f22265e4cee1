import { DomainException, ErrorCode } from '@app/common';
import type { Scope } from './scopes';

export type AuthenticationFailure = 'missing' | 'malformed' | 'invalid';

const DETAILS: Readonly<Record<AuthenticationFailure, string>> = {
  missing: 'This endpoint needs a credential: send Authorization: Bearer <secret>.',
  malformed: 'The Authorization header must be Bearer followed by the secret of an API key or the master key.',
  invalid: 'The credential is not valid: the key is unknown, revoked or expired.',
};

/** 401: no credential, or one that is malformed, unknown, revoked or expired. */
export class UnauthenticatedException extends DomainException {
  constructor(readonly reason: AuthenticationFailure = 'missing') {
    super(ErrorCode.UNAUTHENTICATED, DETAILS[reason]);
  }
}

/** 403: a valid credential without the operation's scope. */
export class MissingScopeException extends DomainException {
  constructor(
    requiredScope: Scope,
    detail = `This operation needs the scope ${requiredScope}, which the credential does not hold.`,
  ) {
    super(ErrorCode.FORBIDDEN, detail, { requiredScope });
  }
}

export class ApiKeyNotFoundException extends DomainException {
  constructor() {
    super(ErrorCode.NOT_FOUND, 'No API key has this id.');
  }
}
