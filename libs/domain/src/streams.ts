/** Stream names per aggregate: `<categorie>-<id>`. Ids never contain the separator's meaning. */
export const streams = {
  afspraak: (afspraakId: string) => `afspraak-${afspraakId}`,
  programma: (programmaId: string) => `programma-${programmaId}`,
  partij: (partijId: string) => `partij-${partijId}`,
  indicator: (indicatorId: string) => `indicator-${indicatorId}`,
} as const;

export const STREAM_CATEGORIEEN = ['afspraak', 'programma', 'partij', 'indicator'] as const;
export type StreamCategorie = (typeof STREAM_CATEGORIEEN)[number];

/** The category and id of a stream name, or null when it is not one of ours. */
export const parseStreamName = (streamId: string): { categorie: StreamCategorie; id: string } | null => {
  const dash = streamId.indexOf('-');
  if (dash < 1) return null;
  const categorie = streamId.slice(0, dash);
  return (STREAM_CATEGORIEEN as readonly string[]).includes(categorie)
    ? { categorie: categorie as StreamCategorie, id: streamId.slice(dash + 1) }
    : null;
};
