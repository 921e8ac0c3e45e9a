import type { ConnectorUnitOfWork, ImportUnitOfWork } from '@rapport/core';
import type { SqlContext } from './context.js';
import { SqlAccountRepository } from './repositories/sql-account-repository.js';
import { SqlActivityRepository } from './repositories/sql-activity-repository.js';
import { SqlAggregateQueries } from './repositories/sql-aggregate-queries.js';
import { SqlContactRepository } from './repositories/sql-contact-repository.js';
import { SqlCustomFieldRepository } from './repositories/sql-custom-field-repository.js';
import { SqlDealRepository } from './repositories/sql-deal-repository.js';
import { SqlDeliveryRepository } from './repositories/sql-delivery-repository.js';
import { SqlEventRepository } from './repositories/sql-event-repository.js';
import { SqlIdempotencyRepository } from './repositories/sql-idempotency-repository.js';
import { SqlPipelineRepository } from './repositories/sql-pipeline-repository.js';
import { SqlReminderRepository } from './repositories/sql-reminder-repository.js';
import { SqlSearchQueries } from './repositories/sql-search-queries.js';
import { SqlSettingsRepository } from './repositories/sql-settings-repository.js';
import { SqlTeamRepository } from './repositories/sql-team-repository.js';
import { SqlTokenRepository } from './repositories/sql-token-repository.js';
import { SqlUserRepository } from './repositories/sql-user-repository.js';
import { SqlAnalyticsQueries } from './repositories/sql-analytics-queries.js';
import { SqlCampaignRepository, SqlTargetRepository } from './repositories/sql-target-campaign-repositories.js';
import { SqlExchangeRateRepository } from './repositories/sql-exchange-rate-repository.js';
import { SqlReportingQueries } from './repositories/sql-reporting-queries.js';
import { SqlImportJobRepository, SqlImportLinkRepository } from './repositories/sql-import-repositories.js';

import { SqlConnectorState } from './repositories/sql-connector-state.js';

export function createSqlUnitOfWork(ctx: SqlContext): ImportUnitOfWork & ConnectorUnitOfWork {
  return {
    users: new SqlUserRepository(ctx),
    teams: new SqlTeamRepository(ctx),
    tokens: new SqlTokenRepository(ctx),
    accounts: new SqlAccountRepository(ctx),
    contacts: new SqlContactRepository(ctx),
    pipelines: new SqlPipelineRepository(ctx),
    deals: new SqlDealRepository(ctx),
    activities: new SqlActivityRepository(ctx),
    reminders: new SqlReminderRepository(ctx),
    deliveries: new SqlDeliveryRepository(ctx),
    events: new SqlEventRepository(ctx),
    idempotency: new SqlIdempotencyRepository(ctx),
    settings: new SqlSettingsRepository(ctx),
    search: new SqlSearchQueries(ctx),
    aggregates: new SqlAggregateQueries(ctx),
    customFields: new SqlCustomFieldRepository(ctx),
    targets: new SqlTargetRepository(ctx),
    campaigns: new SqlCampaignRepository(ctx),
    analytics: new SqlAnalyticsQueries(ctx),
    exchangeRates: new SqlExchangeRateRepository(ctx),
    reporting: new SqlReportingQueries(ctx),
    importLinks: new SqlImportLinkRepository(ctx),
    importJobs: new SqlImportJobRepository(ctx),
    connectors: new SqlConnectorState(ctx),
  };
}
