// Digamma ψ, trigamma ψ′ and tetragamma ψ″ for x > 0, and the inverse of trigamma: what the empirical-Bayes variance
// prior (moderated-t.ts) needs to fit a scaled F distribution to log variances. jstat has only the gamma function and
// its log; each of these is the recurrence ψ(x) = ψ(x + 1) − 1/x (and its derivatives) up to x ≥ 10, then the
// asymptotic series (Abramowitz & Stegun 6.3.18, 6.4.12), accurate to about 1e-14 there.

const SHIFT_TO = 10;

export function digamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let acc = 0;
  while (x < SHIFT_TO) acc -= 1 / x++;
  const r = 1 / (x * x);
  return acc + Math.log(x) - 0.5 / x - r * (1 / 12 - r * (1 / 120 - r * (1 / 252 - r * (1 / 240 - r * (1 / 132)))));
}

export function trigamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let acc = 0;
  while (x < SHIFT_TO) acc += 1 / (x * x++);
  const r = 1 / (x * x);
  return acc + 1 / x + r / 2 + (r / x) * (1 / 6 - r * (1 / 30 - r * (1 / 42 - r * (1 / 30 - (r * 5) / 66))));
}

export function tetragamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let acc = 0;
  while (x < SHIFT_TO) acc -= 2 / (x * x * x++);
  const r = 1 / (x * x);
  return acc - r - r / x - r * r * (1 / 2 - r * (1 / 6 - r * (1 / 6 - r * (3 / 10 - (r * 5) / 6))));
}

/** The x > 0 with trigamma(x) = y, by limma's Newton iteration on 1/trigamma (Smyth 2004, appendix). */
export function trigammaInverse(y: number): number {
  if (!(y > 0)) return Number.NaN;
  if (y > 1e7) return 1 / Math.sqrt(y);
  if (y < 1e-6) return 1 / y;
  let x = 0.5 + 1 / y;
  for (let i = 0; i < 50; i++) {
    const tri = trigamma(x);
    const step = (tri * (1 - tri / y)) / tetragamma(x);
    x += step;
    if (-step / x < 1e-8) break;
  }
  return x;
}
