export { HubSpotConnector, type HubSpotConnectorOptions } from './hubspot-connector.js';
export { HubSpotClient, HUBSPOT_API, type HubSpotClientOptions } from './hubspot-client.js';
export { HUBSPOT_FIELDS, HUBSPOT_OBJECTS } from './hubspot-objects.js';
export { signV3, verifyV3, MAX_WEBHOOK_AGE_MS } from './webhook-signature.js';
