/** Level options "1 Rare", "2 Unlikely" … for one axis of the matrix. */
export const levelChoices = (labels: string[]) =>
  labels.map((label, i) => ({ value: String(i + 1), label: `${i + 1} ${label}` }));
