/** The panel's CSS (inside the shadow root, next to the loader's). The accent comes from --sc-accent. */
export const PANEL_CSS = `
.sc-panel{position:fixed;bottom:88px;right:20px;z-index:2147483000;width:370px;max-width:calc(100vw - 40px);height:600px;max-height:calc(100vh - 110px);display:flex;flex-direction:column;background:#fff;border-radius:12px;box-shadow:0 8px 28px rgba(0,0,0,.28);overflow:hidden}
.sc--left .sc-panel{right:auto;left:20px}
.sc-panel[hidden]{display:none}
.sc-head{display:flex;align-items:center;gap:8px;padding:12px 12px 12px 16px;background:var(--sc-accent);color:var(--sc-on-accent)}
.sc-title{flex:1;margin:0;font-size:16px;font-weight:600}
.sc-head button{background:transparent;color:inherit;border:1px solid currentColor;border-radius:6px;padding:4px 8px;font:inherit;font-size:13px;cursor:pointer}
.sc-head .sc-close{border:0;font-size:22px;line-height:1;padding:2px 8px}
.sc-notices:empty{display:none}
.sc-notice{margin:0;padding:8px 16px;background:#fff5ea;color:#4a2a00;font-size:13px;border-bottom:1px solid #f0d3a8}
.sc-notice button{margin-left:8px}
.sc-body{flex:1;display:flex;flex-direction:column;min-height:0;overflow:auto}
.sc-chat{flex:1;display:flex;flex-direction:column;min-height:0}
.sc-log{flex:1;margin:0;padding:12px;overflow-y:auto}.sc-log-list{margin:0;padding:0;list-style:none;display:flex;flex-direction:column;gap:8px}
.sc-empty{margin:auto;color:#616161;font-size:14px;text-align:center;padding:16px}
.sc-msg{display:flex;flex-direction:column;max-width:85%;align-self:flex-start}
.sc-msg--shopper{align-self:flex-end;align-items:flex-end}
.sc-msg--system{align-self:center;align-items:center;max-width:95%}
.sc-bubble{padding:8px 12px;border-radius:14px;background:#f1f2f3;color:#202223;overflow-wrap:anywhere}
.sc-msg--shopper .sc-bubble{background:var(--sc-accent);color:var(--sc-on-accent)}
.sc-msg--bot .sc-bubble{background:#fff;border:1px dashed #8c9196}
.sc-msg--system .sc-bubble{background:transparent;color:#616161;font-style:italic;font-size:13px;padding:2px 8px}
.sc-text{margin:0;white-space:pre-wrap}
.sc-who{font-size:11px;font-weight:600;color:#616161;margin:0 4px 2px}
.sc-meta{margin:2px 4px 0;font-size:11px;color:#616161}
.sc-meta--failed{color:#b42318}
.sc-files{list-style:none;margin:4px 0 0;padding:0;display:flex;flex-direction:column;gap:4px}
.sc-img{display:block;max-width:100%;max-height:220px;border-radius:8px}
.sc-file{font:inherit;font-size:13px;background:#fff;color:#202223;border:1px solid #c9cccf;border-radius:6px;padding:4px 8px;cursor:pointer;text-align:left}
.sc-typing{margin:0;padding:0 16px 6px;font-size:12px;color:#616161;min-height:1.4em}
.sc-composer{border-top:1px solid #e1e3e5;padding:8px}
.sc-row{display:flex;align-items:flex-end;gap:6px}
.sc-input{flex:1;resize:none;font:inherit;font-size:15px;padding:8px 10px;border:1px solid #8c9196;border-radius:8px;max-height:120px;color:#202223;background:#fff}
.sc-icon-btn{width:36px;height:36px;border-radius:50%;border:1px solid #8c9196;background:#fff;color:#202223;font-size:20px;line-height:1;cursor:pointer}
.sc-send,.sc-primary{font:inherit;font-weight:600;background:var(--sc-accent);color:var(--sc-on-accent);border:0;border-radius:8px;padding:8px 14px;cursor:pointer}
.sc-secondary{font:inherit;background:#fff;color:#202223;border:1px solid #8c9196;border-radius:8px;padding:8px 14px;cursor:pointer}
.sc-send:disabled,.sc-primary[aria-disabled="true"]{opacity:.6;cursor:default}
.sc-chips{list-style:none;margin:0 0 6px;padding:0;display:flex;flex-wrap:wrap;gap:6px}
.sc-chips:empty{display:none}
.sc-chip{display:flex;align-items:center;gap:4px;font-size:12px;background:#f1f2f3;border-radius:12px;padding:2px 4px 2px 10px}
.sc-chip--busy{padding-right:10px;color:#616161}
.sc-chip-remove{border:0;background:transparent;font-size:16px;line-height:1;cursor:pointer;padding:2px 6px;color:#202223}
.sc-form{display:flex;flex-direction:column;gap:10px;padding:16px}
.sc-card .sc-form{padding:8px 0 0}
.sc-intro,.sc-hint{margin:0;color:#616161;font-size:13px}
.sc-hint{margin-top:-6px}
.sc-label{display:flex;flex-direction:column;gap:4px;font-size:14px;font-weight:500}
.sc-field{font:inherit;font-weight:400;padding:8px 10px;border:1px solid #8c9196;border-radius:8px;color:#202223;background:#fff}
.sc-actions{display:flex;gap:8px;flex-wrap:wrap}
.sc-error{margin:0;color:#b42318;font-size:13px}
.sc-card{margin:8px 12px 0;padding:12px;border:1px solid #e1e3e5;border-radius:10px;background:#fafbfb;font-size:14px}
.sc-card p{margin:0}
.sc-stars{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:6px}
.sc-stars legend{font-weight:600;margin-bottom:6px;padding:0}
.sc-star{display:flex;flex-direction:column;align-items:center;min-width:52px;padding:4px;border:1px solid #c9cccf;border-radius:8px;cursor:pointer;font-size:12px}
.sc-star input{margin:0 0 2px}
.sc-star-word{font-size:10px;color:#616161;text-align:center}
.sc-thanks{font-weight:600}
.sc-lookup{padding:0 0 16px}
.sc-subtitle{margin:16px 16px 0;font-size:16px}
.sc-result{padding:0 16px}
.sc-result p{margin:0}
.sc-order h3{margin:0 0 4px;font-size:15px}
.sc-order-status{font-weight:600}
.sc-late{color:#8a4b00;font-weight:600}
.sc-parcels{list-style:none;margin:8px 0 0;padding:0;display:flex;flex-direction:column;gap:8px}
.sc-parcel{border:1px solid #e1e3e5;border-radius:8px;padding:8px 10px}
.sc-parcel h4{margin:0 0 4px;font-size:14px}
.sc-parcel dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:2px 10px;font-size:13px}
.sc-parcel dt{color:#616161}
.sc-parcel dd{margin:0;overflow-wrap:anywhere}
.sc-parcel a{color:#2c6ecb}
.sc button:focus-visible,.sc input:focus-visible,.sc textarea:focus-visible,.sc a:focus-visible{outline:2px solid #2c6ecb;outline-offset:2px}
@media (max-width:480px){.sc-panel{inset:0;width:auto;max-width:none;height:auto;max-height:none;border-radius:0}}
`;
