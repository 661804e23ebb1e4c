/**
 * A QR code drawn as SVG from uqr's module matrix (no HTML string is inserted: the text may come from a link).
 * Dark modules on a white quiet zone whatever the theme, so phone cameras read it on a projector too.
 */
import { useMemo } from 'react';
import { encode } from 'uqr';

export function QrCode({
  text,
  label,
  size = 220,
  testId,
}: {
  text: string;
  label: string;
  size?: number;
  testId?: string;
}) {
  const qr = useMemo(() => encode(text, { ecc: 'M', border: 2 }), [text]);
  const path = useMemo(() => {
    let d = '';
    qr.data.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) d += `M${x} ${y}h1v1h-1z`;
      }),
    );
    return d;
  }, [qr]);
  return (
    <svg
      role="img"
      aria-label={label}
      data-testid={testId}
      data-version={qr.version}
      width={size}
      height={size}
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      shapeRendering="crispEdges"
      style={{ background: '#fff', maxWidth: '100%', height: 'auto' }}
    >
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
