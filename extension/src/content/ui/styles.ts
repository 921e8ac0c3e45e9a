/** The sidebar's stylesheet, inside its shadow root: Gmail's density and type, nothing leaks either way. */
export const SIDEBAR_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.frame { position: fixed; top: 64px; right: 0; bottom: 0; width: 320px; z-index: 2147483000; display: flex; flex-direction: column;
  background: #fff; border-left: 1px solid #dadce0; box-shadow: -1px 0 6px rgba(60,64,67,.08);
  font: 13px/18px "Google Sans Text", "Google Sans", Roboto, "Noto Sans", "Noto Sans CJK SC", "Segoe UI", system-ui, -apple-system, sans-serif; color: #202124; }
.frame.collapsed { width: 36px; }
.bar { display: flex; align-items: center; gap: 8px; height: 44px; padding: 0 8px 0 14px; border-bottom: 1px solid #e8eaed; flex: none; }
.logo { width: 18px; height: 18px; border-radius: 5px; background: linear-gradient(135deg,#1a73e8,#34a853); flex: none; }
.title { font: 500 14px/20px "Google Sans", Roboto, system-ui, sans-serif; }
.chip { margin-left: auto; font-size: 11px; line-height: 16px; padding: 1px 8px; border-radius: 10px; background: #e8f0fe; color: #1967d2; white-space: nowrap; }
.chip.offline { background: #fef7e0; color: #b06000; }
.chip.local { background: #e6f4ea; color: #137333; }
.iconbtn { border: 0; background: transparent; width: 28px; height: 28px; border-radius: 50%; cursor: pointer; color: #5f6368; font-size: 16px; line-height: 28px; padding: 0; }
.iconbtn:hover { background: #f1f3f4; }
.collapsed .bar { flex-direction: column; height: auto; padding: 8px 4px; border: 0; }
.collapsed .title, .collapsed .chip, .collapsed .body { display: none; }
.body { overflow-y: auto; flex: 1; padding: 0 0 16px; }
.notice { margin: 10px 14px 0; padding: 8px 10px; border-radius: 8px; font-size: 12px; background: #fce8e6; color: #a50e0e; }
.notice.info { background: #e8f0fe; color: #174ea6; }
.notice button { margin-left: 6px; }
.card { padding: 12px 14px 6px; border-bottom: 1px solid #f1f3f4; }
.who { display: flex; gap: 10px; align-items: flex-start; }
.avatar { width: 32px; height: 32px; border-radius: 50%; background: #8ab4f8; color: #fff; font: 500 13px/32px "Google Sans", Roboto, sans-serif; text-align: center; flex: none; }
.avatar.unknown { background: #bdc1c6; }
.name { font: 500 14px/20px "Google Sans", Roboto, "Noto Sans CJK SC", system-ui, sans-serif; overflow-wrap: anywhere; }
.sub { color: #5f6368; font-size: 12px; line-height: 16px; overflow-wrap: anywhere; }
.tag { display: inline-block; font-size: 11px; line-height: 16px; padding: 0 6px; border-radius: 4px; background: #f1f3f4; color: #3c4043; margin-left: 4px; }
.stale { color: #80868b; font-size: 11px; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin: 10px 0 4px; }
button.btn { font: 500 12px/16px "Google Sans", Roboto, system-ui, sans-serif; border: 1px solid #dadce0; background: #fff; color: #1a73e8; border-radius: 14px; padding: 5px 12px; cursor: pointer; }
button.btn:hover { background: #f6fafe; border-color: #d2e3fc; }
button.btn.primary { background: #1a73e8; border-color: #1a73e8; color: #fff; }
button.btn.primary:hover { background: #1765cc; }
button.btn:disabled { color: #80868b; background: #f1f3f4; border-color: #f1f3f4; cursor: default; }
button.link { border: 0; background: none; color: #1a73e8; cursor: pointer; font: inherit; font-size: 12px; padding: 0; }
.done { color: #137333; font-size: 12px; font-weight: 500; }
.section { margin-top: 10px; }
.section h3 { margin: 0 0 4px; font: 500 11px/16px "Google Sans", Roboto, sans-serif; letter-spacing: .6px; text-transform: uppercase; color: #5f6368; }
.row { padding: 6px 0; border-top: 1px solid #f1f3f4; }
.row:first-of-type { border-top: 0; }
.row .line { display: flex; justify-content: space-between; gap: 8px; }
.row .main { font-weight: 500; overflow-wrap: anywhere; }
.row .amount { font-weight: 500; white-space: nowrap; }
.row .line > .muted { white-space: nowrap; flex: none; }
.muted { color: #5f6368; font-size: 12px; }
.fields { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; margin: 4px 0; font-size: 12px; }
.fields dt { color: #5f6368; }
.fields dd { margin: 0; overflow-wrap: anywhere; }
.empty { color: #80868b; font-size: 12px; padding: 2px 0; }
.pill { display: inline-block; font-size: 11px; line-height: 16px; padding: 0 6px; border-radius: 8px; background: #e8f0fe; color: #1967d2; }
form.edit { display: grid; gap: 6px; margin: 6px 0 2px; padding: 8px; border-radius: 8px; background: #f8f9fa; }
form.edit label { display: grid; gap: 2px; font-size: 11px; color: #5f6368; }
input, select { font: 13px/18px inherit; font-family: inherit; border: 1px solid #dadce0; border-radius: 4px; padding: 4px 6px; background: #fff; color: #202124; min-width: 0; }
input:focus, select:focus { outline: 2px solid #d2e3fc; border-color: #1a73e8; }
.inline { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
.presets { display: flex; gap: 6px; flex-wrap: wrap; }
.toast { position: absolute; left: 12px; right: 12px; bottom: 12px; padding: 8px 12px; border-radius: 6px; background: #202124; color: #fff; font-size: 12px; }
.toast.error { background: #a50e0e; }
.placeholder { padding: 24px 16px; color: #5f6368; text-align: center; }
`;
