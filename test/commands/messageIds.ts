/** A message id leaking into a reply: lowercase words joined by dashes, at least three (`apy-col-source`). */
export const MESSAGE_ID = /\b[a-z]+-[a-z0-9]+-[a-z0-9-]+\b/;
