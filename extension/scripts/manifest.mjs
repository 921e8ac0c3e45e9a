// The extension's manifest, for Chrome (MV3 service worker) and Firefox (MV3 background script).
// Each permission is explained in extension/README.md.
export function manifest({ version, firefox }) {
  const icons = { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png', 48: 'icons/icon-48.png', 128: 'icons/icon-128.png' };
  const hubHosts = ['https://*/*', 'http://*/*'];
  return {
    manifest_version: 3,
    name: 'Rapport for Gmail',
    short_name: 'Rapport',
    version,
    description: 'Your CRM beside every email: the customer, their deals and follow-ups in Gmail, online or offline.',
    icons,
    action: { default_title: 'Rapport', default_popup: 'popup.html', default_icon: icons },
    options_ui: { page: 'options.html', open_in_tab: true },
    content_scripts: [{ matches: ['https://mail.google.com/*'], js: ['content.js'], run_at: 'document_idle' }],
    permissions: ['storage', 'alarms', 'notifications'],
    // A hub on this machine is reachable at once; any other hub's origin is asked for when it is set.
    host_permissions: ['http://localhost/*', 'http://127.0.0.1/*'],
    optional_host_permissions: hubHosts,
    ...(firefox
      ? {
          background: { scripts: ['background.js'] },
          browser_specific_settings: { gecko: { id: 'rapport-gmail@rapport.dev', strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } } },
        }
      : { background: { service_worker: 'background.js' }, minimum_chrome_version: '116' }),
  };
}
