import type { ContentContext } from './context.js';
import { FEATURES } from './features.js';

/** The content script on mail.google.com: starts each feature; a page unload ends them. */
const controller = new AbortController();
const context: ContentContext = { parts: [] };
for (const feature of FEATURES) {
  try {
    feature.init(context, controller.signal);
  } catch (error) {
    console.error(`Rapport: the ${feature.id} feature did not start`, error);
  }
}
addEventListener('pagehide', () => controller.abort(), { once: true });
