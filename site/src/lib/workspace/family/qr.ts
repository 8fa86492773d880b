import QRCode from 'qrcode';

// QR codes on the printed A5 card (issue 18, point 7): one per activity and one for the family's
// link, drawn on the server as SVG by the `qrcode` library (no network, no script in the page).

/** An SVG QR code of `text` (error correction M, a quiet zone of 2 modules), black on white. */
export async function qrSvg(text: string): Promise<string> {
  const svg = await QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
    color: { dark: '#000000', light: '#ffffff' },
  });
  // Decorative inside its labelled wrapper: the wrapper names it (role="img" with aria-label).
  return svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
}
