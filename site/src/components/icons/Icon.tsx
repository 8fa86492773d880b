import { drawings, isIconName } from './drawings.ts';

type Props = { name: string | null | undefined; size?: number; className?: string };

/**
 * One of the site's drawn icons, inline (no request, no emoji font needed). Always decoration:
 * the words beside it say what it means, so it is hidden from screen readers. Astro pages render
 * it on the server without hydration; islands use it too. An unknown name draws the star.
 */
export default function Icon({ name, size = 24, className }: Props) {
  const paths = drawings[isIconName(name) ? name : 'star'];
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 24 24"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {paths.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
