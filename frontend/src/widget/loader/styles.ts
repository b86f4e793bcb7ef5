/** The loader's CSS (inside the shadow root): the container and the launcher button. */
export const LOADER_CSS = `
.sc{all:initial;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","PingFang SC","Microsoft YaHei",sans-serif;font-size:15px;line-height:1.4;color:#202223}
.sc *,.sc *::before,.sc *::after{box-sizing:border-box}
.sc [hidden]{display:none!important}
.sc-launcher{position:fixed;bottom:20px;right:20px;z-index:2147483000;width:56px;height:56px;border-radius:50%;border:0;padding:0;cursor:pointer;background:var(--sc-accent);color:var(--sc-on-accent);box-shadow:0 4px 12px rgba(0,0,0,.25);display:flex;align-items:center;justify-content:center}
.sc--left .sc-launcher{right:auto;left:20px}
.sc-launcher:focus-visible{outline:3px solid #2c6ecb;outline-offset:3px}
.sc-launcher svg{width:28px;height:28px;fill:currentColor}
.sc-badge{position:absolute;top:-4px;right:-4px;min-width:22px;height:22px;padding:0 6px;border-radius:11px;background:#d72c0d;color:#fff;font-size:12px;font-weight:700;line-height:22px;text-align:center}
.sc-vh{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
@media (prefers-reduced-motion:no-preference){.sc-launcher{transition:transform .15s}.sc-launcher:hover{transform:scale(1.06)}}
`;
