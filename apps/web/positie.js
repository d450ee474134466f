// Read-your-writes: the position of the last command this tab sent; overviews wait until they include it.
export const onthoudPositie = (antwoord) => {
  if (Number.isInteger(antwoord?.position)) sessionStorage.setItem('naPositie', String(antwoord.position));
};
export const naPositie = () => sessionStorage.getItem('naPositie') ?? undefined;
