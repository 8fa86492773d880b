import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrSvg } from './qr.ts';

describe('qrSvg', () => {
  it('draws the QR code of the text, hidden from screen readers inside its labelled wrapper', async () => {
    const url = 'https://droomkaart.example/nl/gezin/l1.family.abc';
    const svg = await qrSvg(url);
    expect(svg.startsWith('<svg aria-hidden="true" focusable="false" ')).toBe(true);
    // The modules plus a quiet zone of 2 on each side.
    const size = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules.size;
    expect(svg).toContain(`viewBox="0 0 ${size + 4} ${size + 4}"`);
    expect(svg).toContain('stroke="#000000"');
    expect(await qrSvg('https://droomkaart.example/nl/activiteiten/zwemles')).not.toBe(svg);
  });
});
