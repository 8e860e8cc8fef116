/**
 * An email address, as text or as a mailto link. An address has no spaces to wrap at, so a long
 * one may break anywhere rather than make its column, or the page, wider than a phone's screen.
 */
export function EmailAddress({
  address,
  link = false,
  className = "",
}: {
  address: string;
  link?: boolean;
  className?: string;
}) {
  const classes = `wrap-anywhere ${className}`.trim();
  return link ? (
    <a href={`mailto:${address}`} className={`${classes} text-brand-600 hover:underline`}>
      {address}
    </a>
  ) : (
    <span className={classes}>{address}</span>
  );
}
