/** The look of the emulator's sign-in pages: Entra ID's, in light and dark. */
export const PICKER_CSS = `
:root{color-scheme:light dark;--bg:#f3f2f1;--card:#fff;--fg:#1b1b1b;--muted:#605e5c;--line:#e1dfdd;--hover:#f3f2f1;--accent:#0067b8}
@media (prefers-color-scheme:dark){:root{--bg:#1b1a19;--card:#252423;--fg:#f3f2f1;--muted:#c8c6c4;--line:#3b3a39;--hover:#323130;--accent:#4aa0e6}}
*{box-sizing:border-box}body{margin:0;min-height:100vh;display:flex;flex-direction:column;align-items:center;justify-content:center;background:var(--bg);color:var(--fg);font:15px/1.4 "Segoe UI","Segoe UI Web (West European)",-apple-system,BlinkMacSystemFont,Roboto,"Helvetica Neue",sans-serif}
.card{width:min(480px,94vw);background:var(--card);padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
.brand{display:flex;align-items:center;gap:10px;font-weight:600;color:var(--muted)}.brand small{font-weight:400}
.logo{display:grid;grid-template-columns:10px 10px;gap:2px}.logo i{width:10px;height:10px;display:block}
.logo i:nth-child(1){background:#f25022}.logo i:nth-child(2){background:#7fba00}.logo i:nth-child(3){background:#00a4ef}.logo i:nth-child(4){background:#ffb900}
h1{font-size:24px;font-weight:600;margin:16px 0 4px}.to{margin:0 0 16px;color:var(--muted)}
ul.accounts{list-style:none;margin:0;padding:0;border-top:1px solid var(--line)}
.account{all:unset;box-sizing:border-box;display:flex;gap:12px;align-items:center;width:100%;padding:12px 8px;border-bottom:1px solid var(--line);cursor:pointer}
.account:hover{background:var(--hover)}.account:focus-visible{outline:2px solid var(--accent);outline-offset:-2px}
.avatar{flex:none;width:40px;height:40px;border-radius:50%;display:grid;place-items:center;background:var(--accent);color:#fff;font-weight:600}
.who{display:flex;flex-direction:column;min-width:0}.name{font-weight:600}.upn,.role{color:var(--muted);font-size:13px}
.note{color:var(--muted);font-size:13px;margin-top:20px}.problem{color:#a4262c;background:#fde7e9;padding:8px 12px}
@media (prefers-color-scheme:dark){.problem{color:#f1bbbc;background:#442726}}
a{color:var(--accent)}footer{margin-top:16px;color:var(--muted);font-size:12px}`;
