// jstat ships no types; declare only the part the analysis uses.
declare module "jstat" {
  const jStat: {
    studentt: { inv(p: number, dof: number): number; cdf(x: number, dof: number): number };
    normal: { cdf(x: number, mean: number, sd: number): number };
  };
  export default jStat;
}
