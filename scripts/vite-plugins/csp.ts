/**
 * The Content-Security-Policy, written into the built index.html as a <meta> (a static host cannot be relied on
 * for headers). It is generated at build time: every inline <script> of the page is hashed (sha256) into
 * script-src, so editing the theme script cannot silently break it.
 *
 * Why each source is allowed:
 * - script-src 'self' + hashes: the app's own modules and the inline theme script, nothing else;
 *   'wasm-unsafe-eval' lets the wasm backend compile its binary (without it training falls back to WebGL).
 * - style-src-attr 'unsafe-inline': KaTeX's formula HTML carries inline style attributes (heights, struts).
 *   Style elements and sheets stay 'self' only (style-src-elem).
 * - font-src data: KaTeX's smallest fonts are inlined by the bundler; img-src data:/blob: for chart exports.
 * - worker-src / connect-src 'self': the training workers and their wasm binaries come from this site only.
 * The dev server does not get the policy (Vite's dev client injects inline scripts); `vite preview` serves it.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

export function cspPolicy(scriptHashes: string[]): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'", ...scriptHashes.map((h) => `'sha256-${h}'`)],
    'style-src': ["'self'"],
    'style-src-elem': ["'self'"],
    'style-src-attr': ["'unsafe-inline'"],
    'font-src': ["'self'", 'data:'],
    'img-src': ["'self'", 'data:', 'blob:'],
    'worker-src': ["'self'"],
    'connect-src': ["'self'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');
}

/** sha256 (base64) of every inline script's text, as a browser hashes it. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/.test(m[1] ?? '')) continue;
    hashes.push(createHash('sha256').update(m[2], 'utf8').digest('base64'));
  }
  return hashes;
}

export function cspPlugin(): Plugin {
  return {
    name: 'proximal-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const policy = cspPolicy(inlineScriptHashes(html));
        // Right after the charset declaration, before anything the policy governs.
        return html.replace(
          /(<meta charset="[^"]*"\s*\/?>)/i,
          `$1\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
        );
      },
    },
  };
}
