import { useState } from 'react';

type Props = { url: string; text: string; labels: { share: string; copy: string; copied: string } };

/**
 * Share an offer the way families do: WhatsApp first (a plain link that works without
 * JavaScript too), and copying the link where the clipboard is available.
 */
export default function ShareButtons({ url, text, labels }: Props) {
  const [copied, setCopied] = useState(false);
  const canCopy = typeof navigator !== 'undefined' && Boolean(navigator.clipboard);
  return (
    <div className="share">
      <a className="button" href={`https://wa.me/?text=${encodeURIComponent(text)}`} rel="noopener">
        {labels.share}
      </a>
      {canCopy && (
        <button
          type="button"
          className="button secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(url);
            setCopied(true);
          }}
        >
          {labels.copy}
        </button>
      )}
      <span role="status" className="status">{copied ? labels.copied : ''}</span>
    </div>
  );
}
