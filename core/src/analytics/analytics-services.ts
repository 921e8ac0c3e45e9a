import type { AnalyticsServiceDeps } from '../services/context.js';
import { ActivityReportService } from './activity/activity-report.service.js';
import { CampaignService } from './campaigns/campaign.service.js';
import { CustomerValueService } from './customers/customer-value.service.js';
import { ForecastService } from './forecast/forecast.service.js';
import { FunnelService } from './funnel/funnel.service.js';
import { PipelineReportService } from './pipeline/pipeline-report.service.js';
import { AnalyticsSettingsService } from './settings/analytics-settings.service.js';
import { StageTimeService } from './stages/stage-time.service.js';
import { TargetService } from './targets/target.service.js';
import { WinLossService } from './win-loss/win-loss.service.js';
import { ExchangeRateService } from './currency/exchange-rate.service.js';

/** The pipeline analytics: reports, and the targets, campaigns and settings they use. */
export interface AnalyticsServices {
  pipeline: PipelineReportService;
  forecast: ForecastService;
  stages: StageTimeService;
  funnel: FunnelService;
  activity: ActivityReportService;
  customers: CustomerValueService;
  winLoss: WinLossService;
  targets: TargetService;
  campaigns: CampaignService;
  settings: AnalyticsSettingsService;
  /** The reporting currency and dated exchange rates. */
  exchangeRates: ExchangeRateService;
}

export function createAnalyticsServices(deps: AnalyticsServiceDeps): AnalyticsServices {
  return {
    pipeline: new PipelineReportService(deps),
    forecast: new ForecastService(deps),
    stages: new StageTimeService(deps),
    funnel: new FunnelService(deps),
    activity: new ActivityReportService(deps),
    customers: new CustomerValueService(deps),
    winLoss: new WinLossService(deps),
    targets: new TargetService(deps),
    campaigns: new CampaignService(deps),
    settings: new AnalyticsSettingsService(deps),
    exchangeRates: new ExchangeRateService(deps),
  };
}
