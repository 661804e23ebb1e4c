import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { cspPolicy, inlineScriptHashes } from './csp.ts';

describe('Content-Security-Policy', () => {
  it('hashes inline scripts exactly as written and skips external ones', () => {
    const body = "\n  document.documentElement.dataset.theme = 'dark';\n";
    const html = `<head><script>${body}</script><script type="module" src="/x.js"></script></head>`;
    const expected = createHash('sha256').update(body, 'utf8').digest('base64');
    expect(inlineScriptHashes(html)).toEqual([expected]);
    // One character more and the hash no longer matches: an edited script must be re-hashed by the build.
    expect(inlineScriptHashes(html.replace('dark', 'dark '))).not.toEqual([expected]);
  });

  it('is strict where the book allows it', () => {
    const p = cspPolicy(['abc']);
    expect(p).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc'");
    expect(p).toContain("object-src 'none'");
    expect(p).toContain("base-uri 'none'");
    expect(p).toContain("worker-src 'self'");
    expect(p).toContain("connect-src 'self'");
    expect(p).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(p).not.toMatch(/'unsafe-eval'/);
  });
});
