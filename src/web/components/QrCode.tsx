import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/**
 * A QR code drawn as SVG, named for screen readers by `label` (say what scanning it opens).
 * The SVG is generated here by the `qrcode` package from `value`, never taken from a user, so
 * inserting it as markup is safe.
 */
export function QrCode({ value, label, size = 160 }: { value: string; label: string; size?: number }) {
  const [svg, setSvg] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    QRCode.toString(value, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })
      // Scaled by its box rather than fixed pixels, so it shrinks with a narrow screen.
      .then((drawn) => {
        if (current) setSvg(drawn.replace('<svg ', '<svg width="100%" height="100%" focusable="false" aria-hidden="true" '));
      })
      .catch(() => {
        if (current) setSvg(null);
      });
    return () => {
      current = false;
    };
  }, [value]);

  return (
    <div
      role="img"
      aria-label={label}
      style={{ width: size, maxWidth: '100%', aspectRatio: '1 / 1', lineHeight: 0, background: '#fff', flex: 'none' }}
      // Our own generated SVG (see above), not user HTML.
      dangerouslySetInnerHTML={svg ? { __html: svg } : undefined}
    />
  );
}
