/** Test helpers: a local stand-in for HubSpot's CRM API. */
export { HubSpotStandIn, type StandInRecord, type StandInPipeline, type StandInProperty } from './hubspot-stand-in.js';
