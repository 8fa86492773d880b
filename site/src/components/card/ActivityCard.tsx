import type { CardModel } from '../../lib/catalogue/card-model.ts';
import { cardPicture } from '../../lib/activity/images.ts';
import Icon from '../icons/Icon.tsx';

type Props = {
  card: CardModel;
  /** "Alleen in het Nederlands", said when the text is the Dutch fallback. */
  onlyDutchText: string;
  /** The heading level of the card's title in its page (h3 under a list's h2). */
  level?: 2 | 3;
  /** False in the map's compact list (up to 250 cards): no picture or drawing there. */
  withPicture?: boolean;
};

/**
 * The activity card, the same everywhere (catalogue and map list in the island; organisation pages,
 * regelingen and workspace results rendered on the server without hydration): a picture or a
 * drawing of its kind, the title as the link, and when, where, how far, ages and cost.
 */
export default function ActivityCard({ card, onlyDutchText, level = 3, withPicture = true }: Props) {
  const picture = withPicture ? cardPicture(card.image) : null;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <article className={withPicture ? 'card activity-card' : 'card activity-card card--compact'}>
      {!withPicture ? null : picture ? (
        <picture className="card-image">
          {picture.sources.map((s) => (
            <source key={s.type} type={s.type} srcSet={s.srcset} sizes={picture.sizes} />
          ))}
          <img src={picture.src} width={picture.width} height={picture.height} alt="" loading="lazy" decoding="async" />
        </picture>
      ) : (
        <span className={`card-image card-drawing card-drawing--${card.illustration}`}>
          <Icon name={card.illustration} size={40} />
        </span>
      )}
      <div className="card-body">
        <Heading className="card-heading" lang={card.lang}>
          <a href={card.href}>{card.title}</a>
        </Heading>
        {card.onlyDutch && <p className="only-dutch">{onlyDutchText}</p>}
        <p className="card-summary" lang={card.lang}>
          {card.summary}
        </p>
        <ul className="facts">
          {card.when && <li className="when">{card.when}</li>}
          {card.where && <li className="where">{card.where}</li>}
          {card.distance && <li className="distance">{card.distance}</li>}
          <li className="ages">{card.ages}</li>
          <li className="cost">{card.cost}</li>
        </ul>
      </div>
    </article>
  );
}
