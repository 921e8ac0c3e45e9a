/** Test helpers: Slack's request signing, documented payload shapes, a Web API stand-in and Block Kit's limits. */
export { checkBlockKit, type BlockSurface } from './block-kit-limits.js';
export { slackSignature, signedForm, signedJson, type SignedRequest } from './slack-signing.js';
export { SlackApiStandIn, type RecordedCall, type RecordedResponse, type StoredMessage } from './slack-api-stand-in.js';
export * from './payloads.js';
