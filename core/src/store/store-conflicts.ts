import { conflict, type CrmError } from '../shared/errors.js';

/**
 * The conflicts a Store raises when a write breaks a unique rule, worded once so every
 * implementation says the same thing. Each names what clashed; details carry the values.
 */
export const storeConflicts = {
  duplicateId: (what: string, id: string): CrmError =>
    conflict(`A ${what} with id ${id} already exists.`, { id }),
  emailTaken: (email: string, contactId: string): CrmError =>
    conflict(`The email address ${email} already belongs to another contact.`, { email, contactId }),
  domainTaken: (domain: string, accountId: string): CrmError =>
    conflict(`The domain ${domain} already belongs to another account.`, { domain, accountId }),
  externalIdTaken: (externalId: string, activityId: string): CrmError =>
    conflict(`An activity with external id ${externalId} is already logged.`, { externalId, activityId }),
  userEmailTaken: (email: string, userId: string): CrmError =>
    conflict(`There is already a user with the address ${email}.`, { email, userId }),
  tokenHashTaken: (tokenId: string): CrmError =>
    conflict('An access token with the same hash already exists.', { tokenId }),
  idempotencyKeyTaken: (key: string): CrmError =>
    conflict(`The idempotency key ${key} has already been used.`, { key }),
  targetTaken: (userId: string, month: string, currency: string, targetId: string): CrmError =>
    conflict(`There is already a ${currency} target for ${month} for this person; change that one instead.`, { userId, month, currency, targetId }),
  fieldKeyTaken: (objectType: string, key: string, fieldId: string): CrmError =>
    conflict(`There is already a ${objectType} field with the key ${key}.`, { objectType, key, fieldId }),
};
